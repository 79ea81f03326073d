namespace Workshops.Web.Email;

public enum EmailKind
{
    /// <summary>Seat confirmed (or, for a walk-in event, interest noted).</summary>
    Confirmed = 0,
    Waitlisted = 1,
    /// <summary>A seat opened and the person moved from the waiting list.</summary>
    Promoted = 2,
    /// <summary>The person cancelled their registration.</summary>
    Cancelled = 3,
    /// <summary>The organiser changed the time or place.</summary>
    Changed = 4,
    /// <summary>The organiser cancelled the whole workshop.</summary>
    WorkshopCancelled = 5,
    /// <summary>The same address registered again: the current state, with a fresh manage link.</summary>
    Reminder = 6,
}

/// <summary>Queued → Sending → Sent; back to Queued with a later NextAttempt on a temporary failure; Failed for good.</summary>
public enum EmailState
{
    Queued = 0,
    Sending = 1,
    Sent = 2,
    Failed = 3,
    /// <summary>No longer worth sending (the registration was cancelled or erased before it went out).</summary>
    Skipped = 4,
}

/// <summary>
/// One row of the outbox. It is written in the same transaction as the change it reports, and holds
/// the data to render the message at send time (the manage link's token is minted then, so no token
/// ever waits in the database in clear).
/// </summary>
public sealed class OutgoingEmail
{
    public const int ErrorMaxLength = 1000;

    public Guid Id { get; set; }
    public int RegistrationId { get; set; }
    public Domain.Registration? Registration { get; set; }
    public EmailKind Kind { get; set; }
    public EmailState State { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? ClaimedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>For a change notice: the schedule before the change, as JSON (<see cref="PreviousSchedule"/>).</summary>
    public string? PreviousScheduleJson { get; set; }

    /// <summary>Stable across retries, so a receiving server can spot the rare duplicate after a crash.</summary>
    public string MessageId(string host) => $"{Id:N}@{host}";
}

/// <summary>Where and when a workshop was before an organiser changed it.</summary>
public sealed record PreviousSchedule(DateOnly Date, TimeOnly? StartTime, TimeOnly? EndTime, string? Place);
