using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Domain.Workshops;

/// <summary>
/// How people attend a workshop, and which seats each way has (issue 26 item 2). A <see cref="WorkshopFormat.Hybrid"/>
/// workshop has two modes, each with its own capacity (<see cref="Workshop.Capacity"/> on site,
/// <see cref="HybridSeats.OnlineCapacity"/> online) and its own waiting list; every other format has one mode, which follows
/// the format, and one pool of seats whatever the registrations store. Read-only rules, free of any database.
/// </summary>
public static class AttendanceModes
{
    /// <summary>Both modes, in the order forms and lists show them.</summary>
    public static readonly IReadOnlyList<AttendanceMode> Each = [AttendanceMode.OnSite, AttendanceMode.Online];

    /// <summary>Whether people choose on site or online (and seats are counted per mode).</summary>
    public static bool IsHybrid(this Workshop workshop) => workshop.Format == WorkshopFormat.Hybrid;

    /// <summary>The one mode of a single-mode workshop: online for an online workshop, on site otherwise.</summary>
    public static AttendanceMode FormatMode(this Workshop workshop) =>
        workshop.Format == WorkshopFormat.Online ? AttendanceMode.Online : AttendanceMode.OnSite;

    /// <summary>
    /// The mode a new registration gets: <paramref name="chosen"/> for a hybrid workshop (on site when none was chosen,
    /// as an organiser's form without the choice), the format's mode otherwise (a posted choice is ignored then).
    /// </summary>
    public static AttendanceMode ModeFor(this Workshop workshop, AttendanceMode? chosen) =>
        workshop.IsHybrid() ? chosen ?? AttendanceMode.OnSite : workshop.FormatMode();

    /// <summary>How <paramref name="registration"/> attends: its stored mode in a hybrid workshop, the format's otherwise.</summary>
    public static AttendanceMode ModeOf(this Workshop workshop, Registration registration) =>
        workshop.IsHybrid() ? registration.Mode : workshop.FormatMode();

    /// <summary>
    /// The seat pool a mode's seats are counted in: the mode itself for a hybrid workshop, null (all registrations alike)
    /// otherwise, so a single-mode workshop never splits its seats by what older rows stored.
    /// </summary>
    public static AttendanceMode? SeatPool(this Workshop workshop, AttendanceMode mode) => workshop.IsHybrid() ? mode : null;

    /// <summary>The capacity of <paramref name="mode"/>: the online seats of a hybrid workshop, <see cref="Workshop.Capacity"/> otherwise; null = unlimited.</summary>
    public static int? CapacityFor(this Workshop workshop, AttendanceMode mode) =>
        workshop.IsHybrid() && mode == AttendanceMode.Online ? workshop.Hybrid.OnlineCapacity : workshop.Capacity;

    /// <summary>The modes whose seats are counted separately: both for a hybrid workshop, the format's one otherwise.</summary>
    public static IReadOnlyList<AttendanceMode> Modes(this Workshop workshop) => workshop.IsHybrid() ? Each : [workshop.FormatMode()];
}
