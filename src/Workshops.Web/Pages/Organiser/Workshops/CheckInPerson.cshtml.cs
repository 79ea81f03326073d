using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>What a personal QR code opens: that person on their workshop's check-in list (sign-in required, like every organiser page).</summary>
[Needs(Capability.CheckIn)]
public sealed class CheckInPersonModel(WorkshopsDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var slug = await db.Registrations.Where(r => r.Id == id).Select(r => r.Workshop!.Slug).SingleOrDefaultAsync(ct);
        return slug is null ? NotFound() : RedirectToPage("CheckIn", new { slug, person = id });
    }
}
