using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Workshops.Web.Domain;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Email;

/// <summary>
/// A notice to an organiser about their own account (<see cref="EmailKind.PasswordChanged"/>): plain words, the time in
/// Helsinki, what to do if it was not them, no personal link. In the language the organiser used (fi by default).
/// </summary>
public sealed class OrganiserNoticeComposer(
    IStringLocalizer<SharedResource> l,
    IOptions<EmailOptions> email,
    IOptions<SiteOptions> site,
    SiteLinks links)
{
    /// <summary>The finished message of <paramref name="outgoing"/> (its recipient, language and creation time).</summary>
    public Task<MimeMessage> ComposeAsync(OutgoingEmail outgoing)
    {
        var language = Cultures.IsSupported(outgoing.Language) ? outgoing.Language! : Cultures.Default;
        var (previousCulture, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var when = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(outgoing.CreatedAtUtc, DateTimeKind.Utc), HelsinkiTime.Zone);
            var address = outgoing.RecipientEmail!;
            string[] paragraphs =
            [
                l["Järjestäjätunnuksesi {0} salasana vaihdettiin {1} (Suomen aikaa). Kaikki tunnuksen kirjautumiset päättyivät.", address, when.ToString("d.M.yyyy HH.mm", CultureInfo.InvariantCulture)],
                l["Jos vaihdoit salasanan itse, tämä viesti ei vaadi mitään."],
                l["Jos et vaihtanut sitä, joku muu tietää salasanasi: ota heti yhteyttä sivuston ylläpitäjään, joka voi poistaa tunnuksen käytöstä ja asettaa uuden salasanan."],
                l["Kirjautuminen: {0}", links.OrganiserSignIn(language)],
            ];
            var message = new MimeMessage
            {
                MessageId = outgoing.MessageId(site.Value.BaseUri.Host),
                Date = new DateTimeOffset(DateTime.SpecifyKind(outgoing.CreatedAtUtc, DateTimeKind.Utc)),
                Subject = l["Salasanasi vaihdettiin"],
            };
            message.From.Add(MailboxAddress.Parse(email.Value.From));
            message.To.Add(new MailboxAddress("", address));
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Headers.Add(HeaderId.ContentLanguage, language);
            message.Body = new MultipartAlternative
            {
                new TextPart(MimeKit.Text.TextFormat.Plain) { Text = string.Join("\n\n", paragraphs) + "\n" },
                new TextPart(MimeKit.Text.TextFormat.Html)
                {
                    Text = "<!DOCTYPE html><html lang=\"" + language + "\"><body>"
                        + string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>")) + "</body></html>",
                },
            };
            message.Prepare(EncodingConstraint.SevenBit);
            return Task.FromResult(message);
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
