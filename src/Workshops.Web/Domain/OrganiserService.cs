using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Email;

namespace Workshops.Web.Domain;

/// <summary>What publishing a draft did: published (or already was), refused because the draft was cancelled, or no such workshop.</summary>
public enum PublishOutcome
{
    Published,
    CancelledDraft,
    NotFound,
}

/// <summary>What an organiser's edit did, for the page to report.</summary>
public sealed record EditOutcome(bool Found, bool ScheduleChanged = false, int Notified = 0, int Promoted = 0);

/// <summary>
/// Every change an organiser makes. Each is one <see cref="WriteTransaction"/> holding the change, its outbox messages
/// and its audit entry together; anything about a workshop is read after taking its <see cref="IWorkshopLock"/>.
/// </summary>
public sealed partial class OrganiserService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    RegistrationService registrations,
    EmailOutbox outbox,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>Null when the slug is already taken.</summary>
    public Task<Guid?> CreateWorkshopAsync(WorkshopDetails details, string actor, CancellationToken ct = default) =>
        InTransactionAsync<Guid?>(async () =>
        {
            if (await db.Workshops.AnyAsync(w => w.Slug == details.Slug, ct))
            {
                return null;
            }

            var workshop = Workshop.Create(Guid.NewGuid(), details, Now);
            db.Workshops.Add(workshop);
            audit.Add(actor, AuditAction.WorkshopCreated, workshop.Id, detail: AuditDetail.Of(AuditDetailKind.WorkshopAddress, details.Slug));
            return workshop.Id;
        }, ct);

    /// <summary>
    /// Saves an edit. A new time or place raises the calendar sequence and sends every registrant (confirmed or
    /// waiting) the change notice; more seats (or turning the event walk-in) promote people from the waiting list.
    /// </summary>
    public Task<EditOutcome> UpdateWorkshopAsync(Guid workshopId, WorkshopDetails details, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null)
            {
                return new EditOutcome(false);
            }

            var now = Now;
            var previous = new PreviousSchedule(workshop.Date, workshop.StartTime, workshop.EndTime, workshop.Place);
            workshop.ChangeTexts(details.Title, details.Description, now);
            workshop.ChangeSettings(details, now);
            if (details.Proposals is { } proposals)
            {
                workshop.ChangeProposalSettings(proposals, now);
            }

            var scheduleChanged = workshop.ChangeSchedule(details.Date, details.StartTime, details.EndTime, details.Place, details.OnlineJoinUrl, now);
            var notified = 0;
            if (scheduleChanged && workshop.Status != WorkshopStatus.Cancelled)
            {
                foreach (var person in await ReachableAsync(workshop.Id, ct))
                {
                    outbox.Enqueue(person, EmailKind.Changed, previous);
                    notified++;
                }
            }

            await db.SaveChangesAsync(ct);
            var promoted = await registrations.PromoteWaitingInTransactionAsync(workshop, ct);
            audit.Add(actor, scheduleChanged ? AuditAction.ScheduleChanged : AuditAction.WorkshopEdited, workshop.Id,
                detail: AuditDetail.Of(AuditDetailKind.WorkshopEdited, notified, promoted, workshop.Capacity));
            return new EditOutcome(true, scheduleChanged, notified, promoted);
        }, ct);

    /// <summary>Opens or closes registration; opening may fill seats from the waiting list. False for an unknown or cancelled workshop.</summary>
    public Task<bool> SetRegistrationOpenAsync(Guid workshopId, bool open, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null || !workshop.SetRegistrationOpen(open, Now))
            {
                return false;
            }

            await db.SaveChangesAsync(ct);
            audit.Add(actor, open ? AuditAction.RegistrationOpened : AuditAction.RegistrationClosed, workshop.Id);
            return true;
        }, ct);

    /// <summary>
    /// Publishes a draft (a copy): from the commit on it is in the public programme, the feeds and at its address (the
    /// commit evicts the public cache, on every instance). Publishing a published workshop changes nothing and writes no
    /// audit entry (a double click). A cancelled draft is refused (<see cref="Workshop.CanBePublished"/>), decided under the
    /// lock so a cancel that commits first is seen.
    /// </summary>
    public Task<PublishOutcome> PublishWorkshopAsync(Guid workshopId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null)
            {
                return PublishOutcome.NotFound;
            }

            if (workshop.IsDraft && !workshop.CanBePublished)
            {
                return PublishOutcome.CancelledDraft;
            }

            if (workshop.Publish(Now))
            {
                audit.Add(actor, AuditAction.WorkshopPublished, workshop.Id);
            }

            return PublishOutcome.Published;
        }, ct);

    /// <summary>Cancels the workshop and tells everyone registered (confirmed or waiting). Returns how many were told, or null.</summary>
    public Task<int?> CancelWorkshopAsync(Guid workshopId, string actor, CancellationToken ct = default) =>
        InTransactionAsync<int?>(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null || workshop.Status == WorkshopStatus.Cancelled)
            {
                return null;
            }

            workshop.Cancel(Now);
            var people = await ReachableAsync(workshop.Id, ct);
            foreach (var person in people)
            {
                outbox.Enqueue(person, EmailKind.WorkshopCancelled);
            }

            audit.Add(actor, AuditAction.WorkshopCancelled, workshop.Id, detail: AuditDetail.Of(AuditDetailKind.PeopleNotified, people.Count));
            return people.Count;
        }, ct);

    /// <summary>
    /// Registers someone for them (a phone call, a person at the door) through the same path as the public form, under
    /// <see cref="RegistrationPolicy.Organiser"/>: the seat and waiting-list rules apply, but not the deadline, the
    /// organiser's own closing or the start time; a cancelled workshop takes no one. The person gets the usual
    /// confirmation email with their own manage link.
    /// </summary>
    public Task<RegistrationOutcome> RegisterAsync(Guid workshopId, RegistrationRequest request, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var outcome = await registrations.RegisterInTransactionAsync(workshopId, request, RegistrationPolicy.Organiser, c);
            if (outcome.Kind is RegistrationOutcomeKind.Confirmed or RegistrationOutcomeKind.Waitlisted)
            {
                audit.Add(actor, AuditAction.RegisteredByOrganiser, workshopId, outcome.RegistrationId, AuditDetail.Of(AuditDetailKind.RegistrationStatus, outcome.Status));
            }

            return outcome;
        }, ct);

    /// <summary>
    /// Cancels someone's registration for them; a freed seat goes to the first person waiting. NotFound when the
    /// registration does not belong to <paramref name="workshopId"/> (the workshop in the organiser's URL).
    /// </summary>
    public Task<CancelOutcome> CancelRegistrationAsync(Guid workshopId, int registrationId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var outcome = await registrations.CancelInTransactionAsync(registrationId, workshopId, ct);
            if (outcome == CancelOutcome.Cancelled)
            {
                audit.Add(actor, AuditAction.RegistrationCancelled, workshopId, registrationId);
            }

            return outcome;
        }, ct);

    /// <summary>Marks a person present (now) or not present. False when there is no such active registration.</summary>
    public Task<bool> SetCheckedInAsync(int registrationId, bool present, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var registration = await db.Registrations.SingleOrDefaultAsync(r => r.Id == registrationId, ct);
            if (registration is null || registration.Status == RegistrationStatus.Cancelled)
            {
                return false;
            }

            if (!registration.CheckIn(present, Now))
            {
                return true; // a double tap on a slow phone changes nothing
            }

            audit.Add(actor, present ? AuditAction.CheckedIn : AuditAction.CheckInUndone, registration.WorkshopId, registration.Id);
            return true;
        }, ct);

    /// <summary>The number of visitors counted at a walk-in event (null clears it).</summary>
    public Task<bool> RecordHeadCountAsync(Guid workshopId, int? headCount, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            if (headCount is < 0 || await LockedWorkshopAsync(workshopId, ct) is not { } workshop)
            {
                return false;
            }

            workshop.RecordHeadCount(headCount, Now);
            audit.Add(actor, AuditAction.HeadCountRecorded, workshopId,
                detail: headCount is null ? AuditDetail.Of(AuditDetailKind.HeadCountCleared) : AuditDetail.Of(AuditDetailKind.HeadCount, headCount));
            return true;
        }, ct);

    /// <summary>
    /// Replaces a person's details with anonymous values (see <see cref="PersonalData"/>), then checkpoints SQLite's
    /// WAL so the old values are not left readable in the files. False when not found in <paramref name="workshopId"/>
    /// (the workshop in the organiser's URL).
    /// </summary>
    public async Task<bool> EraseAsync(Guid workshopId, int registrationId, string actor, CancellationToken ct = default)
    {
        var found = await InTransactionAsync(async () =>
        {
            var registration = await db.Registrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.WorkshopId == workshopId, ct);
            if (registration is null)
            {
                return false;
            }

            if (registration.ErasedAtUtc is null)
            {
                await PersonalData.EraseAsync(db, [registration], Now, ct);
                audit.Add(actor, AuditAction.Erased, registration.WorkshopId, registration.Id);
            }

            return true;
        }, ct);
        if (found)
        {
            await SqlitePragmas.CheckpointAfterErasureAsync(db, ct);
        }

        return found;
    }

    /// <summary>Sends a message that failed for good once more, with a fresh set of tries. False when it is not failed.</summary>
    public async Task<bool> RequeueEmailAsync(Guid emailId, string actor, CancellationToken ct = default)
    {
        var requeued = await InTransactionAsync(async () =>
        {
            var email = await db.OutgoingEmails.Include(e => e.Registration).SingleOrDefaultAsync(e => e.Id == emailId, ct);
            // A message to an outside recipient has no registration: it may always be tried again.
            if (email is null || email.State != EmailState.Failed || email.Registration?.ErasedAtUtc is not null)
            {
                return false;
            }

            email.State = EmailState.Queued;
            email.Attempts = 0;
            email.NextAttemptAtUtc = Now;
            audit.Add(actor, AuditAction.EmailRequeued, email.Registration?.WorkshopId ?? email.WorkshopId, email.RegistrationId, AuditDetail.Of(AuditDetailKind.EmailKind, email.Kind));
            outbox.WakeAfterCommit();
            return true;
        }, ct);
        return requeued;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Everyone who holds or waits for a seat and can still be written to.</summary>
    private Task<List<Registration>> ReachableAsync(Guid workshopId, CancellationToken ct) =>
        db.Registrations
            .Where(r => r.WorkshopId == workshopId && r.Status != RegistrationStatus.Cancelled && r.ErasedAtUtc == null)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);

    /// <summary>Takes the workshop's lock, then loads it: what follows decides on the database's current state.</summary>
    private async Task<Workshop?> LockedWorkshopAsync(Guid workshopId, CancellationToken ct)
    {
        await workshopLock.LockAsync(db, workshopId, ct);
        return await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, ct);
    }

    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) => writes.RunAsync(_ => work(), ct);
}
