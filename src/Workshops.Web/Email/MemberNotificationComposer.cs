using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
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
    SiteLinks links,
    TimeProvider time)
{
    /// <summary>
    /// The finished message of <paramref name="outgoing"/> (its recipient, language, creation time and <see cref="OutgoingEmail.NoticeJson"/>),
    /// or null (the row skipped) when its member is gone or disabled. Composed again at every try (a retry may come days
    /// later): names only when the member may still see them on every workshop in it.
    /// </summary>
    public async Task<MimeMessage?> ComposeAsync(OutgoingEmail outgoing, CancellationToken ct)
    {
        var notice = JsonSerializer.Deserialize<MemberNotice>(outgoing.NoticeJson!)!;
        if (await MembershipAsync(outgoing.RecipientEmail, ct) is not { } membership)
        {
            outgoing.Skip();
            return null;
        }

        var withNames = notice.WithNames && notice.Workshops.All(w => membership.May(Capability.ViewPersonalData, w.WorkshopId));
        var ids = notice.Workshops.SelectMany(w => w.Registered.Concat(w.Cancelled)).ToList();
        var people = withNames
            ? await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new { r.Id, r.Name, r.Email, r.ErasedAtUtc }).ToDictionaryAsync(r => r.Id, ct)
            : [];
        var workshopIds = notice.Workshops.Select(w => w.WorkshopId).ToList();
        var workshops = await db.Workshops.AsNoTracking().Where(w => workshopIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        // Each way of attending against its own seats: a hybrid workshop's on-site capacity is no measure of both ways.
        var taken = new Dictionary<Guid, List<(AttendanceMode Mode, int Taken, int? Capacity)>>();
        foreach (var id in workshopIds)
        {
            taken[id] = [];
            if (workshops.TryGetValue(id, out var workshop))
            {
                foreach (var mode in workshop.Modes())
                {
                    taken[id].Add((mode, await db.SeatsTakenAsync(workshop, mode, ct), workshop.CapacityFor(mode)));
                }
            }
            else
            {
                taken[id].Add((AttendanceMode.OnSite, await db.SeatsTakenAsync(id, ct), null));
            }
        }

        var language = Cultures.IsSupported(outgoing.Language) ? outgoing.Language! : Cultures.Default;
        return await MailEnvelope.InCultureAsync(language, () =>
        {
            string Person(int id) => people.TryGetValue(id, out var p) && p.ErasedAtUtc is null
                ? (p.Email is null ? p.Name : $"{p.Name} <{p.Email}>")
                : l["(tiedot poistettu)"];
            string Title(Guid id) => workshops.TryGetValue(id, out var w) ? w.Title.For(language) : l["(poistettu työpaja)"];
            string Count(int count, int? capacity) => capacity is { } seats ? l["Paikkoja varattu: {0}/{1}", count, seats] : l["Ilmoittautuneita: {0}", count];
            string Seats(Guid id) => taken[id] is [var only]
                ? Count(only.Taken, only.Capacity)
                : string.Join("; ", taken[id].Select(m => $"{(m.Mode == AttendanceMode.Online ? l["Verkossa"] : l["Paikan päällä"])}: {Count(m.Taken, m.Capacity)}"));

            var paragraphs = new List<string>();
            string subject;
            if (outgoing.Kind == EmailKind.MemberNotice)
            {
                var about = notice.Workshops[0];
                var cancelled = about.Cancelled.Count > 0;
                subject = cancelled ? l["Peruutus: {0}", Title(about.WorkshopId)] : l["Uusi ilmoittautuminen: {0}", Title(about.WorkshopId)];
                paragraphs.Add(withNames
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
                    if (withNames)
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

    /// <summary>The member the notice is for as they are now; null when no such member, or disabled.</summary>
    private async Task<Membership?> MembershipAsync(string? email, CancellationToken ct)
    {
        var member = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => new { u.Id, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        return member is null || member.LockoutEnd > time.GetUtcNow() ? null : await db.MembershipAsync(member.Id, ct);
    }
}
