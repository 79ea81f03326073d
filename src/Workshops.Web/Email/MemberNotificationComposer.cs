using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Email;

/// <summary>
/// A notice to a member about registrations (issue 25, item 4), in the member's language (fi by default):
/// <see cref="EmailKind.MemberNotice"/> (one registration or cancellation) or <see cref="EmailKind.MemberDigest"/> (the
/// previous Helsinki day, per workshop). Names and addresses are read now and shown only when the notice allows them
/// (<see cref="MemberNotice.WithNames"/>); otherwise only counts and the seats taken. An erased person shows as such.
/// </summary>
public sealed class MemberNotificationComposer(
    WorkshopsDbContext db,
    IStringLocalizer<SharedResource> l,
    MailEnvelope envelope,
    SiteLinks links)
{
    /// <summary>The finished message of <paramref name="outgoing"/> (its recipient, language, creation time and <see cref="OutgoingEmail.NoticeJson"/>).</summary>
    public async Task<MimeMessage> ComposeAsync(OutgoingEmail outgoing, CancellationToken ct)
    {
        var notice = JsonSerializer.Deserialize<MemberNotice>(outgoing.NoticeJson!)!;
        var ids = notice.Workshops.SelectMany(w => w.Registered.Concat(w.Cancelled)).ToList();
        var people = notice.WithNames
            ? await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Name, r.Email, r.ErasedAtUtc }).ToDictionaryAsync(r => r.Id, ct)
            : [];
        var workshopIds = notice.Workshops.Select(w => w.WorkshopId).ToList();
        var workshops = await db.Workshops.AsNoTracking().Where(w => workshopIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var taken = new Dictionary<Guid, int>();
        foreach (var id in workshopIds)
        {
            taken[id] = await db.SeatsTakenAsync(id, ct);
        }

        var language = Cultures.IsSupported(outgoing.Language) ? outgoing.Language! : Cultures.Default;
        return await MailEnvelope.InCultureAsync(language, () =>
        {
            string Person(int id) => people.TryGetValue(id, out var p) && p.ErasedAtUtc is null
                ? (p.Email is null ? p.Name : $"{p.Name} <{p.Email}>")
                : l["(tiedot poistettu)"];
            string Title(Guid id) => workshops.TryGetValue(id, out var w) ? w.Title.For(language) : l["(poistettu työpaja)"];
            string Seats(Guid id) => workshops.TryGetValue(id, out var w) && w.Capacity is { } capacity
                ? l["Paikkoja varattu: {0}/{1}", taken[id], capacity]
                : l["Ilmoittautuneita: {0}", taken[id]];

            var paragraphs = new List<string>();
            string subject;
            if (outgoing.Kind == EmailKind.MemberNotice)
            {
                var about = notice.Workshops[0];
                var cancelled = about.Cancelled.Count > 0;
                subject = cancelled ? l["Peruutus: {0}", Title(about.WorkshopId)] : l["Uusi ilmoittautuminen: {0}", Title(about.WorkshopId)];
                paragraphs.Add(notice.WithNames
                    ? (cancelled ? l["Perui: {0}", Person(about.Cancelled[0])] : l["Ilmoittautui: {0}", Person(about.Registered[0])])
                    : (cancelled ? l["Yksi peruutus."] : l["Yksi uusi ilmoittautuminen."]));
                paragraphs.Add(Seats(about.WorkshopId));
            }
            else
            {
                var day = DateOnly.FromDateTime(HelsinkiTime.FromUtc(notice.FromUtc)).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
                subject = l["Ilmoittautumiset {0}", day];
                paragraphs.Add(l["Ilmoittautumiset ja peruutukset {0} (Suomen aikaa):", day]);
                foreach (var about in notice.Workshops)
                {
                    var lines = new List<string>
                    {
                        Title(about.WorkshopId),
                        l["Uusia ilmoittautumisia: {0}, peruutuksia: {1}.", about.Registered.Count, about.Cancelled.Count] + " " + Seats(about.WorkshopId),
                    };
                    if (notice.WithNames)
                    {
                        lines.AddRange(about.Registered.Select(id => "+ " + Person(id)));
                        lines.AddRange(about.Cancelled.Select(id => "− " + l["Perui: {0}", Person(id)]));
                    }

                    paragraphs.Add(string.Join("\n", lines));
                }
            }

            paragraphs.Add(l["Saat nämä ilmoitukset, koska valitsit ne. Muuta tai lopeta ne täällä: {0}", links.OrganiserNotifications(language)]);
            var message = envelope.Start(outgoing, subject, "", outgoing.RecipientEmail!, language,
                new DateTimeOffset(DateTime.SpecifyKind(outgoing.CreatedAtUtc, DateTimeKind.Utc)), replyToContact: false);
            message.Body = MailEnvelope.NoticeBody(paragraphs, subject, language);
            return Task.FromResult(MailEnvelope.Seal(message));
        });
    }
}
