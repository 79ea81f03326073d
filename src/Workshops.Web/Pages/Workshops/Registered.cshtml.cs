using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain;

namespace Workshops.Web.Pages.Workshops;

/// <summary>
/// The page after post/redirect/get. The outcome travels in TempData (a protected cookie),
/// so the URL carries no one's data and cannot be used to look anyone up.
/// </summary>
public sealed class RegisteredModel(WorkshopsDbContext db) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public RegistrationOutcome Outcome { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var workshop = await db.WorkshopBySlugAsync(slug, ct);
        if (workshop is null)
        {
            return NotFound();
        }

        if (TempData[DetailsModel.OutcomeKey] is not string json
            || JsonSerializer.Deserialize<RegistrationOutcome>(json) is not { } outcome)
        {
            return RedirectToPage("Details", new { slug });
        }

        // The outcome belongs to one workshop: shown under another's title (a redirect not followed, then another
        // workshop's address) it told a waiting-list place for a workshop with free seats. Sent to its own page instead.
        if (outcome.RegistrationId is { } id
            && await db.Registrations.Where(r => r.Id == id).Select(r => r.Workshop!.Slug).SingleOrDefaultAsync(ct) is { } own
            && own != workshop.Slug)
        {
            TempData.Keep(DetailsModel.OutcomeKey);
            return RedirectToPage("Registered", new { slug = own });
        }

        Workshop = workshop;
        Outcome = outcome;
        return Page();
    }
}
