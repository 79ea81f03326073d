using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages;

/// <summary>
/// A workshop where it is in its life (<see cref="WorkshopLifecycle"/>), with what a visitor can do now; no availability
/// line when <paramref name="Availability"/> is null (the personal page, the result page).
/// </summary>
public sealed record WorkshopListItem(WorkshopLifecycle Life, Availability? Availability)
{
    public Workshop Workshop => Life.Workshop;
}

/// <summary>
/// The programme in time order: what is still ahead (upcoming and under way, cancelled ones ahead of their day) first,
/// then what is over (<see cref="WorkshopLifecycle.IsPast"/>: held, linked to their published results, and those cancelled
/// whose day has passed) under their own heading. Cached per culture and minute, so a start or an end shows within a minute.
/// </summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(WorkshopsDbContext db, TimeProvider time) : PageModel
{
    /// <summary>Upcoming and under way, in date order.</summary>
    public IReadOnlyList<WorkshopListItem> Ahead { get; private set; } = [];

    /// <summary>Over (held, or cancelled and past), in date order.</summary>
    public IReadOnlyList<WorkshopListItem> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var workshops = await db.PublicProgrammeAsync(ct);
        // An offered seat is not free: seats taken are confirmed plus open offers.
        var taken = await db.SeatsTakenByWorkshopAsync(ct);
        var online = await db.SeatsTakenByWorkshopAsync(ct, AttendanceMode.Online);
        var items = workshops
            .Select(w => WorkshopLifecycle.At(w, time))
            .Select(life => new WorkshopListItem(life, RegistrationRules.Evaluate(life, taken.GetValueOrDefault(life.Workshop.Id), online.GetValueOrDefault(life.Workshop.Id))))
            .ToList();
        Ahead = items.Where(i => !i.Life.IsPast).ToList();
        Past = items.Where(i => i.Life.IsPast).ToList();
    }
}
