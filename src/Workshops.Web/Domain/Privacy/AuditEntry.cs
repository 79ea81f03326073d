namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// What organisers (and the retention purge) did. Never holds a participant's personal data; an outside recipient's
/// address is kept in the details of the entries about them until the workshop's retention purge replaces it.
/// </summary>
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

    /// <summary>
    /// The results were queued by email; the detail gives the kind and count, and for an outside recipient their address
    /// (until the workshop's retention purge; never a participant's).
    /// </summary>
    ResultsSent = 56,
    ProposalsPurged = 57,

    /// <summary>A proposal deleted for good (spam); the detail gives its number, never its text.</summary>
    ProposalDeleted = 58,

    /// <summary>An outside recipient of the results was added to a workshop's list; the detail gives the address and language.</summary>
    OutsideRecipientAdded = 59,

    /// <summary>An outside recipient was taken off the list and their data erased; the detail gives the address.</summary>
    OutsideRecipientErased = 60,

    // Issue 15b (feedback on the method): numbered apart so parallel branches do not collide.
    FeedbackRequested = 150,
    FeedbackClosed = 151,
    FeedbackReopened = 152,

    // Issue 25 (the organiser team).
    MemberInvited = 250,
    InvitationAccepted = 251,
    MemberDisabled = 252,
    MemberEnabled = 253,
    PasswordReset = 254,

    /// <summary>An organiser sent a person their registration's current state and manage link again (issue 25).</summary>
    ConfirmationResent = 255,

    // Issue 24 (seat offers, the door's overrides).
    OfferWithdrawn = 240,

    /// <summary>More time to answer an offer; the detail gives the new deadline (Helsinki time).</summary>
    OfferExtended = 241,

    /// <summary>An organiser's "add anyway": confirmed while every seat was taken.</summary>
    RegisteredOverCapacity = 242,

    // Issue 26 item 4 (the funder's roster), numbered apart from the other items' branches.

    /// <summary>The funder's self-entry emails were queued for a participant activity's roster (automatically).</summary>
    SelfEntrySent = 264,
    /// <summary>Issue 26: an organiser sent the certificates of attendance by email (the count in the detail).</summary>
    CertificatesEmailed = 260,
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
    /// slugs, formats; an outside recipient's address), worded in the reader's language by the audit page; free English
    /// text in rows written before that.
    /// </summary>
    public string? Detail { get; set; }

    /// <summary>
    /// Replaces every address in the detail with <paramref name="replacement"/> (the retention purge of an outside
    /// recipient's data); the rest of the entry stays as written. False when the detail held no address.
    /// </summary>
    public bool ForgetAddresses(string replacement)
    {
        if (AuditDetail.Parse(Detail) is not { } detail || !detail.Args.Any(a => a.Contains('@', StringComparison.Ordinal)))
        {
            return false;
        }

        Detail = (detail with { Args = [.. detail.Args.Select(a => a.Contains('@', StringComparison.Ordinal) ? replacement : a)] }).ToJson();
        return true;
    }
}
