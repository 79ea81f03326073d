using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Exports;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The ideas wall's moderation list: approve, hide, merge a duplicate into another, mark taken forward; each through
/// <see cref="OutcomeService"/> (one audited write). Downloads as CSV and .xlsx (audited).
/// </summary>
public sealed class ProposalsModel(WorkshopsDbContext db, OutcomeService outcomes, AuditLog audit, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public List<Proposal> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public Task<IActionResult> OnGetCsvAsync(string slug, CancellationToken ct) =>
        ExportAsync(slug, "csv", table => Task.FromResult(ExcelCsv.Write(table)), ExcelCsv.ContentType, ct);

    public Task<IActionResult> OnGetXlsxAsync(string slug, CancellationToken ct) =>
        ExportAsync(slug, "xlsx", table => Xlsx.WriteAsync(table, ct), Xlsx.ContentType, ct);

    public Task<IActionResult> OnPostApproveAsync(string slug, int id, CancellationToken ct) =>
        ModerateAsync(slug, id, (w, actor) => outcomes.ApproveAsync(w, id, actor, ct), ct);

    public Task<IActionResult> OnPostHideAsync(string slug, int id, CancellationToken ct) =>
        ModerateAsync(slug, id, (w, actor) => outcomes.HideAsync(w, id, actor, ct), ct);

    public Task<IActionResult> OnPostForwardAsync(string slug, int id, bool forward, CancellationToken ct) =>
        ModerateAsync(slug, id, (w, actor) => outcomes.SetTakenForwardAsync(w, id, forward, actor, ct), ct);

    public Task<IActionResult> OnPostMergeAsync(string slug, int id, int into, CancellationToken ct) =>
        ModerateAsync(slug, id, (w, actor) => outcomes.MergeAsync(w, id, into, actor, ct), ct);

    private async Task<IActionResult> ModerateAsync(string slug, int id, Func<Guid, string, Task<ModerationOutcome>> action, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        var outcome = await action(workshop.Id, User.Identity!.Name!);
        if (outcome == ModerationOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = (outcome == ModerationOutcome.Done
            ? l["Ehdotus {0} päivitettiin.", id]
            : l["Ehdotus {0} oli jo tässä tilassa, tai muutos ei ole mahdollinen sen tilassa.", id]).Value;
        return RedirectToPage(null, null, new { slug }, $"p-{id}");
    }

    private async Task<IActionResult> ExportAsync(string slug, string format, Func<ExportTable, Task<byte[]>> write, string contentType, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var bytes = await write(ProposalList.ToTable(Workshop, Rows, l));
        await audit.WriteAsync(User.Identity!.Name!, AuditAction.Exported, Workshop.Id, AuditDetail.Of(AuditDetailKind.ProposalsExported, format, Rows.Count), ct);
        // Names may be in it: keep it out of shared caches and the browser's cache.
        Response.Headers.CacheControl = "no-store";
        return File(bytes, contentType, $"{Workshop.Slug}-proposals.{format}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return false;
        }

        Workshop = workshop;
        Rows = await db.Proposals.AsNoTracking().Where(p => p.WorkshopId == workshop.Id).OrderBy(p => p.Id).ToListAsync(ct);
        return true;
    }
}
