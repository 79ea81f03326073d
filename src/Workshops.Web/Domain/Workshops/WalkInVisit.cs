namespace Workshops.Web.Domain.Workshops;

/// <summary>
/// One visitor who counted themselves in at a walk-in event ("count me in", with the venue code). Nothing about the
/// person is kept: only which form submission it was (<see cref="FormKey"/>, unique, so a double tap or a resent form
/// counts once), the workshop and the time. The count itself is <see cref="Workshop.HeadCount"/>.
/// </summary>
public sealed class WalkInVisit
{
    public Guid FormKey { get; set; }
    public Guid WorkshopId { get; set; }
    public DateTime CountedAtUtc { get; set; }
}
