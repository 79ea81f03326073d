using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Cancelling a workshop asks first (GET) and acts only on the POST; everyone registered is told, with the organiser's
/// reason when one is written (fi, optional sv/en; issue 25). A reason is previewed first (<see cref="WordsInput"/>):
/// the first submit shows it as the emails will, the second cancels. Without a reason, one submit cancels.
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class CancelModel(
    WorkshopsDbContext db, WorkshopService workshops, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public int Registered { get; private set; }

    [BindProperty]
    public WordsInput Reason { get; set; } = new();

    /// <summary>After the first submit of a reason: the preview shows, and the next submit cancels.</summary>
    public bool Previewing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await CountAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Reason.LacksFinnish)
        {
            ModelState.AddModelError("Reason.Fi", l["Kirjoita myös suomenkielinen teksti: se näytetään, kun kieliversio puuttuu."]);
        }

        if (!ModelState.IsValid || Reason.NeedsPreview(new LocalizedText()))
        {
            await CountAsync(ct);
            if (ModelState.IsValid)
            {
                ModelState.Remove("Reason.Stamp");
                (Previewing, Reason.Stamp) = (true, Reason.CurrentStamp());
            }

            return Page();
        }

        var notified = await workshops.CancelAsync(Workshop.Id, organiser.Email, Reason.ToText(), ct);
        // The service decided under the lock; the page only picks the words for a refusal.
        TempData.SetNotice(notified is { } n ? l["Työpaja peruttiin. Peruutusviesti lähtee {0} ilmoittautuneelle.", n].Value
            : Workshop.Status == WorkshopStatus.Cancelled ? l["Työpaja oli jo peruttu."].Value
            : l["Työpaja on jo pidetty, joten sitä ei voi perua: osallistujien saapumiset ja palautteet jäävät raportteihin."].Value);
        return RedirectToPage("Attendees", new { slug = Workshop.Slug });
    }

    private async Task CountAsync(CancellationToken ct)
    {
        var counts = (await db.WorkshopCountsAsync(ct)).GetValueOrDefault(Workshop.Id, WorkshopCounts.None);
        Registered = counts.Confirmed + counts.Waitlisted;
    }
}
