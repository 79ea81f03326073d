using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Funder;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Exports;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// The funder's figures for a period (issue 26): participants per participant activity and helix group, organisations
/// per type, open events' head counts apart; on screen, as CSV and as .xlsx. Figures only, no names: a viewer may see and
/// download them (<see cref="Capability.ViewReports"/>, "figures without personal data").
/// </summary>
[Needs(Capability.ViewReports)]
public sealed class FunderModel(WorkshopsDbContext db, AuditLog audit, CurrentOrganiser organiser, IStringLocalizer<OrganiserResource> l, TimeProvider time) : PageModel
{
    /// <summary>The first workshop day of the period (Helsinki date); default the first of January this year.</summary>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    /// <summary>The last workshop day of the period (Helsinki date, included); default the last of December this year.</summary>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    /// <summary>Null while the period is invalid (its message is next to the field).</summary>
    public FunderFigures? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Figures = await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => ExportAsync("csv", ct);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => ExportAsync("xlsx", ct);

    public string GroupLabel(HelixGroup group) => l[Labels.Group(group)];

    public string TypeLabel(OrganisationType? type) => type is { } t ? l[Labels.OrganisationType(t)] : l["Tyyppi ei tiedossa"];

    private async Task<IActionResult> ExportAsync(string format, CancellationToken ct)
    {
        Figures = await LoadAsync(ct);
        if (Figures is null)
        {
            return Page();
        }

        var (from, to) = (Figures.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Figures.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await audit.WriteAsync(organiser.Email, AuditAction.Exported, null, AuditDetail.Of(AuditDetailKind.FunderExported, format, from, to), ct);
        return ExportDownload.Of(ToTable(Figures), format, $"rahoittajan-luvut-{from}-{to}.{format}");
    }

    /// <summary>One long table (section, workshop, day, item, count): easy to filter and pivot in a spreadsheet.</summary>
    private ExportTable ToTable(FunderFigures figures)
    {
        var rows = new List<IReadOnlyList<object?>>();
        var participants = l["Osallistujat"].Value;
        foreach (var a in figures.Activities)
        {
            var day = a.Workshop.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.AddRange(a.ParticipantsByGroup.Select(g => (IReadOnlyList<object?>)[participants, a.Workshop.Title.Fi, day, GroupLabel(g.Key), g.Value]));
            rows.Add([participants, a.Workshop.Title.Fi, day, l["Yhteensä"].Value, a.Participants]);
        }

        var organisations = l["Organisaatiot tyypeittäin"].Value;
        rows.AddRange(figures.OrganisationsByType.Select(o => (IReadOnlyList<object?>)[organisations, null, null, TypeLabel(o.Type), o.Organisations]));
        var open = l["Avoin tilaisuus"].Value;
        foreach (var e in figures.OpenEvents)
        {
            var day = e.Workshop.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Add([open, e.Workshop.Title.Fi, day, l["Saapuneiksi merkityt ilmoittautuneet"].Value, e.AttendedRegistrants]);
            rows.Add([open, e.Workshop.Title.Fi, day, l["Itsensä mukaan laskeneet kävijät"].Value, e.VisitorsCountedIn]);
            rows.Add([open, e.Workshop.Title.Fi, day, l["Ovella tallennettu kokonaismäärä"].Value, e.RecordedTotal]);
            rows.Add([open, e.Workshop.Title.Fi, day, l["Kävijämäärä"].Value, e.HeadCount]);
        }

        string[] headers = ["Osio", "Työpaja", "Päivä", "Erittely", "Lukumäärä"];
        return new ExportTable("rahoittaja", headers.Select(h => l[h].Value).ToList(), rows.ToAsyncEnumerable());
    }

    /// <summary>The figures of the chosen period, or null (with a message next to the field) when it ends before it starts.</summary>
    private async Task<FunderFigures?> LoadAsync(CancellationToken ct)
    {
        // A value that is not a date fails binding with the framework's English message: ours, in the reader's language.
        foreach (var field in new[] { nameof(From), nameof(To) }.Where(f => ModelState[f]?.Errors.Count > 0))
        {
            ModelState[field]!.Errors.Clear();
            ModelState.AddModelError(field, l["Anna päivämäärä muodossa vvvv-kk-pp."]);
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var year = HelsinkiTime.Now(time).Year;
        From ??= new DateOnly(year, 1, 1);
        To ??= new DateOnly(year, 12, 31);
        if (To < From)
        {
            ModelState.AddModelError(nameof(To), l["Kauden loppupäivä ei voi olla ennen alkupäivää."]);
        }

        return ModelState.IsValid ? await FunderFigures.ReadAsync(db, From.Value, To.Value, ct) : null;
    }
}
