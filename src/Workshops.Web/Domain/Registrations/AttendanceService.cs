using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
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

    /// <summary>Not a confirmed, active registration of a hybrid workshop (waiting, cancelled, erased, or a single-mode workshop).</summary>
    NotSwitchable,

    /// <summary>Registration has closed or the workshop has started (<see cref="RegistrationRules.WhyClosed(WorkshopLifecycle)"/>).</summary>
    TooLate,
    NotFound,
}

/// <summary>
/// How a person attends a hybrid workshop (on site or online, issue 26 item 2): a confirmed person switches from their own
/// page, a seat permitting. One write under the workshop's lock: the other mode's seats are counted there (confirmed plus
/// open offers, as for a newcomer), the registration moves (<see cref="Registration.SwitchMode"/>, which raises its
/// calendar SEQUENCE), the freed seat goes to the next person waiting in the old mode (<see cref="WaitingList"/>), and the
/// person gets an updated confirmation with their new calendar entry (same UID).
/// </summary>
public sealed class AttendanceService(WorkshopsDbContext db, WriteTransaction writes, IWorkshopLock workshopLock, WaitingList waitingList, EmailOutbox outbox, TimeProvider time)
{
    /// <summary>
    /// Switches registration <paramref name="registrationId"/> to <paramref name="to"/>. Refused once registration has closed
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
            if (!workshop.IsHybrid() || registration.Status != RegistrationStatus.Confirmed || registration.ErasedAtUtc is not null)
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
