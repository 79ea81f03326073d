using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Registrations;

/// <summary>
/// Moves people from a workshop's waiting list into its free seats, per seat pool: a hybrid workshop's on-site seat goes
/// only to the next person waiting on site, its online seat only to the next waiting online (<see cref="AttendanceModes"/>);
/// any other workshop has one list. Called by every change that may free a seat (a cancel, an ended offer, more capacity,
/// an erasure, a switch of mode), through <see cref="RegistrationService.PromoteWaitingInTransactionAsync"/>, inside the
/// write seam under the workshop's lock. Beside <see cref="RegistrationService"/>, whose file would pass 300 lines.
/// </summary>
public sealed class WaitingList(WorkshopsDbContext db, EmailOutbox outbox, TimeProvider time)
{
    /// <summary>
    /// Promote or offer, each mode on its own: fills its free seats (its capacity minus its confirmed and open offers) from
    /// its waiting list in arrival order, past those holding an offer; each is offered the seat until
    /// <see cref="OfferRules.Deadline"/>, or confirmed at once when that is null. The caller holds the workshop's lock and
    /// loaded <paramref name="workshop"/> after it, inside <see cref="WriteTransaction.RunAsync{T}"/>.
    /// </summary>
    /// <returns>How many people were confirmed or offered a seat.</returns>
    /// <exception cref="InvalidOperationException">Outside a write transaction.</exception>
    public async Task<int> FillFreeSeatsInTransactionAsync(Workshop workshop, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        var moved = 0;
        foreach (var mode in workshop.Modes())
        {
            moved += await FillInTransactionAsync(workshop, mode, ct);
        }

        return moved;
    }

    private async Task<int> FillInTransactionAsync(Workshop workshop, AttendanceMode mode, CancellationToken ct)
    {
        var seats = RegistrationRules.SeatsToFillFromWaitingList(WorkshopLifecycle.At(workshop, time), await db.SeatsTakenAsync(workshop, mode, ct), mode);
        if (seats == 0)
        {
            return 0;
        }

        var pool = workshop.SeatPool(mode);
        var next = await db.Registrations
            // An erased person cannot be told about the seat: they keep their place in the counts, not in the queue.
            .Where(r => r.WorkshopId == workshop.Id && r.Status == RegistrationStatus.Waitlisted && r.ErasedAtUtc == null
                && (pool == null || r.Mode == pool)
                && !db.SeatOffers.Any(o => o.RegistrationId == r.Id && o.State == OfferState.Open))
            .OrderBy(r => r.Id)
            .Take(seats)
            .ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var offerUntil = OfferRules.Deadline(workshop, now);
        foreach (var person in next)
        {
            if (offerUntil is { } until)
            {
                db.SeatOffers.Add(SeatOffer.Make(person, now, until));
                outbox.Enqueue(person, EmailKind.SeatOffered);
            }
            else
            {
                person.Promote();
                outbox.Enqueue(person, EmailKind.Promoted);
            }
        }

        await db.SaveChangesAsync(ct);
        return next.Count;
    }
}
