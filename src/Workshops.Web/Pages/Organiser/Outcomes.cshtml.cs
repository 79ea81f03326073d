using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Exports;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// Comparing the methods: per workshop and per format, participation and feedback on the method side by side, the
/// written answers (no names), SVG charts, and everything as CSV or .xlsx (audited).
/// </summary>
[Needs(Capability.ViewReports)]
public sealed class OutcomesModel(WorkshopsDbContext db, AuditLog audit, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public MethodComparison Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => ExportAsync("csv", ct);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => ExportAsync("xlsx", ct);

    /// <summary>A mean with two decimals in the page's language ("4,33" in Finnish), or a dash.</summary>
    public static string Mean(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) : "–";

    /// <summary>A share as a whole percentage ("67 %"), or a dash when no one was asked.</summary>
    public static string Percent(double? share) => share is { } s ? Math.Round(s * 100).ToString("0", CultureInfo.CurrentCulture) + " %" : "–";

    /// <summary>The line's label: the workshop's title in the page's language, or the format's name.</summary>
    public string LabelOf(MethodLine line) => line switch
    {
        { Workshop: { } w, Mode: { } mode } => $"{w.Title.For(Cultures.Current)} – {l[Labels.Mode(mode)]}",
        { Workshop: { } w } => w.Title.For(Cultures.Current),
        _ => l[Labels.Format(line.Format)],
    };

    /// <summary>
    /// The number of proposals per workshop, for the "proposals" column: every proposal left on the ideas wall except the
    /// duplicates merged into another (one idea counts once; hidden ones count, as people did leave them).
    /// </summary>
    private async Task<IReadOnlyDictionary<Guid, int>?> ProposalCountsAsync(CancellationToken ct) =>
        await db.Proposals.AsNoTracking()
            .Where(p => p.State != ProposalState.Merged)
            .GroupBy(p => p.WorkshopId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var workshops = await db.PublicProgrammeAsync(ct); // a draft (an unpublished copy) has held nothing to compare yet
        var registrations = await db.Registrations.AsNoTracking()
            .Select(r => new RegistrationFact(r.WorkshopId, r.Status, r.Group, null, r.CheckedInAtUtc != null, r.ErasedAtUtc != null, r.FeedbackRequestedAtUtc != null,
                false, false, false, r.Mode))
            .ToListAsync(ct);
        var answers = await db.FeedbackAnswers.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new FeedbackFact(a.Id, a.WorkshopId, a.Source, a.OverallRating, a.MethodRating, a.WouldComeAgain, a.WhatWorked, a.WhatToImprove,
                db.Registrations.Where(r => r.Id == a.RegistrationId).Select(r => (AttendanceMode?)r.Mode).FirstOrDefault()))
            .ToListAsync(ct);
        Report = MethodComparison.Build(workshops, registrations, answers, await ProposalCountsAsync(ct));
    }

    /// <summary>The comparison is a few lines per workshop and format plus the written answers, built in memory; the file is streamed.</summary>
    private async Task<IActionResult> ExportAsync(string format, CancellationToken ct)
    {
        await LoadAsync(ct);
        await audit.WriteAsync(organiser.Email, AuditAction.Exported, null, AuditDetail.Of(AuditDetailKind.OutcomesExported, format, Report.Answers.Count), ct);
        return ExportDownload.Of(OutcomesTable.Build(Report, l), format, $"menetelmien-vertailu.{format}");
    }
}
