using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Exports;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The ideas wall's moderation list, a page of <see cref="ProposalList.PageSize"/> at a time, filtered by state: approve,
/// hide, mark taken forward (one form per row), approve or hide the ticked ones at once (one form, one write), delete
/// the ticked ones for good (<see cref="ProposalsDeleteModel"/>, a confirmation first), merge a duplicate
/// (<see cref="ProposalMergeModel"/>, a search instead of a list of every proposal); each through
/// <see cref="IdeasWallService"/> (audited). Downloads every proposal as CSV and .xlsx (audited).
/// </summary>
[Needs(Capability.ViewPersonalData)]
public sealed class ProposalsModel(
    WorkshopsDbContext db, IdeasWallService ideasWall, AuditLog audit, CurrentWorkshop current, CurrentOrganiser organiser,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public List<Proposal> Rows { get; private set; } = [];

    /// <summary>The filter shown (null = every proposal).</summary>
    public ProposalState? State { get; private set; }

    /// <summary>The page shown, 1-based.</summary>
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    /// <summary>Proposals per state, for the filter links.</summary>
    public IReadOnlyDictionary<ProposalState, int> Counts { get; private set; } = new Dictionary<ProposalState, int>();

    /// <summary>The rows' boxes are ticked ("select all on this page", a link, so it works without script).</summary>
    public bool SelectAll { get; private set; }

    public int Total => Counts.Values.Sum();

    /// <summary>The moderation list: <paramref name="at"/> (a proposal's number) opens every proposal's page that holds it.</summary>
    public async Task OnGetAsync(ProposalState? state, int pageNumber = 1, int? at = null, bool all = false, CancellationToken ct = default)
    {
        State = at is null ? state : null;
        Counts = await db.Proposals.AsNoTracking().CountsByStateAsync(Workshop.Id, ct);
        var shown = State is { } s ? Counts.GetValueOrDefault(s) : Total;
        PageCount = Math.Max(1, (shown + ProposalList.PageSize - 1) / ProposalList.PageSize);
        PageNumber = at is { } id
            ? 1 + (await db.Proposals.CountAsync(p => p.WorkshopId == Workshop.Id && p.Id < id, ct) / ProposalList.PageSize)
            : Math.Clamp(pageNumber, 1, PageCount);
        Rows = await db.Proposals.AsNoTracking().ForModeration(Workshop.Id, State)
            .Skip((PageNumber - 1) * ProposalList.PageSize).Take(ProposalList.PageSize).ToListAsync(ct);
        SelectAll = all;
    }

    [Needs(Capability.Export)]
    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => ExportAsync("csv", ct);

    [Needs(Capability.Export)]
    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => ExportAsync("xlsx", ct);

    [Needs(Capability.ManageWorkshop)]
    public Task<IActionResult> OnPostApproveAsync(int id, ProposalState? state, int pageNumber, CancellationToken ct) =>
        ModerateAsync(id, state, pageNumber, (w, actor) => ideasWall.ApproveAsync(w, id, actor, ct));

    [Needs(Capability.ManageWorkshop)]
    public Task<IActionResult> OnPostHideAsync(int id, ProposalState? state, int pageNumber, CancellationToken ct) =>
        ModerateAsync(id, state, pageNumber, (w, actor) => ideasWall.HideAsync(w, id, actor, ct));

    [Needs(Capability.ManageWorkshop)]
    public Task<IActionResult> OnPostForwardAsync(int id, bool forward, ProposalState? state, int pageNumber, CancellationToken ct) =>
        ModerateAsync(id, state, pageNumber, (w, actor) => ideasWall.SetTakenForwardAsync(w, id, forward, actor, ct));

    /// <summary>Approves or hides the ticked proposals in one write (deleting goes through its confirmation page).</summary>
    [Needs(Capability.ManageWorkshop)]
    public async Task<IActionResult> OnPostBulkAsync(int[] ids, BulkModeration? action, ProposalState? state, int pageNumber, CancellationToken ct)
    {
        if (ids.Length == 0 || ids.Length > IdeasWallService.MaxBulk || action is not (BulkModeration.Approve or BulkModeration.Hide))
        {
            TempData.SetNotice(l["Valitse ensin ehdotukset (enintään {0} kerrallaan).", IdeasWallService.MaxBulk].Value);
            return RedirectToPage(null, null, new { slug = Workshop.Slug, state, pageNumber }, null);
        }

        var outcome = await ideasWall.ModerateManyAsync(Workshop.Id, ids, action.Value, organiser.Email, ct);
        TempData.SetNotice((action == BulkModeration.Approve
            ? l["Hyväksyttiin {0} ehdotusta; {1} oli jo hyväksytty tai yhdistetty.", outcome.Changed, outcome.Unchanged]
            : l["Piilotettiin {0} ehdotusta; {1} oli jo piilotettu tai yhdistetty.", outcome.Changed, outcome.Unchanged]).Value);
        return RedirectToPage(null, null, new { slug = Workshop.Slug, state, pageNumber }, null);
    }

    private async Task<IActionResult> ModerateAsync(int id, ProposalState? state, int pageNumber, Func<Guid, string, Task<ModerationOutcome>> action)
    {
        var outcome = await action(Workshop.Id, organiser.Email);
        if (outcome == ModerationOutcome.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice((outcome == ModerationOutcome.Done
            ? l["Ehdotus {0} päivitettiin.", id]
            : l["Ehdotus {0} oli jo tässä tilassa, tai muutos ei ole mahdollinen sen tilassa.", id]).Value);
        return RedirectToPage(null, null, new { slug = Workshop.Slug, state, pageNumber }, $"p-{id}");
    }

    /// <summary>Every proposal of the workshop, streamed from the database while the file is written (audited first).</summary>
    private async Task<IActionResult> ExportAsync(string format, CancellationToken ct)
    {
        var proposals = db.Proposals.AsNoTracking().ForModeration(Workshop.Id, null);
        await audit.WriteAsync(organiser.Email, AuditAction.Exported, Workshop.Id, AuditDetail.Of(AuditDetailKind.ProposalsExported, format, await proposals.CountAsync(ct)), ct);
        // Names may be in it: ExportDownload keeps it out of shared caches and the browser's cache.
        return ExportDownload.Of(ProposalList.ToTable(Workshop, proposals.AsAsyncEnumerable(), l), format, $"{Workshop.Slug}-proposals.{format}");
    }
}
