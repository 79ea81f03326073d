using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Data;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>A sign-in sheet for the door: everyone with a seat, by name, with a signature column; prints on A4.</summary>
public sealed class SignInSheetModel(WorkshopsDbContext db) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public List<Registration> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        Workshop = workshop;
        Rows = await AttendeeList.LoadAsync(db, workshop.Id, AttendeeFilter.From("confirmed", null, "name"), ct);
        return Page();
    }
}
