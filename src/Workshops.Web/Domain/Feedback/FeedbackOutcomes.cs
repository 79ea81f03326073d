namespace Workshops.Web.Domain.Feedback;

/// <summary>What became of a submitted feedback answer.</summary>
public enum FeedbackSaveOutcome
{
    /// <summary>A new answer was stored (or, for a walk-in form posted again, its answer already was).</summary>
    Saved,

    /// <summary>The person's earlier answer was replaced.</summary>
    Updated,

    /// <summary>The organiser has closed feedback for the workshop.</summary>
    Closed,

    /// <summary>
    /// Did not take part (<see cref="FeedbackRules.Attended"/>: cancelled, only waiting, or not checked in where check-in
    /// was used), erased, or the workshop is cancelled or takes no walk-in answers.
    /// </summary>
    NotAllowed,

    /// <summary>
    /// Too early: a participant's workshop has not ended or their request has not been sent yet; a walk-in workshop's
    /// day has not come.
    /// </summary>
    NotYet,

    /// <summary>
    /// A walk-in form whose key this site did not issue for this workshop's form, or issued too long ago
    /// (<see cref="WalkInFormKeys"/>): nothing stored; the person sends the form again with a fresh key.
    /// </summary>
    FormRefused,
}

/// <summary>
/// What "send feedback requests now" did: the workshop was not found (or is cancelled), feedback is closed, the workshop
/// has not ended yet (<paramref name="TooEarly"/>: requests go only once it is held), or how many were queued.
/// </summary>
public sealed record FeedbackRequestOutcome(bool Found, bool Closed, int Queued, bool TooEarly = false);
