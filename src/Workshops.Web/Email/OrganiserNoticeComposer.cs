using System.Globalization;
using Microsoft.Extensions.Localization;
using MimeKit;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Email;

/// <summary>
/// A message to an organiser about their own account, in the language they used (fi by default): the
/// <see cref="EmailKind.PasswordChanged"/> notice (the time in Helsinki, what to do if it was not them, no personal link),
/// and the two messages with a one-use link to set a password: <see cref="EmailKind.MemberInvitation"/> and
/// <see cref="EmailKind.PasswordReset"/> (issue 25).
/// </summary>
public sealed class OrganiserNoticeComposer(
    IStringLocalizer<SharedResource> l,
    MailEnvelope envelope,
    SiteLinks links)
{
    /// <summary>
    /// The finished message of <paramref name="outgoing"/> (its recipient, language and creation time). <paramref name="link"/>
    /// is the invitation's or the reset's one-use address (minted by the sender), and <paramref name="role"/> the invited
    /// member's role; both unused by the password-changed notice.
    /// </summary>
    public Task<MimeMessage> ComposeAsync(OutgoingEmail outgoing, string? link = null, MemberRole role = MemberRole.Administrator)
    {
        var language = Cultures.IsSupported(outgoing.Language) ? outgoing.Language! : Cultures.Default;
        return MailEnvelope.InCultureAsync(language, () =>
        {
            var when = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(outgoing.CreatedAtUtc, DateTimeKind.Utc), HelsinkiTime.Zone);
            var address = outgoing.RecipientEmail!;
            var (subject, paragraphs) = outgoing.Kind switch
            {
                EmailKind.MemberInvitation => (l["Kutsu työpajojen järjestäjätiimiin"], Invitation(address, link!, role, language)),
                EmailKind.PasswordReset => (l["Uusi salasana järjestäjätunnukseesi"], Reset(address, link!, language)),
                _ => (l["Salasanasi vaihdettiin"], Changed(address, when, language)),
            };
            var message = envelope.Start(outgoing, subject, "", address, language,
                new DateTimeOffset(DateTime.SpecifyKind(outgoing.CreatedAtUtc, DateTimeKind.Utc)), replyToContact: false);
            message.Body = MailEnvelope.NoticeBody(paragraphs, subject, language, link);
            return Task.FromResult(MailEnvelope.Seal(message));
        });
    }

    private string[] Changed(string address, DateTime when, string language) =>
    [
        l["Järjestäjätunnuksesi {0} salasana vaihdettiin {1} (Suomen aikaa). Kaikki tunnuksen kirjautumiset päättyivät.", address, when.ToString("d.M.yyyy HH.mm", CultureInfo.InvariantCulture)],
        l["Jos vaihdoit salasanan itse, tämä viesti ei vaadi mitään."],
        l["Jos et vaihtanut sitä, joku muu tietää salasanasi: ota heti yhteyttä sivuston ylläpitäjään, joka voi poistaa tunnuksen käytöstä ja asettaa uuden salasanan."],
        l["Kirjautuminen: {0}", links.OrganiserSignIn(language)],
    ];

    private string[] Invitation(string address, string link, MemberRole role, string language) =>
    [
        l["Sinut on kutsuttu työpajojen ilmoittautumissivuston järjestäjätiimiin tunnuksella {0}, roolissa: {1}.", address, RoleName(role)],
        l["Aseta oma salasanasi tästä linkistä. Linkki toimii kerran ja {0} päivää:", (int)MemberTokens.InvitationLifespan.TotalDays],
        link,
        l["Jos et odottanut kutsua, voit jättää viestin huomiotta: tunnusta ei voi käyttää ilman salasanaa."],
        l["Kirjautuminen: {0}", links.OrganiserSignIn(language)],
    ];

    private string[] Reset(string address, string link, string language) =>
    [
        l["Tunnukselle {0} pyydettiin uutta salasanaa.", address],
        l["Aseta uusi salasana tästä linkistä. Linkki toimii kerran ja {0} minuuttia:", (int)MemberTokens.PasswordResetLifespan.TotalMinutes],
        link,
        l["Jos et pyytänyt uutta salasanaa, voit jättää viestin huomiotta: salasanasi ei muutu."],
        l["Kirjautuminen: {0}", links.OrganiserSignIn(language)],
    ];

    /// <summary>A role's name in the message's language.</summary>
    private string RoleName(MemberRole role) => role switch
    {
        MemberRole.Administrator => l["ylläpitäjä"],
        MemberRole.Organiser => l["järjestäjä"],
        MemberRole.DoorHelper => l["ovella auttaja"],
        _ => l["raporttien katselija"],
    };
}
