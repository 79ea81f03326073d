using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Email;

namespace Workshops.Web.Domain;

public sealed record RegistrationRequest(
    string Name,
    string Email,
    string? Organisation,
    HelixGroup Group,
    string? Needs,
    string Language);

public enum CancelOutcome
{
    Cancelled,
    AlreadyCancelled,
    NotFound,
}

public enum RegistrationOutcomeKind
{
    Confirmed,
    Waitlisted,
    AlreadyRegistered,
    Closed,
    NotFound,
}

public sealed record RegistrationOutcome(
    RegistrationOutcomeKind Kind,
    RegistrationStatus? Status = null,
    int? WaitingListPosition = null,
    ClosedReason ClosedReason = ClosedReason.None);

/// <summary>
/// Registers people. The seat check and the insert happen in one transaction that takes SQLite's
/// write lock first (BEGIN IMMEDIATE), so two requests can never both take the last seat.
/// </summary>
public sealed class RegistrationService(WorkshopsDbContext db, WriteGate writeGate, IWorkshopLock workshopLock, EmailOutbox outbox, TimeProvider time)
{
    public async Task<RegistrationOutcome> RegisterAsync(Guid workshopId, RegistrationRequest request, CancellationToken ct = default)
    {
        var emailNormalized = Registration.NormalizeEmail(request.Email);

        using var turn = await writeGate.EnterAsync(ct);
        // A non-deferred Microsoft.Data.Sqlite transaction issues BEGIN IMMEDIATE: the write lock comes first.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await workshopLock.LockAsync(db, workshopId, ct); // seam: the workshop's lock before anything about its seats is read

        var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null)
        {
            return new RegistrationOutcome(RegistrationOutcomeKind.NotFound);
        }

        var existing = await db.Registrations
            .SingleOrDefaultAsync(r => r.WorkshopId == workshopId && r.EmailNormalized == emailNormalized && r.Status != RegistrationStatus.Cancelled, ct);
        if (existing is not null)
        {
            // The address's owner gets their details and a working link again, by email only.
            if (!await RecentReminderExistsAsync(existing.Id, ct))
            {
                outbox.Enqueue(existing, EmailKind.Reminder);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                outbox.NotifyCommitted();
            }

            var position = existing.Status == RegistrationStatus.Waitlisted
                ? await PositionAsync(workshopId, existing.Id, ct)
                : (int?)null;
            return new RegistrationOutcome(RegistrationOutcomeKind.AlreadyRegistered, existing.Status, position);
        }

        var closed = RegistrationRules.WhyClosed(workshop, HelsinkiTime.Now(time));
        if (closed != ClosedReason.None)
        {
            return new RegistrationOutcome(RegistrationOutcomeKind.Closed, ClosedReason: closed);
        }

        var confirmed = await db.ConfirmedCountAsync(workshopId, ct);
        var status = RegistrationRules.StatusForNewcomer(workshop, confirmed);
        var registration = NewRegistration(workshop, request, status, time.GetUtcNow().UtcDateTime);
        db.Registrations.Add(registration);
        outbox.Enqueue(registration, status == RegistrationStatus.Confirmed ? EmailKind.Confirmed : EmailKind.Waitlisted);
        await db.SaveChangesAsync(ct);

        int? waitingPosition = status == RegistrationStatus.Waitlisted
            ? await PositionAsync(workshopId, registration.Id, ct)
            : null;
        await transaction.CommitAsync(ct);
        outbox.NotifyCommitted();

        return status == RegistrationStatus.Confirmed
            ? new RegistrationOutcome(RegistrationOutcomeKind.Confirmed, status)
            : new RegistrationOutcome(RegistrationOutcomeKind.Waitlisted, status, waitingPosition);
    }

    /// <summary>
    /// Cancels the registration a manage link belongs to and, if a seat was freed, gives it to the
    /// first person waiting, all in one transaction with both messages.
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(int registrationId, CancellationToken ct = default)
    {
        using var turn = await writeGate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await CancelInTransactionAsync(registrationId, ct);
        await transaction.CommitAsync(ct);
        outbox.NotifyCommitted();
        return outcome;
    }

    /// <summary>The registration, with the data as typed; Needs only where the workshop asks for them.</summary>
    internal static Registration NewRegistration(Workshop workshop, RegistrationRequest request, RegistrationStatus status, DateTime nowUtc) => new()
    {
        WorkshopId = workshop.Id,
        Name = request.Name.Trim(),
        Email = request.Email.Trim(),
        EmailNormalized = Registration.NormalizeEmail(request.Email),
        Organisation = string.IsNullOrWhiteSpace(request.Organisation) ? null : request.Organisation.Trim(),
        Group = request.Group,
        Needs = workshop.AsksForNeeds && !string.IsNullOrWhiteSpace(request.Needs) ? request.Needs.Trim() : null,
        Language = request.Language,
        Status = status,
        ConsentedAtUtc = nowUtc,
        CreatedAtUtc = nowUtc,
    };

    /// <summary>Cancel, then promote into a freed seat. Call inside the write transaction; the caller commits.</summary>
    internal async Task<CancelOutcome> CancelInTransactionAsync(int registrationId, CancellationToken ct)
    {
        // seam: the registration's workshop is locked before its status is read, so two instances cannot both cancel it
        if (await db.Registrations.Where(r => r.Id == registrationId).Select(r => (Guid?)r.WorkshopId).SingleOrDefaultAsync(ct) is { } workshopId)
        {
            await workshopLock.LockAsync(db, workshopId, ct); // seam:
        }

        var registration = await db.Registrations.Include(r => r.Workshop).SingleOrDefaultAsync(r => r.Id == registrationId, ct);
        if (registration?.Workshop is not { } workshop)
        {
            return CancelOutcome.NotFound;
        }

        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return CancelOutcome.AlreadyCancelled;
        }

        var freedSeat = registration.Status == RegistrationStatus.Confirmed;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAtUtc = time.GetUtcNow().UtcDateTime;
        if (registration.ErasedAtUtc is null)
        {
            outbox.Enqueue(registration, EmailKind.Cancelled);
        }

        await db.SaveChangesAsync(ct);
        if (freedSeat)
        {
            await PromoteWaitingAsync(workshop, ct);
        }

        return CancelOutcome.Cancelled;
    }

    /// <summary>Fills free seats from the waiting list in arrival order. Call inside the write transaction.</summary>
    internal async Task<int> PromoteWaitingAsync(Workshop workshop, CancellationToken ct)
    {
        var confirmed = await db.ConfirmedCountAsync(workshop.Id, ct);
        var seats = RegistrationRules.SeatsToFillFromWaitingList(workshop, confirmed, HelsinkiTime.Now(time));
        if (seats == 0)
        {
            return 0;
        }

        var promoted = await db.Registrations
            // An erased person cannot be told about the seat: they keep their place in the counts, not in the queue.
            .Where(r => r.WorkshopId == workshop.Id && r.Status == RegistrationStatus.Waitlisted && r.ErasedAtUtc == null)
            .OrderBy(r => r.Id)
            .Take(seats)
            .ToListAsync(ct);
        foreach (var person in promoted)
        {
            person.Status = RegistrationStatus.Confirmed;
            outbox.Enqueue(person, EmailKind.Promoted);
        }

        await db.SaveChangesAsync(ct);
        return promoted.Count;
    }

    private Task<bool> RecentReminderExistsAsync(int registrationId, CancellationToken ct)
    {
        // One repeat per quarter hour is enough for the owner and stops the form being used to flood an inbox.
        var since = time.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(15);
        return db.OutgoingEmails.AnyAsync(e => e.RegistrationId == registrationId && e.Kind == EmailKind.Reminder && e.CreatedAtUtc > since, ct);
    }

    private Task<int> PositionAsync(Guid workshopId, int registrationId, CancellationToken ct) =>
        db.WaitingListPositionAsync(workshopId, registrationId, ct);
}
