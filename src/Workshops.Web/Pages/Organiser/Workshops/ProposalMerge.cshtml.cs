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
/// Merging one duplicate into another proposal: the target is found by a search (a number or words of its text, at most
/// <see cref="MaxMatches"/> shown) rather than listed for every row, so the moderation list stays small however many
/// proposals there are. The chosen target is checked in the write (<see cref="IdeasWallService.MergeAsync"/>); a target
/// that is not one of the workshop's, is merged itself or is the duplicate gets its message at the field.
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class ProposalMergeModel(
    WorkshopsDbContext db, IdeasWallService ideasWall, CurrentWorkshop current, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    /// <summary>The most matches a search shows.</summary>
    public const int MaxMatches = 20;

    public Workshop Workshop => current.Workshop;
    public Proposal Duplicate { get; private set; } = null!;

    /// <summary>The search typed (a number or words); empty before the first search.</summary>
    public string Search { get; private set; } = "";
    public List<Proposal> Matches { get; private set; } = [];

    [BindProperty]
    public MergeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string? q, CancellationToken ct) =>
        await LoadAsync(id, q, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? q, CancellationToken ct)
    {
        if (!await LoadAsync(id, q, ct))
        {
            return NotFound();
        }

        if (Input.Into is not { } into)
        {
            ModelState.AddModelError(Field, l["Valitse ehdotus, johon tämä yhdistetään."]);
            return Page();
        }

        switch (await ideasWall.MergeAsync(Workshop.Id, id, into, organiser.Email, ct))
        {
            case ModerationOutcome.Done:
                TempData.SetNotice(l["Ehdotus {0} yhdistettiin ehdotukseen {1}.", id, into].Value);
                return RedirectToPage("Proposals", null, new { slug = Workshop.Slug, at = into }, $"p-{into}");
            case ModerationOutcome.NotFound when await db.Proposals.AnyAsync(p => p.Id == id && p.WorkshopId == Workshop.Id, ct):
                ModelState.AddModelError(Field, l["Tämän työpajan ehdotuksissa ei ole numeroa {0}.", into]);
                return Page();
            case ModerationOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(Field, l["Ehdotusta {0} ei voi yhdistää ehdotukseen {1}: jompikumpi on jo yhdistetty, tai ne ovat sama ehdotus.", id, into]);
                return Page();
        }
    }

    private const string Field = "Input.Into";

    private async Task<bool> LoadAsync(int id, string? q, CancellationToken ct)
    {
        if (await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.WorkshopId == Workshop.Id, ct) is not { } duplicate)
        {
            return false;
        }

        (Duplicate, Search) = (duplicate, (q ?? "").Trim());
        if (Search.Length > 0)
        {
            Matches = await db.Proposals.AsNoTracking().MergeCandidates(Workshop.Id, id, Search).Take(MaxMatches).ToListAsync(ct);
        }

        return true;
    }
}

/// <summary>The merge form: the number of the proposal to merge into (a radio button of the search's matches).</summary>
public sealed class MergeInput
{
    public int? Into { get; set; }
}
