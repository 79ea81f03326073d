using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// A workshop's published results: the organiser's summary and the proposals taken forward (no names: the person's
/// choice to show theirs was about the ideas wall, results go to decision-makers as ideas). Printable. Not found until published.
/// </summary>
public sealed class ResultsModel(WorkshopsDbContext db) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public List<Proposal> TakenForward { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.PublicWorkshopBySlugAsync(slug, ct) is not { Results.Published: true } workshop)
        {
            return NotFound();
        }

        Workshop = workshop;
        TakenForward = await db.Proposals.AsNoTracking().TakenForward(workshop.Id).ToListAsync(ct);
        return Page();
    }
}
