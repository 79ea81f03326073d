namespace Workshops.Web.Domain.Workshops;

/// <summary>What publishing a draft did: published (or already was), refused because the draft was cancelled, or no such workshop.</summary>
public enum PublishOutcome
{
    Published,
    CancelledDraft,
    NotFound,
}

/// <summary>What an organiser's edit did, for the page to report.</summary>
/// <param name="Found">False for an unknown workshop.</param>
/// <param name="ScheduleChanged">A new time or place: everyone was told.</param>
/// <param name="Notified">How many were sent the change notice.</param>
/// <param name="Promoted">How many moved from the waiting list into freed seats.</param>
/// <param name="DateCertified">Refused, nothing saved: a new date for a workshop whose certificates of attendance print the old one.</param>
public sealed record EditOutcome(bool Found, bool ScheduleChanged = false, int Notified = 0, int Promoted = 0, bool DateCertified = false);

/// <summary>What deleting a draft did: deleted, refused (published, or someone has already used it), or no such workshop.</summary>
public enum DraftDeletion
{
    Deleted,
    Published,
    InUse,
    NotFound,
}
