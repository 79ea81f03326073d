namespace Workshops.Web.Domain.Privacy;

/// <summary>What organisers (and the retention purge) did. Never holds a participant's personal data.</summary>
public enum AuditAction
{
    SignedIn = 0,
    SignedOut = 1,
    PasswordChanged = 2,
    TwoFactorEnabled = 3,
    TwoFactorDisabled = 4,
    WorkshopCreated = 10,
    WorkshopEdited = 11,
    ScheduleChanged = 12,
    RegistrationOpened = 13,
    RegistrationClosed = 14,
    WorkshopCancelled = 15,
    HeadCountRecorded = 16,
    RegisteredByOrganiser = 20,
    RegistrationCancelled = 21,
    CheckedIn = 22,
    CheckInUndone = 23,
    Erased = 24,
    Purged = 25,
    Exported = 30,
    EmailRequeued = 31,
    AttendeeMessageSent = 32,
    RemindersSent = 33,
    QuestionAdded = 40,
    QuestionEdited = 41,
    QuestionMoved = 42,
    QuestionRemoved = 43,
    QuestionArchived = 44,
    WorkshopCopied = 45,
    WorkshopPublished = 46,
    WorkshopDeleted = 47,
    ProposalApproved = 50,
    ProposalHidden = 51,
    ProposalMerged = 52,
    ProposalTakenForward = 53,
    ProposalNotTakenForward = 54,
    ResultsSaved = 55,

    /// <summary>The results were queued by email; the detail gives the kind and count, never an address.</summary>
    ResultsSent = 56,
    ProposalsPurged = 57,

    // Issue 15b (feedback on the method): numbered apart so parallel branches do not collide.
    FeedbackRequested = 150,
    FeedbackClosed = 151,
    FeedbackReopened = 152,

    // Issue 24 (seat offers, the door's overrides).
    OfferWithdrawn = 240,

    /// <summary>More time to answer an offer; the detail gives the new deadline (Helsinki time).</summary>
    OfferExtended = 241,

    /// <summary>An organiser's "add anyway": confirmed while every seat was taken.</summary>
    RegisteredOverCapacity = 242,
}

/// <summary>One line of the audit log: who did what to which record, and when.</summary>
public sealed class AuditEntry
{
    public const int ActorMaxLength = 256;
    public const int DetailMaxLength = 500;

    /// <summary>The actor of automatic work (the retention purge).</summary>
    public const string System = "(järjestelmä)";

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The organiser's email (their sign-in name), or <see cref="System"/>.</summary>
    public string Actor { get; set; } = "";
    public AuditAction Action { get; set; }
    public Guid? WorkshopId { get; set; }
    public int? RegistrationId { get; set; }

    /// <summary>
    /// Short and free of participants' personal data: an <see cref="AuditDetail"/> as JSON (a kind and its ids, counts,
    /// slugs, formats), worded in the reader's language by the audit page; free English text in rows written before that.
    /// </summary>
    public string? Detail { get; set; }
}
