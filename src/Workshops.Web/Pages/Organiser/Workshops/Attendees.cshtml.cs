using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Exports;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// One workshop's people: filter, search, sort, export (audited), cancel or erase one person; open seat offers with their
/// deadlines, withdrawn or extended here (audited).
/// </summary>
public sealed class AttendeesModel(
    WorkshopsDbContext db,
    RegistrationService registrations,
    OfferService offers,
    PersonalDataService personalData,
    WorkshopService workshops,
    AuditLog audit,
    IOptions<PrivacyOptions> privacy,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    /// <summary>The first day the retention purge erases this workshop's registrants.</summary>
    public DateOnly PurgeDate => RetentionPurge.PurgeDate(Workshop.Date, privacy.Value.RetentionDays);

    public Workshop Workshop { get; private set; } = null!;
    public WorkshopCounts Counts { get; private set; } = WorkshopCounts.None;
    public List<Registration> Rows { get; private set; } = [];

    /// <summary>Open offers and the groups' contacts, beside the rows.</summary>
    public AttendeeExtras Extras { get; private set; } = AttendeeExtras.None;

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

    public Task<IActionResult> OnGetCsvAsync(string slug, CancellationToken ct) => ExportAsync(slug, "csv", ct);

    public Task<IActionResult> OnGetXlsxAsync(string slug, CancellationToken ct) => ExportAsync(slug, "xlsx", ct);

    public async Task<IActionResult> OnPostCancelAsync(string slug, int id, CancellationToken ct)
    {
        var outcome = await db.WorkshopBySlugAsync(slug, ct) is { } workshop
            ? await registrations.CancelAsync(workshop.Id, id, User.Identity!.Name!, ct)
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

    /// <summary>Withdraws an open offer: the person's registration ends, they are told, and the seat goes to the next person.</summary>
    public async Task<IActionResult> OnPostWithdrawOfferAsync(string slug, int offer, CancellationToken ct)
    {
        var outcome = await db.WorkshopBySlugAsync(slug, ct) is { } workshop
            ? await offers.WithdrawAsync(workshop.Id, offer, User.Identity!.Name!, ct)
            : OfferChange.NotFound;
        if (outcome == OfferChange.NotFound)
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = (outcome == OfferChange.Done
            ? l["Paikkatarjous peruttiin. Henkilölle lähti tieto, ja paikka tarjottiin jonossa seuraavalle."]
            : l["Paikkatarjous ei ollut enää voimassa: siihen oli jo vastattu tai se oli päättynyt."]).Value;
        return RedirectToPage(new { slug, status = Status, q = Query, sort = Sort });
    }

    /// <summary>Gives the person more hours to answer an open offer (never past the start or the registration deadline).</summary>
    public async Task<IActionResult> OnPostExtendOfferAsync(string slug, int offer, int hours, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        var outcome = hours is >= 1 and <= OfferSettings.MaxHours
            ? await offers.ExtendAsync(workshop.Id, offer, hours, User.Identity!.Name!, ct)
            : OfferChange.NoRoom;
        if (outcome == OfferChange.NotFound)
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = (outcome switch
        {
            OfferChange.Done => l["Vastausaikaa jatkettiin. Henkilölle lähti uusi määräaika."],
            OfferChange.NoRoom when hours is < 1 or > OfferSettings.MaxHours => l["Anna jatkoaika tunteina väliltä 1–{0}.", OfferSettings.MaxHours],
            OfferChange.NoRoom => l["Vastausaikaa ei voi jatkaa: se päättyy jo työpajan alkuun tai ilmoittautumisen takarajaan."],
            _ => l["Paikkatarjous ei ollut enää voimassa: siihen oli jo vastattu tai se oli päättynyt."],
        }).Value;
        return RedirectToPage(new { slug, status = Status, q = Query, sort = Sort });
    }

    public async Task<IActionResult> OnPostEraseAsync(string slug, int id, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop
            || !await personalData.EraseAsync(workshop.Id, id, User.Identity!.Name!, ct))
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = l["Henkilötiedot poistettiin. Rivi jää nimettömänä määriin."].Value;
        return RedirectToPage(new { slug, status = Status, q = Query, sort = Sort });
    }

    public async Task<IActionResult> OnPostCopyAsync(string slug, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop
            || await workshops.CopyAsync(workshop.Id, User.Identity!.Name!, ct) is not { } copy)
        {
            return NotFound();
        }

        TempData["OrganiserNotice"] = l["Työpaja kopioitiin osoitteeseen {0} luonnoksena: yleisö ei näe sitä vielä. Tarkista päivä, aika ja paikka ja tallenna, julkaise sitten Julkaise-painikkeella ja avaa ilmoittautuminen työpajalistasta.", copy.Slug].Value;
        return RedirectToPage("Edit", new { slug = copy.Slug });
    }

    /// <summary>
    /// The list as the page shows it (filter, search, order), streamed: the ids are ordered first, the audit entry is
    /// written with their count, then the rows are read in batches while the file is written to the response.
    /// </summary>
    private async Task<IActionResult> ExportAsync(string slug, string format, CancellationToken ct)
    {
        if (await db.WorkshopBySlugAsync(slug, ct) is not { } workshop)
        {
            return NotFound();
        }

        var filter = AttendeeFilter.From(Status, Query, Sort);
        var ids = await AttendeeList.OrderedIdsAsync(db, workshop.Id, filter, ct);
        var questions = await db.AllQuestionsAsync(workshop.Id, ct);
        await audit.WriteAsync(User.Identity!.Name!, AuditAction.Exported, workshop.Id, AuditDetail.Of(AuditDetailKind.AttendeesExported, format, ids.Count, filter.Describe()), ct);
        var table = AttendeeList.ToTable(workshop, AttendeeList.StreamAsync(db, ids, ct), l, questions, await AttendeeExtras.LoadAsync(db, workshop.Id, ct));
        return ExportDownload.Of(table, format, $"{workshop.Slug}-{filter.Status}.{format}");
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
        Extras = await AttendeeExtras.LoadAsync(db, workshop.Id, ct);
        Questions = await db.AllQuestionsAsync(workshop.Id, ct);
        Counts = (await db.WorkshopCountsAsync(ct)).GetValueOrDefault(workshop.Id, WorkshopCounts.None);
        return true;
    }
}
