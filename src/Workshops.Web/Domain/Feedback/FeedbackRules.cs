using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Feedback;

/// <summary>
/// When feedback is asked for and who may give it. Pure rules, tested without a database; the decisions themselves are
/// made again inside the write transaction from the database's current state.
/// </summary>
public static class FeedbackRules
{
    /// <summary>
    /// The local Europe/Helsinki moment the automatic feedback request is due: <paramref name="delay"/> after the workshop
    /// ends. A workshop with an end time ends then; one without (all day, time to be announced, or only a start time)
    /// ends when its day ends (midnight at the start of the next day). Null for a cancelled workshop or a missing date
    /// (<paramref name="date"/> null): those are never asked about automatically.
    /// </summary>
    public static DateTime? RequestDueLocal(DateOnly? date, TimeOnly? start, TimeOnly? end, WorkshopStatus status, TimeSpan delay)
    {
        if (date is not { } day || status == WorkshopStatus.Cancelled)
        {
            return null;
        }

        var ends = start is not null && end is { } e ? day.ToDateTime(e) : day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return ends + delay;
    }

    /// <inheritdoc cref="RequestDueLocal(DateOnly?, TimeOnly?, TimeOnly?, WorkshopStatus, TimeSpan)"/>
    public static DateTime? RequestDueLocal(Workshop workshop, TimeSpan delay) =>
        RequestDueLocal(workshop.Date, workshop.StartTime, workshop.EndTime, workshop.Status, delay);

    /// <summary>
    /// Who is asked and may answer through their personal link: a confirmed participant, or anyone not cancelled who was
    /// checked in at the door (someone on the waiting list who came anyway). Erased people are never written to.
    /// </summary>
    public static bool IsParticipant(RegistrationStatus status, bool checkedIn) =>
        status == RegistrationStatus.Confirmed || (status != RegistrationStatus.Cancelled && checkedIn);

    /// <summary>
    /// Whether the anonymous walk-in feedback page takes answers: only for a walk-in workshop (<see cref="Workshop.IsWalkIn"/>:
    /// the format is walk-in, or the organiser made registration optional), not cancelled, feedback not closed, and from
    /// the workshop's own day (Helsinki) on.
    /// </summary>
    public static WalkInFeedback WalkInState(Workshop workshop, DateTime nowLocal) =>
        !workshop.IsWalkIn || workshop.Status == WorkshopStatus.Cancelled ? WalkInFeedback.NotOffered
        : workshop.Feedback.ClosedAtUtc is not null ? WalkInFeedback.Closed
        : DateOnly.FromDateTime(nowLocal) < workshop.Date ? WalkInFeedback.NotYet
        : WalkInFeedback.Open;
}

/// <summary>The state of a workshop's anonymous walk-in feedback page.</summary>
public enum WalkInFeedback
{
    NotOffered,
    NotYet,
    Open,
    Closed,
}
