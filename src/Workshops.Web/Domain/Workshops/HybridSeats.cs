namespace Workshops.Web.Domain.Workshops;

/// <summary>
/// The online half of a <see cref="WorkshopFormat.Hybrid"/> workshop's seats, stored with the workshop (a complex type: the
/// column <c>Hybrid_OnlineCapacity</c> of its row). The on-site seats stay <see cref="Workshop.Capacity"/>, so a workshop that
/// turns hybrid keeps its room's size. Null means unlimited, as for <see cref="Workshop.Capacity"/>. Read only for hybrid
/// workshops (<see cref="AttendanceModes.CapacityFor"/>). A record: equal settings are the same choice.
/// </summary>
public sealed record HybridSeats
{
    /// <summary>How many may attend online; null = unlimited.</summary>
    public int? OnlineCapacity { get; set; }

    /// <summary>The settings for <paramref name="onlineCapacity"/>.</summary>
    /// <exception cref="ArgumentException">A negative capacity.</exception>
    public static HybridSeats With(int? onlineCapacity) => onlineCapacity is < 0
        ? throw new ArgumentException("A capacity cannot be negative.", nameof(onlineCapacity))
        : new HybridSeats { OnlineCapacity = onlineCapacity };
}
