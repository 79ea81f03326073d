using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Registrations;

/// <summary>What a switch of attendance mode did.</summary>
public enum ModeSwitchOutcome
{
    /// <summary>The person now attends the other way; their old seat went to that mode's waiting list.</summary>
    Switched,

    /// <summary>Already attending that way: nothing changed, nothing sent.</summary>
    Unchanged,

    /// <summary>No free seat in the other mode: nothing changed (the person is not put on its waiting list).</summary>
    NoSeat,

    /// <summary>Others already wait for the other mode: nothing changed; its free seat is theirs by the queue's order, not the asker's.</summary>
    OthersWaiting,

    /// <summary>Not an active registration of a hybrid workshop (cancelled, erased, a single-mode workshop), or waiting with a
    /// seat offer open (answered first: the offered seat is in the mode they wait for).</summary>
    NotSwitchable,

    /// <summary>Registration has closed or the workshop has started (<see cref="RegistrationRules.WhyClosed(WorkshopLifecycle)"/>).</summary>
    TooLate,
    NotFound,
}

/// <summary>
/// How a person attends a hybrid workshop (on site or online, issue 26 item 2): a confirmed person switches from their own
/// page, a seat permitting; so does a person waiting in one mode, taking a free seat of the other. Nobody takes a seat of a
/// mode that others already wait for (they were there first: the seat is theirs by the waiting list's order). One write under the
/// workshop's lock: the other mode's seats are counted there (confirmed plus open offers, as for a newcomer), the
/// registration moves and is confirmed there (<see cref="Registration.SwitchMode"/>, which raises its calendar SEQUENCE), a
/// confirmed person's freed seat goes to the next person waiting in the old mode (<see cref="WaitingList"/>), and the person
/// gets a confirmation with their own calendar entry (same UID; the join link only online).
/// </summary>
public sealed class AttendanceService(WorkshopsDbContext db, WriteTransaction writes, IWorkshopLock workshopLock, WaitingList waitingList, EmailOutbox outbox, TimeProvider time)
{
    /// <summary>
    /// Switches registration <paramref name="registrationId"/> (confirmed, or waiting in the other mode) to <paramref name="to"/>. Refused once registration has closed
    /// (the organiser's closing, the deadline, the start: the public form's rule), as a new seat would be.
    /// </summary>
    public Task<ModeSwitchOutcome> SwitchModeAsync(int registrationId, AttendanceMode to, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            // The workshop a registration belongs to never changes: safe to read before the lock, and needed to take it.
            var workshopId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => (Guid?)r.WorkshopId).SingleOrDefaultAsync(c);
            if (workshopId is not { } id)
            {
                return ModeSwitchOutcome.NotFound;
            }

            await workshopLock.LockAsync(db, id, c);
            var registration = await db.Registrations.Include(r => r.Workshop).SingleAsync(r => r.Id == registrationId, c);
            var workshop = registration.Workshop!;
            var waiting = registration.Status == RegistrationStatus.Waitlisted;
            if (!workshop.IsHybrid() || registration.Status == RegistrationStatus.Cancelled || registration.ErasedAtUtc is not null
                || (waiting && await db.SeatOffers.AnyAsync(o => o.RegistrationId == registration.Id && o.State == OfferState.Open, c)))
            {
                return ModeSwitchOutcome.NotSwitchable;
            }

            if (registration.Mode == to)
            {
                return ModeSwitchOutcome.Unchanged;
            }

            if (RegistrationRules.WhyClosed(WorkshopLifecycle.At(workshop, time)) != ClosedReason.None)
            {
                return ModeSwitchOutcome.TooLate;
            }

            if (await db.Registrations.AnyAsync(r => r.WorkshopId == id && r.Status == RegistrationStatus.Waitlisted && r.Mode == to && r.ErasedAtUtc == null, c))
            {
                return ModeSwitchOutcome.OthersWaiting;
            }

            if (RegistrationRules.StatusForNewcomer(workshop, await db.SeatsTakenAsync(workshop, to, c), to) != RegistrationStatus.Confirmed)
            {
                return ModeSwitchOutcome.NoSeat;
            }

            registration.SwitchMode(to);
            outbox.Enqueue(registration, EmailKind.Confirmed);
            await db.SaveChangesAsync(c); // the old mode's count below reads the database
            await waitingList.FillFreeSeatsInTransactionAsync(workshop, c);
            return ModeSwitchOutcome.Switched;
        }, ct);
}
