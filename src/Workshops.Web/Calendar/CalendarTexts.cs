using System.Globalization;
using Microsoft.Extensions.Localization;
using Workshops.Web.Localization;

namespace Workshops.Web.Calendar;

/// <summary>
/// The few words calendar files need, from the same resources as every other string. They are read in the
/// language asked for, not the request's: calendar files are also built for emails, outside a request.
/// </summary>
public sealed class CalendarTexts(IStringLocalizer<SharedResource> l)
{
    public string CalendarName(string language) => In(language, () => l["Sosiaalisten innovaatioiden kehittämistyöpajat"]);

    public string Online(string language) => In(language, () => l["Verkossa"]);

    /// <summary>Put before the title of a cancelled workshop, for clients that do not show STATUS:CANCELLED.</summary>
    public string CancelledPrefix(string language) => In(language, () => l["PERUTTU: "]);

    public string JoinLink(string language) => In(language, () => l["Liittymislinkki"]);

    public string FeedFileName(string language) => In(language, () => l["tyopajat.ics"]);

    private static string In(string language, Func<LocalizedString> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.IsSupported(language) ? language : Cultures.Default);
        try
        {
            return read().Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
