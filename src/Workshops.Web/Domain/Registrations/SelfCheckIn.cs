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
/// Self check-in's window, as the pages and messages need it: the workshop's lifecycle decides
/// (<see cref="WorkshopLifecycle.MayCheckInBySelf"/>, its start and end); this only says which side of the window the
/// moment is on and gives the bounds for "opens at …". Every page that shows the venue code or the self check-in form
/// asks it, and <see cref="CheckInService"/> asks it again inside the write, so a page loaded a minute before the end
/// cannot check anyone in after it.
/// </summary>
public static class SelfCheckIn
{
    /// <summary>
    /// Open while the workshop is under way (<see cref="WorkshopLifecycle"/>: from its start, or the start of its day, to
    /// its end, or the end of its day, Helsinki wall-clock time from <paramref name="time"/>); never for a draft, a
    /// cancelled or an online workshop.
    /// </summary>
    public static SelfCheckInTime When(Workshop workshop, TimeProvider time)
    {
        var life = WorkshopLifecycle.At(workshop, time);
        var window = life.MayCheckInBySelf ? SelfCheckInWindow.Open
            : workshop.Format == WorkshopFormat.Online ? SelfCheckInWindow.Unavailable
            : life.Stage switch
            {
                WorkshopStage.Upcoming => SelfCheckInWindow.NotYet,
                WorkshopStage.Held or WorkshopStage.ResultsPublished => SelfCheckInWindow.Over,
                _ => SelfCheckInWindow.Unavailable,
            };
        return new SelfCheckInTime(window, life.LocalStart, life.LocalEnd);
    }
}
