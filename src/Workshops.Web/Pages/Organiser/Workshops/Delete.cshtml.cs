using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Deleting a draft asks first (GET) and acts only on the POST, which names the workshop by id: a copy made later may
/// take the deleted draft's slug, and a stale second post must not delete it.
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class DeleteModel(
    WorkshopsDbContext db, WorkshopService workshops, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public int Questions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Questions = await db.WorkshopQuestions.CountAsync(q => q.WorkshopId == Workshop.Id, ct);

    [Needs(Capability.ManageWorkshop, WorkshopArgument = "id")]
    [SkipWorkshopLookup]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        TempData.SetNotice(await workshops.DeleteDraftAsync(id, organiser.Email, ct) switch
        {
            DraftDeletion.Deleted => l["Luonnos poistettiin."].Value,
            DraftDeletion.Published => l["Julkaistua työpajaa ei voi poistaa. Peru se sen sijaan."].Value,
            DraftDeletion.InUse => l["Luonnosta ei poistettu: siihen on jo ilmoittautumisia, ehdotuksia, palautetta tai viestejä."].Value,
            _ => l["Luonnos oli jo poistettu."].Value,
        });
        return RedirectToPage("/Organiser/Index");
    }
}
