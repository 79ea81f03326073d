using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Offers;

/// <summary>
/// When an offer of a freed seat ends, free of any database so the rules are tested on their own. The time to answer is
/// the workshop's <see cref="OfferSettings.Hours"/>, cut short so that it never passes the workshop's start or its
/// registration deadline (Open Community Groups: at most 24 hours, never past registration's end); when less than
/// <see cref="MinimumWindow"/> would remain, the seat is confirmed at once instead, as without offers. All times are UTC;
/// the deadline is Europe/Helsinki wall-clock time converted with <see cref="HelsinkiTime.ToUtc"/>.
/// </summary>
public static class OfferRules
{
    /// <summary>
    /// The shortest time to answer worth offering. With less, the person would probably not even read the email before the
    /// seat passed on, and the next person would get even less: so the first person waiting is confirmed at once.
    /// </summary>
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// Until when a seat freed at <paramref name="nowUtc"/> is offered: now plus the workshop's hours, no later than
    /// <see cref="LatestEnd"/>, to the whole minute. Null means confirm at once: offers are off, the workshop has no seat
    /// limit, or less than <see cref="MinimumWindow"/> would remain.
    /// </summary>
    public static DateTime? Deadline(Workshop workshop, DateTime nowUtc)
    {
        if (!workshop.Offers.Enabled || !workshop.HasSeatLimit)
        {
            return null;
        }

        var hours = Math.Clamp(workshop.Offers.Hours, 1, OfferSettings.MaxHours);
        var end = WholeMinute(Earlier(nowUtc.AddHours(hours), LatestEnd(workshop)));
        return end - nowUtc >= MinimumWindow ? end : null;
    }

    /// <summary>
    /// An organiser's extension by <paramref name="hours"/>: counted from the current deadline (or from now, if that is
    /// later), no later than <see cref="LatestEnd"/>, to the whole minute. Null when that would not move the deadline at all
    /// (it already ends at the start or the registration deadline).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Hours outside 1–<see cref="OfferSettings.MaxHours"/>.</exception>
    public static DateTime? ExtendedDeadline(Workshop workshop, DateTime currentExpiresAtUtc, int hours, DateTime nowUtc)
    {
        if (hours is < 1 or > OfferSettings.MaxHours)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, $"An offer is extended by 1–{OfferSettings.MaxHours} hours.");
        }

        var from = currentExpiresAtUtc > nowUtc ? currentExpiresAtUtc : nowUtc;
        var end = WholeMinute(Earlier(from.AddHours(hours), LatestEnd(workshop)));
        return end > currentExpiresAtUtc ? end : null;
    }

    /// <summary>
    /// The latest moment any offer of the workshop may run to (UTC): the end of registration by the clock, its registration
    /// deadline or its start, whichever comes first. Read from the workshop's lifecycle, the one place that says when a
    /// workshop starts (an all-day or time-to-be-announced workshop at 00.00 of its day).
    /// </summary>
    public static DateTime LatestEnd(Workshop workshop) => WorkshopLifecycle.RegistrationEndUtcOf(workshop);

    private static DateTime Earlier(DateTime a, DateTime b) => a <= b ? a : b;

    private static DateTime WholeMinute(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMinute), t.Kind);
}
