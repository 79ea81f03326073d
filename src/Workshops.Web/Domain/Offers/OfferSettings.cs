namespace Workshops.Web.Domain.Offers;

/// <summary>
/// How a seat freed on a full workshop reaches its waiting list, as stored with the workshop (a complex type: the columns
/// <c>Offers_Enabled</c> and <c>Offers_Hours</c> of its row). Off (the default, and what every workshop did before offers
/// existed): the first person waiting is confirmed at once. On: the seat is offered to them for <see cref="Hours"/> hours,
/// shortened so that it never passes the start or the registration deadline (<see cref="OfferRules.Deadline"/>); whoever
/// does not answer in time passes the seat to the next person. The organiser chooses per workshop in the editor.
/// </summary>
public sealed class OfferSettings
{
    /// <summary>The time to answer an organiser gets unless they choose another (Open Community Groups' 24 hours).</summary>
    public const int DefaultHours = 24;

    /// <summary>The longest time to answer an organiser may choose: a week.</summary>
    public const int MaxHours = 168;

    /// <summary>Whether a freed seat is offered (true) or confirmed at once (false).</summary>
    public bool Enabled { get; set; }

    /// <summary>Hours the person has to answer an offer, 1–<see cref="MaxHours"/>, before the start and the deadline cut it shorter.</summary>
    public int Hours { get; set; } = DefaultHours;

    /// <summary>Whether <paramref name="other"/> holds the same choice.</summary>
    public bool SameAs(OfferSettings other) => Enabled == other.Enabled && Hours == other.Hours;
}
