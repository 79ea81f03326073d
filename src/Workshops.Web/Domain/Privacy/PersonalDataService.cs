using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// Erasing one person on request (GDPR art. 17): one audited <see cref="WriteTransaction"/>; which columns are personal
/// and what replaces them is <see cref="PersonalData"/>'s, shared with the retention purge (<see cref="RetentionPurge"/>).
/// </summary>
public sealed class PersonalDataService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    RegistrationService registrations,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>
    /// Replaces a person's details with anonymous values (see <see cref="PersonalData"/>), then checkpoints SQLite's
    /// WAL so the old values are not left readable in the files. False when not found in <paramref name="workshopId"/>
    /// (the workshop in the organiser's URL). A seat offered to the person (an open <see cref="SeatOffer"/>) is withdrawn and
    /// passed to the next person at once: nobody could answer it any more (the links are gone, the address too).
    /// </summary>
    public async Task<bool> EraseAsync(Guid workshopId, int registrationId, string actor, CancellationToken ct = default)
    {
        var found = await InTransactionAsync(async () =>
        {
            // The lock first: an accept of the same person's offer is decided before or after this, never in between.
            await workshopLock.LockAsync(db, workshopId, ct);
            var registration = await db.Registrations.Include(r => r.Workshop).SingleOrDefaultAsync(r => r.Id == registrationId && r.WorkshopId == workshopId, ct);
            if (registration is null)
            {
                return false;
            }

            if (registration.ErasedAtUtc is null)
            {
                await PersonalData.EraseAsync(db, [registration], Now, ct);
                audit.Add(actor, AuditAction.Erased, registration.WorkshopId, registration.Id);
                if (await db.SeatOffers.SingleOrDefaultAsync(o => o.RegistrationId == registrationId && o.State == OfferState.Open, ct) is { } offer)
                {
                    offer.Withdraw(Now);
                    await db.SaveChangesAsync(ct);
                    await registrations.PromoteWaitingInTransactionAsync(registration.Workshop!, ct);
                }
            }

            return true;
        }, ct);
        if (found)
        {
            await SqlitePragmas.CheckpointAfterErasureAsync(db, ct);
        }

        return found;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) => writes.RunAsync(_ => work(), ct);
}
