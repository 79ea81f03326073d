namespace Workshops.Web.Domain.Offers;

/// <summary>
/// How a seat freed on a full workshop reaches its waiting list, as stored with the workshop (a complex type: the columns
/// <c>Offers_Enabled</c> and <c>Offers_Hours</c> of its row). Off (the default, and what every workshop did before offers
/// existed): the first person waiting is confirmed at once. On: the seat is offered to them for <see cref="Hours"/> hours,
/// shortened so that it never passes the start or the registration deadline (<see cref="OfferRules.Deadline"/>); whoever
/// does not answer in time passes the seat to the next person. The organiser chooses per workshop in the editor. A record:
/// equal settings are the same choice.
/// </summary>
public sealed record OfferSettings
{
    /// <summary>The time to answer an organiser gets unless they choose another (Open Community Groups' 24 hours).</summary>
    public const int DefaultHours = 24;

    /// <summary>The longest time to answer an organiser may choose: a week.</summary>
    public const int MaxHours = 168;

    /// <summary>Whether a freed seat is offered (true) or confirmed at once (false).</summary>
    public bool Enabled { get; set; }

    /// <summary>Hours the person has to answer an offer, 1–<see cref="MaxHours"/>, before the start and the deadline cut it shorter.</summary>
    public int Hours { get; set; } = DefaultHours;

    /// <summary>A copy of <paramref name="chosen"/>, or <paramref name="current"/> when nothing was chosen (the seed file, older callers).</summary>
    /// <exception cref="ArgumentException">Hours outside 1–<see cref="MaxHours"/>.</exception>
    public static OfferSettings Choose(OfferSettings? chosen, OfferSettings current) => chosen switch
    {
        null => current,
        { Hours: < 1 or > MaxHours } => throw new ArgumentException($"An offer lasts 1–{MaxHours} hours.", nameof(chosen)),
        _ => new OfferSettings { Enabled = chosen.Enabled, Hours = chosen.Hours },
    };
}
