using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Domain.Funder;

/// <summary>One person on a participant activity's roster, as the roster page shows them; <c>SelfEntryQueuedAtUtc</c> null = not sent.</summary>
public sealed record RosterPerson(int Id, string Name, HelixGroup Group, string? Organisation, OrganisationType? OrganisationType, bool HasEmail, DateTime? SelfEntryQueuedAtUtc);

/// <summary>
/// The funder's roster (issue 26): who attended a participant activity, and the one self-entry email each of them gets
/// after the workshop with the funder's link (<see cref="FunderOptions.SelfEntryUrl"/>). Sending is automatic
/// (<see cref="SelfEntryScan"/>): the roster is complete only once the workshop has ended and late arrivals have been marked,
/// and a scan that sends to whoever is on it and not yet sent picks up a mark made afterwards, which a one-off button
/// pressed once would miss. Each email is recorded (<see cref="SelfEntryInvitation"/>) in the same transaction as its
/// outbox row, so nobody gets it twice across restarts and instances.
/// </summary>
public sealed class FunderService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    EmailOutbox outbox,
    AuditLog audit,
    IOptions<FunderOptions> options,
    TimeProvider time)
{
    /// <summary>Whether the self-entry emails can go at all: <c>Funder__SelfEntryUrl</c> is set to an absolute http(s) address.</summary>
    public bool SelfEntryConfigured => options.Value.SelfEntry is not null;

    /// <summary>
    /// Whether <paramref name="workshop"/>'s roster is due its self-entry emails at <paramref name="nowUtc"/>: a participant
    /// activity (<see cref="FunderReporting.KindFor"/>), published, not cancelled, and ended (<see cref="WorkshopLifecycle.WasHeld"/>).
    /// </summary>
    public static bool IsDue(Workshop workshop, DateTime nowUtc) =>
        workshop.Funder.KindFor(workshop.Format) == ActivityKind.ParticipantActivity && WorkshopLifecycle.At(workshop, nowUtc).WasHeld;

    /// <summary>
    /// One round: for each ended participant activity, queues the self-entry email (in the person's language) for everyone
    /// on its roster (<see cref="SelfEntryInvitation.IsOnRoster"/>) with an address who has not had it. Nothing at all when
    /// <c>Funder__SelfEntryUrl</c> is not set. Under PostgreSQL one instance does each round.
    /// </summary>
    /// <returns>How many emails were queued.</returns>
    public Task<int> SendSelfEntryDueAsync(CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (!SelfEntryConfigured || !await ScheduledJobLock.TryTakeAsync(db, PostgresLocks.SelfEntry, c))
            {
                return 0;
            }

            // The date narrows the query (no workshop ends before its day); only workshops with someone still waiting.
            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(HelsinkiTime.Now(time));
            var candidates = await db.Workshops.AsNoTracking()
                .Where(w => w.Date <= today && w.Status != WorkshopStatus.Cancelled && w.PublishedAtUtc != null
                    && db.Registrations.Any(r => r.WorkshopId == w.Id && r.CheckedInAtUtc != null && r.ErasedAtUtc == null && r.Email != null
                        && !db.SelfEntryInvitations.Any(i => i.RegistrationId == r.Id)))
                .ToListAsync(c);
            var queued = 0;
            foreach (var workshop in candidates.Where(w => IsDue(w, now)))
            {
                queued += await QueueAsync(workshop.Id, now, c);
            }

            return queued;
        }, ct);

    /// <summary>The roster of a workshop: everyone who attended (checked in by an organiser or by themselves), by name.</summary>
    public async Task<IReadOnlyList<RosterPerson>> RosterAsync(Guid workshopId, CancellationToken ct = default) =>
        await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == workshopId && r.CheckedInAtUtc != null && r.ErasedAtUtc == null && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new RosterPerson(r.Id, r.Name, r.Group, r.Organisation, r.OrganisationType, r.Email != null,
                db.SelfEntryInvitations.Where(i => i.RegistrationId == r.Id).Select(i => (DateTime?)i.QueuedAtUtc).FirstOrDefault()))
            .ToListAsync(ct);

    private async Task<int> QueueAsync(Guid workshopId, DateTime now, CancellationToken ct)
    {
        await workshopLock.LockAsync(db, workshopId, ct);
        // Read after the lock: another round that committed meanwhile has recorded its people.
        var workshop = await db.Workshops.AsNoTracking().SingleAsync(w => w.Id == workshopId, ct);
        if (!IsDue(workshop, now))
        {
            return 0;
        }

        var people = await db.Registrations
            .Where(r => r.WorkshopId == workshopId && r.CheckedInAtUtc != null && r.ErasedAtUtc == null && r.Email != null
                && r.Status != RegistrationStatus.Cancelled && !db.SelfEntryInvitations.Any(i => i.RegistrationId == r.Id))
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        foreach (var person in people)
        {
            db.SelfEntryInvitations.Add(SelfEntryInvitation.For(person, now));
            outbox.Enqueue(person, EmailKind.SelfEntry);
        }

        if (people.Count > 0)
        {
            audit.Add(AuditEntry.System, AuditAction.SelfEntrySent, workshopId, detail: AuditDetail.Of(AuditDetailKind.SelfEntry, people.Count));
        }

        return people.Count;
    }

    /// <summary>
    /// Attendance's part (<see cref="Registrations.CheckInService"/>, after an arrival mark changed, in its transaction): an
    /// arrival taken back while the person's self-entry email still waits in the outbox (the mail server down, or the
    /// email queued a moment ago) takes the email back too, and the record of it, so the person is off the roster and,
    /// marked arrived again, the next round sends it. An email already sent (or being sent) stays on record: they have it.
    /// </summary>
    internal static async Task FollowArrivalAsync(WorkshopsDbContext db, Registrations.Registration registration, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        if (registration.CheckedInAtUtc is not null)
        {
            return;
        }

        var withdrawn = await db.OutgoingEmails
            .Where(e => e.RegistrationId == registration.Id && e.Kind == EmailKind.SelfEntry && (e.State == EmailState.Queued || e.State == EmailState.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Skipped), ct);
        if (withdrawn > 0)
        {
            await db.SelfEntryInvitations.Where(i => i.RegistrationId == registration.Id).ExecuteDeleteAsync(ct);
        }
    }
}
