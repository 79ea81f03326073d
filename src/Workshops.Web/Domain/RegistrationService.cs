using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;

namespace Workshops.Web.Domain;

public sealed record RegistrationRequest(
    string Name,
    string Email,
    string? Organisation,
    HelixGroup Group,
    string? Needs,
    string Language);

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
public sealed class RegistrationService(WorkshopsDbContext db, WriteGate writeGate, TimeProvider time)
{
    public async Task<RegistrationOutcome> RegisterAsync(Guid workshopId, RegistrationRequest request, CancellationToken ct = default)
    {
        var emailNormalized = Registration.NormalizeEmail(request.Email);

        using var turn = await writeGate.EnterAsync(ct);
        // A non-deferred Microsoft.Data.Sqlite transaction issues BEGIN IMMEDIATE: the write lock comes first.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null)
        {
            return new RegistrationOutcome(RegistrationOutcomeKind.NotFound);
        }

        var existing = await db.Registrations
            .Where(r => r.WorkshopId == workshopId && r.EmailNormalized == emailNormalized && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.Id, r.Status })
            .SingleOrDefaultAsync(ct);
        if (existing is not null)
        {
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

        var confirmed = await db.Registrations.CountAsync(
            r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Confirmed, ct);
        var status = RegistrationRules.StatusForNewcomer(workshop, confirmed);
        var now = time.GetUtcNow().UtcDateTime;
        var registration = new Registration
        {
            WorkshopId = workshopId,
            Name = request.Name.Trim(),
            Email = request.Email.Trim(),
            EmailNormalized = emailNormalized,
            Organisation = string.IsNullOrWhiteSpace(request.Organisation) ? null : request.Organisation.Trim(),
            Group = request.Group,
            Needs = workshop.AsksForNeeds && !string.IsNullOrWhiteSpace(request.Needs) ? request.Needs.Trim() : null,
            Language = request.Language,
            Status = status,
            ConsentedAtUtc = now,
            CreatedAtUtc = now,
        };
        db.Registrations.Add(registration);
        await db.SaveChangesAsync(ct);

        int? waitingPosition = status == RegistrationStatus.Waitlisted
            ? await PositionAsync(workshopId, registration.Id, ct)
            : null;
        await transaction.CommitAsync(ct);

        return status == RegistrationStatus.Confirmed
            ? new RegistrationOutcome(RegistrationOutcomeKind.Confirmed, status)
            : new RegistrationOutcome(RegistrationOutcomeKind.Waitlisted, status, waitingPosition);
    }

    private async Task<int> PositionAsync(Guid workshopId, int registrationId, CancellationToken ct)
    {
        var earlier = await db.Registrations
            .Where(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Waitlisted)
            .Select(r => r.Id)
            .ToListAsync(ct);
        return RegistrationRules.WaitingListPosition(earlier, registrationId);
    }
}
