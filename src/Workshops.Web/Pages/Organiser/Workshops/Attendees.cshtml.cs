using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Exports;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>One workshop's people: filter, search, sort, export (audited), cancel or erase one person.</summary>
public sealed class AttendeesModel(
    WorkshopsDbContext db,
    OrganiserService organiser,
    AuditLog audit,
    IOptions<PrivacyOptions> privacy,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    /// <summary>The first day the retention purge erases this workshop's registrants.</summary>
    public DateOnly PurgeDate => RetentionPurge.PurgeDate(Workshop.Date, privacy.Value.RetentionDays);

    public Workshop Workshop { get; private set; } = null!;
    public WorkshopCounts Counts { get; private set; } = WorkshopCounts.None;
    public List<Registration> Rows { get; private set; } = [];

    /// <summary>Every question the workshop has had (archived ones last): one column each.</summary>
    public IReadOnlyList<WorkshopQuestion> Questions { get; private set; } = [];
    public AttendeeFilter Filter { get; private set; } = AttendeeFilter.From(null, null, null);

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public Task<IActionResult> OnGetCsvAsync(string slug, CancellationToken ct) =>
        ExportAsync(slug, "csv", table => Task.FromResult(ExcelCsv.Write(table)), ExcelCsv.ContentType, ct);

    public Task<IActionResult> OnGetXlsxAsync(string slug, CancellationToken ct) =>
        ExportAsync(slug, "xlsx", table => Xlsx.WriteAsync(table, ct), Xlsx.ContentType, ct);

    public async Task<IActionResult> OnPostCancelAsync(string slug, int id, CancellationToken ct)
    {
        var outcome = await db.WorkshopBySlugAsync(slug, ct) is { } workshop
            ? await organiser.CancelRegistrationAsync(workshop.Id, id, User.Identity!.Name!, ct)
            : CancelOutcome.NotFound;
        if (outcome == CancelOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = (outcome == CancelOutcome.Cancelled
            ? l["Ilmoittautuminen peruttiin. Henkilölle lähti vahvistus, ja vapautunut paikka annettiin jonossa seuraavalle."]
            : l["Ilmoittautuminen oli jo peruttu."]).Value;
        return RedirectToPage(new { slug, status = Status, q = Query, sort = Sort });
    }

    public async Task<IActionResult> OnPostEraseAsync(string slug, int id, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop
            || !await organiser.EraseAsync(workshop.Id, id, User.Identity!.Name!, ct))
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = l["Henkilötiedot poistettiin. Rivi jää nimettömänä määriin."].Value;
        return RedirectToPage(new { slug, status = Status, q = Query, sort = Sort });
    }

    public async Task<IActionResult> OnPostCopyAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop
            || await organiser.CopyWorkshopAsync(workshop.Id, User.Identity!.Name!, ct) is not { } copy)
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = l["Työpaja kopioitiin osoitteeseen {0}. Ilmoittautuminen on suljettu: tarkista päivä, aika ja paikka, tallenna, ja avaa sitten ilmoittautuminen työpajalistasta.", copy.Slug].Value;
        return RedirectToPage("Edit", new { slug = copy.Slug });
    }

    private async Task<IActionResult> ExportAsync(string slug, string format, Func<ExportTable, Task<byte[]>> write, string contentType, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var bytes = await write(AttendeeList.ToTable(Workshop, Rows, l, Questions));
        await audit.WriteAsync(User.Identity!.Name!, AuditAction.Exported, Workshop.Id, AuditDetail.Of(AuditDetailKind.AttendeesExported, format, Rows.Count, Filter.Describe()), ct);
        // Personal data: keep it out of shared caches and the browser's cache.
        Response.Headers.CacheControl = "no-store";
        return File(bytes, contentType, $"{Workshop.Slug}-{Filter.Status}.{format}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return false;
        }

        Workshop = workshop;
        Filter = AttendeeFilter.From(Status, Query, Sort);
        Rows = await AttendeeList.LoadAsync(db, workshop.Id, Filter, ct);
        Questions = await db.AllQuestionsAsync(workshop.Id, ct);
        Counts = (await db.WorkshopCountsAsync(ct)).GetValueOrDefault(workshop.Id, WorkshopCounts.None);
        return true;
    }
}
