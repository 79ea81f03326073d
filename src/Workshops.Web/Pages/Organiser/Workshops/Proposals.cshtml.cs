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
public sealed class ProposalsModel(
    WorkshopsDbContext db, IdeasWallService ideasWall, AuditLog audit, CurrentWorkshop current, CurrentOrganiser organiser,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;
    public List<Proposal> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await Of(Workshop.Id).ToListAsync(ct);

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => ExportAsync("csv", ct);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => ExportAsync("xlsx", ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        ModerateAsync(id, (w, actor) => ideasWall.ApproveAsync(w, id, actor, ct));

    public Task<IActionResult> OnPostHideAsync(int id, CancellationToken ct) =>
        ModerateAsync(id, (w, actor) => ideasWall.HideAsync(w, id, actor, ct));

    public Task<IActionResult> OnPostForwardAsync(int id, bool forward, CancellationToken ct) =>
        ModerateAsync(id, (w, actor) => ideasWall.SetTakenForwardAsync(w, id, forward, actor, ct));

    public Task<IActionResult> OnPostMergeAsync(int id, int into, CancellationToken ct) =>
        ModerateAsync(id, (w, actor) => ideasWall.MergeAsync(w, id, into, actor, ct));

    private async Task<IActionResult> ModerateAsync(int id, Func<Guid, string, Task<ModerationOutcome>> action)
    {
        var outcome = await action(Workshop.Id, organiser.Email);
        if (outcome == ModerationOutcome.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice((outcome == ModerationOutcome.Done
            ? l["Ehdotus {0} päivitettiin.", id]
            : l["Ehdotus {0} oli jo tässä tilassa, tai muutos ei ole mahdollinen sen tilassa.", id]).Value);
        return RedirectToPage(null, null, new { slug = Workshop.Slug }, $"p-{id}");
    }

    /// <summary>Every proposal of the workshop, streamed from the database while the file is written (audited first).</summary>
    private async Task<IActionResult> ExportAsync(string format, CancellationToken ct)
    {
        var proposals = Of(Workshop.Id);
        await audit.WriteAsync(organiser.Email, AuditAction.Exported, Workshop.Id, AuditDetail.Of(AuditDetailKind.ProposalsExported, format, await proposals.CountAsync(ct)), ct);
        // Names may be in it: ExportDownload keeps it out of shared caches and the browser's cache.
        return ExportDownload.Of(ProposalList.ToTable(Workshop, proposals.AsAsyncEnumerable(), l), format, $"{Workshop.Slug}-proposals.{format}");
    }

    private IQueryable<Proposal> Of(Guid workshopId) => db.Proposals.AsNoTracking().Where(p => p.WorkshopId == workshopId).OrderBy(p => p.Id);
}
