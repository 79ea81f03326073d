using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Certificates;

/// <summary>
/// A certificate record as its PDF, in the certificate's language: the texts from the resources, the workshop's title,
/// date (its Helsinki date) and place or "online", the organiser (Certificates__Organiser), the funding acknowledgement
/// (Funder__Statement, Funder__Programme, Funder__EuEmblem) and the verification URL on Site__PublicBaseUrl.
/// </summary>
public sealed class CertificateDocument(
    IStringLocalizer<SharedResource> l,
    IOptions<FunderOptions> funder,
    IOptions<CertificateOptions> options,
    SiteLinks links)
{
    /// <summary>The PDF's bytes for <paramref name="certificate"/> of <paramref name="workshop"/>.</summary>
    public byte[] Render(Certificate certificate, Workshop workshop) => CertificatePdf.Render(Content(certificate, workshop));

    /// <summary>The file name offered for download: the workshop's slug, never the person's name.</summary>
    public static string FileName(Workshop workshop) => $"certificate-{workshop.Slug}.pdf";

    /// <summary>What the certificate prints, in its language.</summary>
    public CertificateContent Content(Certificate certificate, Workshop workshop)
    {
        var language = Cultures.IsSupported(certificate.Language) ? certificate.Language : Cultures.Default;
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var place = workshop.PlaceOrOnline(language, l["Verkossa"], l["ei ilmoitettu"]) ?? "";
            return new CertificateContent(
                l["Todistus osallistumisesta"],
                l["Tällä todistetaan, että"],
                certificate.HolderName,
                l["osallistui työpajaan"],
                workshop.Title.For(language),
                l["Päivämäärä: {0}", Date(workshop.Date, language)],
                l["Paikka: {0}", place],
                l["Järjestäjä: {0}", options.Value.Organiser.For(language)],
                funder.Value.Statement.For(language),
                funder.Value.Programme.For(language),
                funder.Value.EuEmblem,
                l["Tarkista todistuksen aitous osoitteessa:"],
                links.CertificatePage(certificate.Code),
                language);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    /// <summary>The workshop's day as a certificate writes it: "31.5.2028", "31 May 2028".</summary>
    public static string Date(DateOnly date, string language) =>
        date.ToString(language == "en" ? "d MMMM yyyy" : "d.M.yyyy", CultureInfo.GetCultureInfo(language));
}
