namespace Workshops.Web.Domain.Members;

/// <summary>What a member hears about one workshop's registrations and cancellations (issue 25, item 4).</summary>
public enum NotificationChoice
{
    /// <summary>Nothing (the default: no row is stored).</summary>
    None = 0,

    /// <summary>One email per registration and per cancellation, within a scan interval of it.</summary>
    Each = 1,

    /// <summary>One email a day at <see cref="NotificationOptions.DigestHour"/> (Helsinki time) about the previous Helsinki day.</summary>
    Digest = 2,
}

/// <summary>
/// A member's choice of notifications about one workshop they reach: table <c>NotificationSubscriptions</c>, removed
/// with the account or the workshop. Holds no personal data of registrants; the watermarks make the scan idempotent.
/// </summary>
public sealed class NotificationSubscription
{
    /// <summary>The member's Identity user id (<c>AspNetUsers.Id</c>).</summary>
    public string UserId { get; set; } = "";

    public Guid WorkshopId { get; set; }

    public NotificationChoice Choice { get; private set; }

    /// <summary>
    /// For <see cref="NotificationChoice.Each"/>: registrations created and cancellations made up to this moment (UTC)
    /// have been notified (or predate the choice); the next scan looks only after it.
    /// </summary>
    public DateTime WatermarkUtc { get; private set; }

    /// <summary>For <see cref="NotificationChoice.Digest"/>: the Helsinki day whose digest run last covered this workshop.</summary>
    public DateOnly? DigestSentOn { get; private set; }

    /// <summary>
    /// A new choice from <paramref name="nowUtc"/>: nothing that happened before it is notified. A digest chosen after
    /// today's digest hour (<paramref name="digestDoneToday"/>) starts tomorrow, so a member never gets two in one day.
    /// </summary>
    public static NotificationSubscription Start(string userId, Guid workshopId, NotificationChoice choice, DateTime nowUtc, DateOnly today, bool digestDoneToday)
    {
        if (choice == NotificationChoice.None)
        {
            throw new ArgumentOutOfRangeException(nameof(choice), "No row is stored for None.");
        }

        return new NotificationSubscription
        {
            UserId = userId,
            WorkshopId = workshopId,
            Choice = choice,
            WatermarkUtc = nowUtc,
            DigestSentOn = digestDoneToday ? today : null,
        };
    }

    /// <summary>Records that the "each" notices up to <paramref name="toUtc"/> were queued (never moves back).</summary>
    public void NotifiedUpTo(DateTime toUtc)
    {
        if (toUtc > WatermarkUtc)
        {
            WatermarkUtc = toUtc;
        }
    }

    /// <summary>Whether the digest run of Helsinki day <paramref name="today"/> still has to cover this workshop.</summary>
    public bool AwaitsDigest(DateOnly today) => Choice == NotificationChoice.Digest && (DigestSentOn is null || DigestSentOn < today);

    /// <summary>Records that the digest run of Helsinki day <paramref name="today"/> covered this workshop.</summary>
    public void DigestDone(DateOnly today) => DigestSentOn = today;
}
