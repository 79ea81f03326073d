using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Registrations;

/// <summary>Where a workshop stands for checking in by oneself (with the venue code).</summary>
public enum SelfCheckInWindow
{
    /// <summary>Before the workshop starts.</summary>
    NotYet,

    /// <summary>While the workshop is under way: the venue code is shown and accepted.</summary>
    Open,

    /// <summary>After the workshop has ended.</summary>
    Over,

    /// <summary>Never for this workshop: cancelled, a draft, or online (there is no door).</summary>
    Unavailable,
}

/// <summary>The window and its local (Europe/Helsinki) bounds, for the messages that name them.</summary>
public sealed record SelfCheckInTime(SelfCheckInWindow Window, DateTime OpensLocal, DateTime ClosesLocal);

/// <summary>
/// The one rule for "is self check-in open now?". Every page that shows the venue code or the self check-in form asks
/// it, and <see cref="CheckInService"/> asks it again inside the write, so a page loaded a minute before the end cannot
/// check anyone in after it.
/// </summary>
public static class SelfCheckIn
{
    /// <summary>
    /// Open from the workshop's start to its end, Helsinki wall-clock time from <paramref name="time"/>: the start
    /// time (or the start of the day for an all-day workshop or one whose time is not announced) until the end time,
    /// or, without an end time, until the end of that day.
    /// </summary>
    /// <remarks>To be answered by the workshop's lifecycle ("under way") once that exists: this is the only place to change.</remarks>
    public static SelfCheckInTime When(Workshop workshop, TimeProvider time)
    {
        var opens = workshop.LocalStart;
        var closes = workshop.StartTime is not null && workshop.EndTime is { } end
            ? workshop.Date.ToDateTime(end)
            : workshop.Date.AddDays(1).ToDateTime(TimeOnly.MinValue);
        if (workshop.Status == WorkshopStatus.Cancelled || workshop.IsDraft || workshop.Format == WorkshopFormat.Online)
        {
            return new SelfCheckInTime(SelfCheckInWindow.Unavailable, opens, closes);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var window = now < HelsinkiTime.ToUtc(opens) ? SelfCheckInWindow.NotYet
            : now < HelsinkiTime.ToUtc(closes) ? SelfCheckInWindow.Open
            : SelfCheckInWindow.Over;
        return new SelfCheckInTime(window, opens, closes);
    }
}
