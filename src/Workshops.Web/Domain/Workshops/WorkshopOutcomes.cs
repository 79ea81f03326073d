namespace Workshops.Web.Domain.Workshops;

/// <summary>What publishing a draft did: published (or already was), refused because the draft was cancelled, or no such workshop.</summary>
public enum PublishOutcome
{
    Published,
    CancelledDraft,
    NotFound,
}

/// <summary>What an organiser's edit did, for the page to report.</summary>
public sealed record EditOutcome(bool Found, bool ScheduleChanged = false, int Notified = 0, int Promoted = 0);

/// <summary>What deleting a draft did: deleted, refused (published, or someone has already used it), or no such workshop.</summary>
public enum DraftDeletion
{
    Deleted,
    Published,
    InUse,
    NotFound,
}
