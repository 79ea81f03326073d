namespace Workshops.Web.Domain.Feedback;

/// <summary>
/// A workshop's feedback on the method as stored with it (a complex type: a column of the workshop's row). Changed only
/// through <see cref="Workshops.Workshop.SetFeedbackOpen"/>, which replaces it as a whole.
/// </summary>
public sealed class FeedbackState
{
    /// <summary>Set (UTC) when the organiser closed feedback: no more answers, edits or requests; null while open.</summary>
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>Whether answers, edits and requests are still taken (the organiser has not closed feedback).</summary>
    public bool IsOpen => ClosedAtUtc is null;
}
