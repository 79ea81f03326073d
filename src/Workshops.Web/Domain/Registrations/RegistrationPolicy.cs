using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Registrations;

/// <summary>
/// Which rules apply to which caller of the one registration path (<see cref="RegistrationService"/>). The public form
/// overrides nothing; an organiser registering someone (a phone call, a person at the door) may pass the deadline, their
/// own closing and the start time, but not the end. Nobody registers for a draft, a cancelled or an ended workshop, and
/// the seat and waiting-list rules apply to everyone. Cancelling and correcting a registration end at the start for every
/// caller alike (<see cref="MayCancel"/>, <see cref="MayCorrect"/>): after it, what happened is a fact for the report.
/// </summary>
/// <param name="MayPassDeadline">Ignore <see cref="Workshop.RegistrationDeadline"/>.</param>
/// <param name="MayPassClosing">Ignore the organiser's closing (<see cref="WorkshopStatus.Closed"/>).</param>
/// <param name="MayPassStart">Ignore that the event has started (until it ends).</param>
/// <param name="RemindsExisting">An address already registered gets its details again by email (the public form only:
/// the visitor cannot be told on the page, see <see cref="RegistrationRules.DeservesReminder"/>).</param>
/// <param name="MayPassCapacity">Confirm even when every seat is taken: the organiser's "add anyway" at the door
/// (<see cref="RegistrationRules.SeatFor"/>).</param>
public sealed record RegistrationPolicy(bool MayPassDeadline, bool MayPassClosing, bool MayPassStart, bool RemindsExisting, bool MayPassCapacity = false)
{
    /// <summary>The public form and the person's own page: every closing applies.</summary>
    public static readonly RegistrationPolicy Public = new(false, false, false, RemindsExisting: true);

    /// <summary>An organiser's "add registrant": a draft, a cancelled or an ended workshop refuses.</summary>
    public static readonly RegistrationPolicy Organiser = new(true, true, true, RemindsExisting: false);

    /// <summary>An organiser's "add anyway": as <see cref="Organiser"/>, and a full workshop confirms the person over its capacity.</summary>
    public static readonly RegistrationPolicy OrganiserOverCapacity = new(true, true, true, RemindsExisting: false, MayPassCapacity: true);

    /// <summary>
    /// Moving someone from the waiting list into a freed seat: after the deadline and the organiser's closing too
    /// (they registered in time), but not once the event has started or is cancelled (a seat then is no use to anyone).
    /// </summary>
    public static readonly RegistrationPolicy FreedSeat = new(true, true, false, RemindsExisting: false);

    /// <summary>
    /// Whether <paramref name="registration"/> may be cancelled at the lifecycle's moment, by the person or an organiser:
    /// only before the start (<see cref="WorkshopLifecycle.MayChangeRegistrations"/>), and never once the person was
    /// checked in (arriving is a fact the report keeps). After the start nobody's cancel removes an attendance from the
    /// participation report, the check-in tally or the method comparison, and no calendar CANCEL goes for a held workshop.
    /// </summary>
    public static bool MayCancel(WorkshopLifecycle life, Registration registration) =>
        life.MayChangeRegistrations && registration.CheckedInAtUtc is null;

    /// <summary>Whether the person may correct their details and answers: only before the start.</summary>
    public static bool MayCorrect(WorkshopLifecycle life) => life.MayChangeRegistrations;
}
