using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages;

/// <summary>A workshop with what a visitor can do now; no availability line when it is null.</summary>
public sealed record WorkshopListItem(Workshop Workshop, Availability? Availability);

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class IndexModel(WorkshopsDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<WorkshopListItem> Workshops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var workshops = await db.PublicProgrammeAsync(ct);
        // An offered seat is not free: seats taken are confirmed plus open offers.
        var taken = await db.SeatsTakenByWorkshopAsync(ct);
        var now = HelsinkiTime.Now(time);
        Workshops = workshops
            .Select(w => new WorkshopListItem(w, RegistrationRules.Evaluate(w, taken.GetValueOrDefault(w.Id), now)))
            .ToList();
    }
}
