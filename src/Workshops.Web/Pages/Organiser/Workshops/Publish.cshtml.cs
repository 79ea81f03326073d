using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Publishing a draft asks first (GET: what the public will see, and that it cannot be undone) and acts only on the POST,
/// which names the workshop by id, as deleting a draft does. No script needed.
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class PublishModel(
    WorkshopService workshops, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    public void OnGet()
    {
    }

    [SkipWorkshopLookup]
    [Needs(Capability.ManageWorkshop, WorkshopArgument = "id")]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await workshops.PublishAsync(id, organiser.Email, ct);
        if (outcome == PublishOutcome.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice(outcome == PublishOutcome.CancelledDraft
            ? l["Peruttua luonnosta ei voi julkaista. Kopioi työpaja uudelleen."].Value
            : l["Työpaja julkaistiin: se näkyy nyt ohjelmassa, kalentereissa ja omassa osoitteessaan."].Value);
        return RedirectToPage("/Organiser/Index");
    }
}
