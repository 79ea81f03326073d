using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Exports;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>Participation for the funder: tables, bar charts and a CSV, for all workshops or one.</summary>
[Needs(Capability.ViewReports)]
public sealed class ReportModel(
    WorkshopsDbContext db, AuditLog audit, CurrentOrganiser organiser, CurrentMember member, IStringLocalizer<OrganiserResource> l, TimeProvider time) : PageModel
{
    /// <summary>
    /// Whether the report by organisation is shown: an organisation can name its person (a one-person company), so only to
    /// a member who may see the people of every workshop in the scope; figures by group stay for everyone.
    /// </summary>
    public bool OrganisationsShown { get; private set; }

    public ParticipationReport Report { get; private set; } = null!;
    public IReadOnlyList<Workshop> AllWorkshops { get; private set; } = [];
    public Workshop? Selected { get; private set; }

    /// <summary>For one chosen workshop: its choice and yes/no questions, counted over active registrations.</summary>
    public IReadOnlyList<AnswerTally> Tallies { get; private set; } = [];

    [FromQuery(Name = "workshop")]
    public string? WorkshopSlug { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await audit.WriteAsync(organiser.Email, AuditAction.Exported, Selected?.Id, Selected is null ? AuditDetail.Of(AuditDetailKind.ReportOfAllExported) : AuditDetail.Of(AuditDetailKind.ReportExported, Selected.Slug), ct);
        return ExportDownload.Of(ToTable(), "csv", $"osallistujaraportti-{Selected?.Slug ?? "kaikki"}.csv");
    }

    public string GroupLabel(string group) => l[Labels.Group(Enum.Parse<HelixGroup>(group))];

    /// <summary>One flat table: the per-workshop lines, then the groups, then the organisations of the chosen scope.</summary>
    private ExportTable ToTable()
    {
        var scope = Selected?.Title.Fi ?? l["Kaikki työpajat"];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var w in Report.Workshops.Where(w => Selected is null || w.Workshop.Id == Selected.Id))
        {
            rows.Add([l["Työpaja"].Value, w.Workshop.Title.Fi, l[OrganiserFormat.Stage(WorkshopLifecycle.At(w.Workshop, time))].Value, w.Registered, w.Confirmed, w.Waitlisted, w.Cancelled, w.Attended, w.Workshop.HeadCount,
                w.OpenOffers, w.OverCapacity, w.InGroups]);
        }

        foreach (var g in Report.ByGroup)
        {
            rows.Add([l["Ryhmä"].Value, scope, GroupLabel(g.Label), g.Registered, null, null, null, g.Attended, null, null, null, null]);
        }

        foreach (var o in OrganisationsShown ? Report.ByOrganisation : [])
        {
            rows.Add([l["Organisaatio"].Value, scope, o.Label, o.Registered, null, null, null, o.Attended, null, null, null, null]);
        }

        rows.Add([l["Yhteensä"].Value, scope, "", Report.Total.Registered, null, null, null, Report.Total.Attended, null, null, null, null]);
        string[] headers = ["Näkökulma", "Työpaja", "Ryhmä, organisaatio tai tila", "Ilmoittautuneet", "Vahvistettu", "Jonossa", "Peruttu", "Osallistuneet", "Kävijämäärä",
            "Jonossa, paikkatarjous auki", "Vahvistettu ylipaikalle", "Ilmoitettu ryhmänä"];
        return new ExportTable("raportti", headers.Select(h => l[h].Value).ToList(), rows.ToAsyncEnumerable());
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        AllWorkshops = await db.ProgrammeAsync(ct);
        if (!string.IsNullOrEmpty(WorkshopSlug))
        {
            Selected = AllWorkshops.SingleOrDefault(w => w.Slug == WorkshopSlug);
            if (Selected is null)
            {
                return false;
            }
        }

        var facts = await db.Registrations.AsNoTracking()
            .Select(r => new RegistrationFact(r.WorkshopId, r.Status, r.Group, r.Organisation, r.CheckedInAtUtc != null, r.ErasedAtUtc != null, r.FeedbackRequestedAtUtc != null,
                db.SeatOffers.Any(o => o.RegistrationId == r.Id && o.State == OfferState.Open),
                r.GroupContactId != null || db.Registrations.Any(m => m.GroupContactId == r.Id),
                r.OverCapacity))
            .ToListAsync(ct);
        // Drafts (unpublished copies) stay selectable but out of the totals: they have not been held.
        var inScope = AllWorkshops.Where(w => !w.IsDraft || w == Selected).ToList();
        Report = ParticipationReport.Build(inScope, facts, Selected?.Id);
        var membership = await member.OfAsync(User, ct);
        OrganisationsShown = membership is not null
            && (Selected is { } one ? [one] : inScope).All(w => membership.May(Capability.ViewPersonalData, w.Id));
        if (Selected is not null)
        {
            var answers = await db.RegistrationAnswers.AsNoTracking()
                .Where(a => db.Registrations.Any(r => r.Id == a.RegistrationId && r.WorkshopId == Selected.Id && r.Status != RegistrationStatus.Cancelled))
                .ToListAsync(ct);
            Tallies = AnswerTally.Build(await db.AllQuestionsAsync(Selected.Id, ct), answers);
        }

        return true;
    }
}
