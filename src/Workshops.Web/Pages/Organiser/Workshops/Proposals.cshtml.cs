using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Exports;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The ideas wall's moderation list: approve, hide, merge a duplicate into another, mark taken forward; each through
/// <see cref="IdeasWallService"/> (one audited write). Downloads as CSV and .xlsx (audited).
/// </summary>
public sealed class ProposalsModel(WorkshopsDbContext db, IdeasWallService ideasWall, AuditLog audit, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public List<Proposal> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public Task<IActionResult> OnGetCsvAsync(string slug, CancellationToken ct) => ExportAsync(slug, "csv", ct);

    public Task<IActionResult> OnGetXlsxAsync(string slug, CancellationToken ct) => ExportAsync(slug, "xlsx", ct);

    public Task<IActionResult> OnPostApproveAsync(string slug, int id, CancellationToken ct) =>
        ModerateAsync(slug, id, (w, actor) => ideasWall.ApproveAsync(w, id, actor, ct), ct);

    public Task<IActionResult> OnPostHideAsync(string slug, int id, CancellationToken ct) =>
        ModerateAsync(slug, id, (w, actor) => ideasWall.HideAsync(w, id, actor, ct), ct);

    public Task<IActionResult> OnPostForwardAsync(string slug, int id, bool forward, CancellationToken ct) =>
        ModerateAsync(slug, id, (w, actor) => ideasWall.SetTakenForwardAsync(w, id, forward, actor, ct), ct);

    public Task<IActionResult> OnPostMergeAsync(string slug, int id, int into, CancellationToken ct) =>
        ModerateAsync(slug, id, (w, actor) => ideasWall.MergeAsync(w, id, into, actor, ct), ct);

    private async Task<IActionResult> ModerateAsync(string slug, int id, Func<Guid, string, Task<ModerationOutcome>> action, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        var outcome = await action(workshop.Id, organiser.Email);
        if (outcome == ModerationOutcome.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice((outcome == ModerationOutcome.Done
            ? l["Ehdotus {0} päivitettiin.", id]
            : l["Ehdotus {0} oli jo tässä tilassa, tai muutos ei ole mahdollinen sen tilassa.", id]).Value);
        return RedirectToPage(null, null, new { slug }, $"p-{id}");
    }

    /// <summary>Every proposal of the workshop, streamed from the database while the file is written (audited first).</summary>
    private async Task<IActionResult> ExportAsync(string slug, string format, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        var proposals = Of(workshop.Id);
        await audit.WriteAsync(organiser.Email, AuditAction.Exported, workshop.Id, AuditDetail.Of(AuditDetailKind.ProposalsExported, format, await proposals.CountAsync(ct)), ct);
        // Names may be in it: ExportDownload keeps it out of shared caches and the browser's cache.
        return ExportDownload.Of(ProposalList.ToTable(workshop, proposals.AsAsyncEnumerable(), l), format, $"{workshop.Slug}-proposals.{format}");
    }

    private IQueryable<Proposal> Of(Guid workshopId) => db.Proposals.AsNoTracking().Where(p => p.WorkshopId == workshopId).OrderBy(p => p.Id);

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return false;
        }

        Workshop = workshop;
        Rows = await Of(workshop.Id).ToListAsync(ct);
        return true;
    }
}
