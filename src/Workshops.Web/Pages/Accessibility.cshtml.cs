using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages;

/// <summary>
/// The accessibility statement (saavutettavuusseloste) that Finnish law (306/2019) asks of a public-sector
/// service: how accessible the site is, how that was checked, where to give feedback, who enforces it.
/// </summary>
public sealed class AccessibilityModel(IOptions<SiteOptions> site) : PageModel
{
    /// <summary>
    /// The day a person last reviewed the statement (not today's date: a page that is never reviewed must not
    /// look fresh). Update it with the text. 30.11.2026: the enforcement body became Lupa- ja valvontavirasto.
    /// </summary>
    public static readonly DateOnly Reviewed = new(2026, 11, 30);

    public SiteOptions Site => site.Value;

    /// <summary>"27.11.2026", or "27 November 2026" in English.</summary>
    public static string ReviewedText(string language) =>
        language == "en"
            ? Reviewed.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
            : Reviewed.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public string ReviewedOn => ReviewedText(Cultures.Current);
}
