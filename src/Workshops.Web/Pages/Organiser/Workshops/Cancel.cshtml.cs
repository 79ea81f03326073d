using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>Cancelling a workshop asks first (GET) and acts only on the POST; everyone registered is told.</summary>
public sealed class CancelModel(WorkshopsDbContext db, WorkshopService workshops, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public int Registered { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        Workshop = workshop;
        var counts = (await db.WorkshopCountsAsync(ct)).GetValueOrDefault(workshop.Id, WorkshopCounts.None);
        Registered = counts.Confirmed + counts.Waitlisted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        var notified = await workshops.CancelAsync(workshop.Id, User.Identity!.Name!, ct);
        // The service decided under the lock; the page only picks the words for a refusal.
        TempData["OrganiserNotice"] = notified is { } n ? l["Työpaja peruttiin. Peruutusviesti lähtee {0} ilmoittautuneelle.", n].Value
            : workshop.Status == WorkshopStatus.Cancelled ? l["Työpaja oli jo peruttu."].Value
            : l["Työpaja on jo pidetty, joten sitä ei voi perua: osallistujien saapumiset ja palautteet jäävät raportteihin."].Value;
        return RedirectToPage("Attendees", new { slug = workshop.Slug });
    }
}
