using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Registrations;

public enum ClosedReason
{
    None = 0,
    ClosedByOrganiser,
    Cancelled,
    DeadlinePassed,

    /// <summary>The workshop has started (<see cref="WorkshopLifecycle.HasStarted"/>): the public form is closed.</summary>
    EventStarted,

    /// <summary>An unpublished copy (<see cref="Workshop.IsDraft"/>): its facts are not yet true, so nobody is added, not even by an organiser.</summary>
    Draft,

    /// <summary>The workshop has ended (<see cref="WorkshopLifecycle.HasEnded"/>): nobody is added, not even by an organiser.</summary>
    EventEnded,
}

/// <summary>
/// What a visitor can do with a workshop right now. <paramref name="SeatsLeft"/> (null = unlimited) is the on-site seats of a
/// <paramref name="Hybrid"/> workshop, whose online seats left are <paramref name="OnlineSeatsLeft"/>.
/// </summary>
public sealed record Availability(ClosedReason ClosedReason, bool IsWalkIn, int? SeatsLeft, bool Hybrid = false, int? OnlineSeatsLeft = null)
{
    public bool IsOpen => ClosedReason == ClosedReason.None;

    /// <summary>Open, and every mode's seats taken: a registration now waits (in a hybrid workshop, whichever mode it chooses).</summary>
    public bool IsFull => IsOpen && SeatsLeft == 0 && (!Hybrid || OnlineSeatsLeft == 0);

    /// <summary>Seats left in <paramref name="mode"/> (null = unlimited).</summary>
    public int? SeatsLeftFor(AttendanceMode mode) => Hybrid && mode == AttendanceMode.Online ? OnlineSeatsLeft : SeatsLeft;
}

/// <summary>
/// The rules about seats, deadlines and the waiting list, in one place and free of any database,
/// so they can be tested on their own. Callers pass the counts they read inside their transaction.
/// </summary>
public static class RegistrationRules
{
    /// <summary>
    /// The iCalendar SEQUENCE of one person's entry (RFC 5545 3.8.7.4; UID per registration, docs/design.md): the
    /// workshop's Sequence, plus two per earlier calendar round (an invitation and a cancellation each), plus one for a
    /// personal cancellation. It only rises for one person and UID, because the workshop's Sequence and the round only rise.
    /// </summary>
    public static int CalendarSequence(int workshopSequence, int calendarRound, bool personalCancel) =>
        workshopSequence + (2 * calendarRound) + (personalCancel ? 1 : 0);

    /// <summary>
    /// A repeat of the same registration within this time is a double submit (a double click, a resent form): it gets
    /// the first one's outcome and no second email, because the first email is still on its way.
    /// </summary>
    public static readonly TimeSpan DoubleSubmitWindow = TimeSpan.FromSeconds(30);

    /// <summary>An address may be sent its details again at most once per this time (stops the form flooding an inbox).</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromMinutes(15);

    /// <summary>Why registration is closed at the lifecycle's moment, for the public form.</summary>
    public static ClosedReason WhyClosed(WorkshopLifecycle life) => WhyClosed(life, RegistrationPolicy.Public);

    /// <summary>
    /// Why registration is closed at the lifecycle's moment for someone registering under <paramref name="policy"/>: the
    /// stage first (draft, cancelled, ended), then the organiser's closing, the deadline (Europe/Helsinki) and the start.
    /// An all-day or time-to-be-announced workshop starts at 00.00 of its day (<see cref="WorkshopLifecycle"/>).
    /// </summary>
    public static ClosedReason WhyClosed(WorkshopLifecycle life, RegistrationPolicy policy)
    {
        var workshop = life.Workshop;
        switch (life.Stage)
        {
            case WorkshopStage.Draft:
                return ClosedReason.Draft;
            case WorkshopStage.Cancelled:
                return ClosedReason.Cancelled;
            case WorkshopStage.Held or WorkshopStage.ResultsPublished:
                return ClosedReason.EventEnded;
        }

        if (workshop.Status == WorkshopStatus.Closed && !policy.MayPassClosing)
        {
            return ClosedReason.ClosedByOrganiser;
        }

        if (workshop.RegistrationDeadline is { } deadline && life.NowLocal >= deadline && !policy.MayPassDeadline)
        {
            return ClosedReason.DeadlinePassed;
        }

        return life.HasStarted && !policy.MayPassStart ? ClosedReason.EventStarted : ClosedReason.None;
    }

    /// <summary>
    /// Whether a repeat registration for an already registered address sends the address its details again (UTC times):
    /// not for a double submit (the registration is younger than <see cref="DoubleSubmitWindow"/>), and at most once per
    /// <see cref="ReminderInterval"/>.
    /// </summary>
    public static bool DeservesReminder(DateTime registeredAtUtc, DateTime? lastReminderAtUtc, DateTime nowUtc) =>
        nowUtc - registeredAtUtc >= DoubleSubmitWindow
        && (lastReminderAtUtc is not { } last || nowUtc - last >= ReminderInterval);

    /// <summary>
    /// What a public registration changed of what the public pages show (<see cref="Data.CommitScope"/>): a confirmed
    /// seat changes the workshop's seats taken; a place on the waiting list or a repeat of an existing registration change
    /// nothing public, since the pages show seats left and never the queue. A refusal for questions, a closing or a missing
    /// workshop means the transaction read what the page's cached copy did not have (another instance changed it, and under
    /// SQLite no notice of that arrives): everything is read again, or the same form would be refused forever.
    /// </summary>
    public static Data.CommitScope PublicChangeOf(Guid workshopId, RegistrationOutcome outcome) => outcome.Kind switch
    {
        RegistrationOutcomeKind.Confirmed => Data.CommitScope.SeatsOf(workshopId),
        RegistrationOutcomeKind.AnswersNeeded or RegistrationOutcomeKind.Closed or RegistrationOutcomeKind.NotFound => Data.CommitScope.Anything,
        _ => Data.CommitScope.NoPublicChange,
    };

    /// <summary>
    /// What the public form offers at the lifecycle's moment, given <paramref name="seatsTaken"/>: confirmed seats plus seats
    /// held by open offers to people on the waiting list (an offered seat is not free): open, full (the waiting list), or
    /// closed and why. The upcoming stage's three states (<see cref="WorkshopStage.Upcoming"/>). For a hybrid workshop
    /// <paramref name="onlineSeatsTaken"/> are the online ones among them, and each mode has its own seats left.
    /// </summary>
    public static Availability Evaluate(WorkshopLifecycle life, int seatsTaken, int onlineSeatsTaken = 0)
    {
        var workshop = life.Workshop;
        int? Left(AttendanceMode mode, int taken) =>
            workshop.IsWalkIn || workshop.CapacityFor(mode) is not { } capacity ? null : Math.Max(0, capacity - taken);
        return workshop.IsHybrid()
            ? new Availability(WhyClosed(life), workshop.IsWalkIn, Left(AttendanceMode.OnSite, seatsTaken - onlineSeatsTaken), true, Left(AttendanceMode.Online, onlineSeatsTaken))
            : new Availability(WhyClosed(life), workshop.IsWalkIn, Left(workshop.FormatMode(), seatsTaken));
    }

    /// <summary>
    /// The status a new registration in <paramref name="mode"/> gets, given that mode's seats taken (confirmed plus open
    /// offers; <see cref="AttendanceModes.SeatPool"/>) counted under the workshop's lock: a seat offered to someone waiting is
    /// not free for a newcomer. The mode matters only for a hybrid workshop (<see cref="AttendanceModes.CapacityFor"/>).
    /// </summary>
    public static RegistrationStatus StatusForNewcomer(Workshop workshop, int seatsTaken, AttendanceMode mode = AttendanceMode.OnSite)
    {
        if (workshop.IsWalkIn || workshop.CapacityFor(mode) is not { } capacity)
        {
            return RegistrationStatus.Confirmed;
        }

        return seatsTaken < capacity
            ? RegistrationStatus.Confirmed
            : RegistrationStatus.Waitlisted;
    }

    /// <summary>
    /// <see cref="StatusForNewcomer"/> under <paramref name="policy"/>: an organiser's "add anyway"
    /// (<see cref="RegistrationPolicy.MayPassCapacity"/>) confirms someone the full workshop would have put on the waiting
    /// list, and says so (<c>OverCapacity</c>), so lists and reports can show who came over the capacity.
    /// </summary>
    public static (RegistrationStatus Status, bool OverCapacity) SeatFor(Workshop workshop, int seatsTaken, RegistrationPolicy policy, AttendanceMode mode = AttendanceMode.OnSite)
    {
        var status = StatusForNewcomer(workshop, seatsTaken, mode);
        return status == RegistrationStatus.Waitlisted && policy.MayPassCapacity
            ? (RegistrationStatus.Confirmed, true)
            : (status, false);
    }

    /// <summary>1-based place on the waiting list, counting those who arrived earlier (lower Id).</summary>
    public static int WaitingListPosition(IEnumerable<int> waitlistedIds, int registrationId) =>
        waitlistedIds.Count(id => id < registrationId) + 1;

    /// <summary>
    /// How many people to move from the waiting list (confirm or offer a seat): free seats, capacity minus
    /// <paramref name="seatsTaken"/> (confirmed plus open offers), but none once the workshop is cancelled or has started
    /// (a seat the day after is no use to anyone). In a hybrid workshop per <paramref name="mode"/>: its capacity, its seats taken.
    /// </summary>
    public static int SeatsToFillFromWaitingList(WorkshopLifecycle life, int seatsTaken, AttendanceMode mode = AttendanceMode.OnSite)
    {
        // Checked under the FreedSeat policy: the organiser's closing or a passed deadline must not hide that the
        // event has started (WhyClosed reports only the first reason).
        if (WhyClosed(life, RegistrationPolicy.FreedSeat) != ClosedReason.None)
        {
            return 0;
        }

        var workshop = life.Workshop;
        return workshop.CapacityFor(mode) is { } capacity && !workshop.IsWalkIn
            ? Math.Max(0, capacity - seatsTaken)
            : int.MaxValue;
    }
}
