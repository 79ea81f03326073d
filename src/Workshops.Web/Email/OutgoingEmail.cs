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
    /// <summary>The person corrected their name, organisation, group or needs on their own page: the details as they are now.</summary>
    DetailsCorrected = 7,

    /// <summary>An organiser's own message to the workshop's attendees (<see cref="Domain.Messaging.AttendeeMessage"/>).</summary>
    AttendeeMessage = 8,

    /// <summary>The automatic (or organiser-triggered) reminder before the start, to confirmed registrants.</summary>
    EventReminder = 9,

    /// <summary>A workshop's results: to a confirmed or checked-in participant, or to an outside recipient (no registration).</summary>
    Results = 10,

    /// <summary>After the workshop: a request for feedback on the method, with the personal feedback link (issue 15b).</summary>
    FeedbackRequest = 11,

    /// <summary>To an organiser (no registration, no workshop): their password was changed (issue 22).</summary>
    PasswordChanged = 12,

    /// <summary>To someone invited to the organiser team: a one-use link to set their own password (issue 25).</summary>
    MemberInvitation = 40,

    /// <summary>To a member who forgot their password: a one-use, short-lived link to set a new one (issue 25).</summary>
    PasswordReset = 41,

    // Issue 24 (seat offers): numbered apart so parallel branches do not collide. Accepting sends Confirmed.

    /// <summary>A seat freed and is offered to the person until a deadline, with accept and decline links.</summary>
    SeatOffered = 240,

    /// <summary>An organiser gave more time to answer an offer: the new deadline and the same links.</summary>
    OfferExtended = 241,

    /// <summary>The person declined the offered seat: their registration ended and the seat went to the next person.</summary>
    OfferDeclined = 242,

    /// <summary>No answer in time: the offer expired, the registration ended and the seat went to the next person.</summary>
    OfferExpired = 243,

    /// <summary>An organiser withdrew the offer: the registration ended and the seat went to the next person.</summary>
    OfferWithdrawn = 244,

    // Issue 25, item 4 (notifications to members): no registration; the data is in NoticeJson.

    /// <summary>To a member who chose "each": one registration or one cancellation on a workshop they reach.</summary>
    MemberNotice = 254,

    /// <summary>To a member who chose the daily digest: the previous Helsinki day's registrations and cancellations.</summary>
    MemberDigest = 255,

    // Issue 26 item 4 (the funder's roster): numbered apart so parallel branches do not collide.

    /// <summary>After a participant activity: the funder's self-entry link (<c>Funder__SelfEntryUrl</c>), once per person.</summary>
    SelfEntry = 264,
    /// <summary>Issue 26: the person's certificate of attendance, the PDF attached (rendered at send time from the certificate record).</summary>
    Certificate = 260,
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

    public const int RecipientNameMaxLength = 200;
    public const int RecipientEmailMaxLength = 254;

    public Guid Id { get; set; }

    /// <summary>The registration the message is about; null for a message to someone outside the registrations (<see cref="RecipientEmail"/>).</summary>
    public int? RegistrationId { get; set; }
    public Domain.Registrations.Registration? Registration { get; set; }

    /// <summary>For a message without a registration: the workshop it is about.</summary>
    public Guid? WorkshopId { get; set; }

    /// <summary>For a message without a registration: who gets it (a city manager, say). Both set, or both null.</summary>
    public string? RecipientName { get; set; }
    public string? RecipientEmail { get; set; }

    /// <summary>For a message without a registration: its language (fi/sv/en). A registrant's message uses theirs.</summary>
    public string? Language { get; set; }

    /// <summary>The organiser's send form (<see cref="Domain.Results.ResultsMailing"/>) that queued this message, if any.</summary>
    public Guid? MailingKey { get; set; }
    public EmailKind Kind { get; set; }
    public EmailState State { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? ClaimedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>
    /// The manage link's token, encrypted with the Data Protection key ring (never in clear): minted on the
    /// first try and reused by later ones, so a copy delivered before a crash keeps a working link.
    /// </summary>
    public string? ProtectedManageToken { get; set; }

    /// <summary>For a change notice: the schedule before the change, as JSON (<see cref="PreviousSchedule"/>).</summary>
    public string? PreviousScheduleJson { get; set; }

    /// <summary>
    /// For <see cref="EmailKind.AttendeeMessage"/>: the id of the organiser's message whose texts this copy carries
    /// (loaded by the sender; no foreign key, so adding the column did not rebuild the SQLite table).
    /// </summary>
    public Guid? AttendeeMessageId { get; set; }

    /// <summary>
    /// For <see cref="EmailKind.MemberNotice"/> and <see cref="EmailKind.MemberDigest"/>: what the notice is about, as JSON
    /// (<see cref="MemberNotice"/>: registration ids only, no personal data; the names are read when it is sent).
    /// </summary>
    public string? NoticeJson { get; set; }

    /// <summary>Stable across retries, so a receiving server can spot the rare duplicate after a crash.</summary>
    public string MessageId(string host) => $"{Id:N}@{host}";

    /// <summary>Delays after the 1st, 2nd, … failed try: short at first so a brief outage heals quickly.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2),
    ];

    /// <summary>How long to wait after the given number of failed tries (the last delay repeats).</summary>
    public static TimeSpan DelayAfter(int attempts) => RetryDelays[Math.Clamp(attempts - 1, 0, RetryDelays.Count - 1)];

    /// <summary>
    /// Records a try that did not deliver: queued again after <see cref="DelayAfter"/> when the failure is
    /// temporary and tries remain, otherwise Failed for good with the reason kept for the organisers.
    /// </summary>
    public void RecordFailure(string reason, bool permanent, int maxAttempts, DateTime nowUtc)
    {
        if (State != EmailState.Sending)
        {
            throw new InvalidOperationException($"Only a message being sent can fail (this one is {State}).");
        }

        LastError = reason.Length > ErrorMaxLength ? reason[..ErrorMaxLength] : reason;
        State = permanent || Attempts >= maxAttempts ? EmailState.Failed : EmailState.Queued;
        NextAttemptAtUtc = nowUtc + DelayAfter(Attempts);
    }

    /// <summary>Whether the message goes to someone outside the registrations (no registration, its own recipient).</summary>
    public bool IsToOutsideRecipient => RegistrationId is null && Registration is null;

    /// <summary>No longer worth sending: the registration was cancelled or erased before it went out.</summary>
    public void Skip()
    {
        if (State != EmailState.Sending)
        {
            throw new InvalidOperationException($"Only a message being sent can be skipped (this one is {State}).");
        }

        State = EmailState.Skipped;
    }
}

/// <summary>Where and when a workshop was before an organiser changed it.</summary>
public sealed record PreviousSchedule(DateOnly Date, TimeOnly? StartTime, TimeOnly? EndTime, string? Place);

/// <summary>
/// What a member's notice covers: per workshop, the ids of the registrations made and cancelled in it, between
/// <paramref name="FromUtc"/> and <paramref name="ToUtc"/>. <paramref name="WithNames"/>: the member may see names
/// and addresses (<see cref="Domain.Members.Capability.ViewPersonalData"/> on every workshop in it); otherwise counts only.
/// </summary>
public sealed record MemberNotice(bool WithNames, IReadOnlyList<NoticeWorkshop> Workshops, DateTime FromUtc, DateTime ToUtc);

/// <summary>One workshop in a <see cref="MemberNotice"/>: the registrations made and those cancelled (ids).</summary>
public sealed record NoticeWorkshop(Guid WorkshopId, IReadOnlyList<int> Registered, IReadOnlyList<int> Cancelled);
