using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// Deleting the proposals ticked on the moderation list for good (spam): the list's button posts here and gets this
/// confirmation, which changes nothing; its own button deletes them in one audited write
/// (<see cref="IdeasWallService.ModerateManyAsync"/>), keeping those taken forward or merged into.
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class ProposalsDeleteModel(
    WorkshopsDbContext db, IdeasWallService ideasWall, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    /// <summary>The ticked proposals of this workshop, oldest first.</summary>
    public List<Proposal> Selected { get; private set; } = [];

    /// <summary>Why some of them will stay (the rest are deleted).</summary>
    public Dictionary<int, ProposalKept> Kept { get; private set; } = [];

    /// <summary>Where the list was (back to the same filter and page).</summary>
    public ProposalState? State { get; private set; }
    public int PageNumber { get; private set; }

    public IActionResult OnGet() => RedirectToPage("Proposals", new { slug = Workshop.Slug });

    /// <summary>The list's "delete the ticked ones": shows them and asks.</summary>
    public async Task<IActionResult> OnPostAsync(int[] ids, ProposalState? state, int pageNumber, CancellationToken ct)
    {
        (State, PageNumber) = (state, pageNumber);
        if (ids.Length == 0 || ids.Length > IdeasWallService.MaxBulk)
        {
            return BackToList(l["Valitse ensin ehdotukset (enintään {0} kerrallaan).", IdeasWallService.MaxBulk]);
        }

        Selected = await db.Proposals.AsNoTracking().Where(p => p.WorkshopId == Workshop.Id && ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        var pointedAt = await db.Proposals.AsNoTracking()
            .Where(p => p.WorkshopId == Workshop.Id && p.MergedIntoId != null && ids.Contains(p.MergedIntoId.Value) && !ids.Contains(p.Id))
            .Select(p => p.MergedIntoId!.Value).Distinct().ToListAsync(ct);
        Kept = Selected.Where(p => p.WhyKept(pointedAt.Contains(p.Id)) is not null).ToDictionary(p => p.Id, p => p.WhyKept(pointedAt.Contains(p.Id))!.Value);
        return Selected.Count == 0 ? BackToList(l["Valitse ensin ehdotukset (enintään {0} kerrallaan).", IdeasWallService.MaxBulk]) : Page();
    }

    /// <summary>"Yes, delete for good": one write; the rules are checked again inside it.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(int[] ids, ProposalState? state, int pageNumber, CancellationToken ct)
    {
        (State, PageNumber) = (state, pageNumber);
        if (ids.Length == 0 || ids.Length > IdeasWallService.MaxBulk)
        {
            return BackToList(l["Valitse ensin ehdotukset (enintään {0} kerrallaan).", IdeasWallService.MaxBulk]);
        }

        var outcome = await ideasWall.ModerateManyAsync(Workshop.Id, ids, BulkModeration.Delete, organiser.Email, ct);
        return BackToList(outcome.Kept.Count == 0
            ? l["Poistettiin {0} ehdotusta pysyvästi.", outcome.Changed]
            : l["Poistettiin {0} ehdotusta pysyvästi. Näitä ei poistettu, koska ne on viety eteenpäin tai niihin on yhdistetty muita: {1}.", outcome.Changed, string.Join(", ", outcome.Kept)]);
    }

    private RedirectToPageResult BackToList(LocalizedString notice)
    {
        TempData.SetNotice(notice.Value);
        return RedirectToPage("Proposals", new { slug = Workshop.Slug, state = State, pageNumber = PageNumber });
    }
}
