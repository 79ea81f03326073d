using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Feedback;

/// <summary>
/// Who is asked for feedback and may give it, and when the walk-in page takes answers. Pure rules, tested without a
/// database; the decisions themselves are made again inside the write transaction from the database's current state.
/// When requests are due is the lifecycle's (<see cref="WorkshopLifecycle.FeedbackDueLocal"/>, <see cref="WorkshopLifecycle.MayAskFeedback"/>).
/// </summary>
public static class FeedbackRules
{
    /// <summary>
    /// Whether a person took part, for feedback: where check-in was used for the workshop (<paramref name="checkInUsed"/>:
    /// anyone not cancelled was marked arrived) those checked in, whatever their status (someone on the waiting list who
    /// came anyway); otherwise those confirmed. Cancelled people never. Erasure is the caller's to check.
    /// </summary>
    public static bool Attended(RegistrationStatus status, bool checkedIn, bool checkInUsed) =>
        status != RegistrationStatus.Cancelled && (checkInUsed ? checkedIn : status == RegistrationStatus.Confirmed);

    /// <summary>
    /// Whether the anonymous walk-in feedback page takes answers at the lifecycle's moment: only for a walk-in workshop
    /// (<see cref="Workshop.IsWalkIn"/>: the format is walk-in, or the organiser made registration optional), not a draft
    /// or cancelled, feedback not closed by the organiser, and from the workshop's own day (Helsinki) on, so visitors at
    /// the stand answer while it is going on.
    /// </summary>
    public static WalkInFeedback WalkInState(WorkshopLifecycle life) =>
        !life.Workshop.IsWalkIn || life.Stage is WorkshopStage.Cancelled or WorkshopStage.Draft ? WalkInFeedback.NotOffered
        : life.Workshop.Feedback.ClosedAtUtc is not null ? WalkInFeedback.Closed
        : !life.DayHasCome ? WalkInFeedback.NotYet
        : WalkInFeedback.Open;

    /// <summary>
    /// Why <paramref name="registration"/> may not give (or change) feedback at the lifecycle's moment, or null when they
    /// may, in this order: a cancelled workshop or an erased person (<see cref="FeedbackSaveOutcome.NotAllowed"/>); the
    /// workshop has not ended (<see cref="FeedbackSaveOutcome.NotYet"/>); they did not attend (<see cref="FeedbackRules.Attended"/>
    /// with <paramref name="checkInUsed"/>: NotAllowed); the organiser closed feedback (<see cref="FeedbackSaveOutcome.Closed"/>);
    /// their request has not been sent yet (NotYet). The save (<see cref="FeedbackService.SaveParticipantAsync"/>, under the lock) and the personal feedback page both ask this.
    /// </summary>
    public static FeedbackSaveOutcome? ParticipantRefusal(WorkshopLifecycle life, Registration registration, bool checkInUsed) =>
        life.Stage == WorkshopStage.Cancelled || registration.ErasedAtUtc is not null ? FeedbackSaveOutcome.NotAllowed
        : !life.MayAskFeedback ? FeedbackSaveOutcome.NotYet
        : !registration.MayGiveFeedback(checkInUsed) ? FeedbackSaveOutcome.NotAllowed
        : life.Workshop.Feedback.ClosedAtUtc is not null ? FeedbackSaveOutcome.Closed
        : registration.FeedbackRequestedAtUtc is null ? FeedbackSaveOutcome.NotYet
        : null;
}

/// <summary>The state of a workshop's anonymous walk-in feedback page.</summary>
public enum WalkInFeedback
{
    NotOffered,
    NotYet,
    Open,
    Closed,
}
