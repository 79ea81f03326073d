using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Messaging;
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
/// One workshop's people: filter, search, sort, export (audited), resend a confirmation, cancel or erase one person;
/// an open seat offer is withdrawn or extended here (audited).
/// </summary>
[Needs(Capability.ViewPersonalData)]
public sealed class AttendeesModel(
    WorkshopsDbContext db,
    RegistrationService registrations,
    OfferService offers,
    PersonalDataService personalData,
    MessagingService messaging,
    WorkshopService workshops,
    AuditLog audit,
    IOptions<PrivacyOptions> privacy,
    CurrentWorkshop current,
    CurrentOrganiser organiser,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    /// <summary>The first day the retention purge erases this workshop's registrants.</summary>
    public DateOnly PurgeDate => RetentionPurge.PurgeDate(Workshop, privacy.Value.RetentionDays);

    public Workshop Workshop => current.Workshop;
    public WorkshopCounts Counts { get; private set; } = WorkshopCounts.None;
    public List<Registration> Rows { get; private set; } = [];

    /// <summary>How many active registrants (confirmed or waiting) ticked each need ("2 need captions"); needs nobody ticked are left out.</summary>
    public IReadOnlyList<(Domain.Accessibility.AccessNeeds Need, int Count)> NeedsSummary { get; private set; } = [];

    /// <summary>A hybrid workshop's confirmed and waiting people per mode (empty for any other workshop).</summary>
    public IReadOnlyList<(AttendanceMode Mode, int Confirmed, int Waitlisted)> ModeCounts { get; private set; } = [];

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

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter = AttendeeFilter.From(Status, Query, Sort);
        Rows = await AttendeeList.LoadAsync(db, Workshop.Id, Filter, ct);
        Extras = await AttendeeExtras.LoadAsync(db, Workshop.Id, ct);
        Questions = await db.AllQuestionsAsync(Workshop.Id, ct);
        Counts = (await db.WorkshopCountsAsync(ct)).GetValueOrDefault(Workshop.Id, WorkshopCounts.None);
        NeedsSummary = Domain.Accessibility.AccessNeedsSummary.Count(await db.Registrations
            .Where(r => r.WorkshopId == Workshop.Id && r.Status != RegistrationStatus.Cancelled && r.AccessNeeds != Domain.Accessibility.AccessNeeds.None)
            .Select(r => r.AccessNeeds).ToListAsync(ct));
        if (Workshop.IsHybrid())
        {
            var byMode = await db.Registrations.Where(r => r.WorkshopId == Workshop.Id && r.Status != RegistrationStatus.Cancelled)
                .GroupBy(r => new { r.Mode, r.Status }).Select(g => new { g.Key.Mode, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
            ModeCounts = [.. AttendanceModes.Each.Select(m => (m,
                byMode.Where(x => x.Mode == m && x.Status == RegistrationStatus.Confirmed).Sum(x => x.Count),
                byMode.Where(x => x.Mode == m && x.Status == RegistrationStatus.Waitlisted).Sum(x => x.Count)))];
        }
    }

    [Needs(Capability.Export)]
    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => ExportAsync("csv", ct);

    [Needs(Capability.Export)]
    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => ExportAsync("xlsx", ct);

    [Needs(Capability.ManageWorkshop)]
    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct)
    {
        var result = await registrations.CancelAsync(Workshop.Id, id, organiser.Email, ct);
        if (result.Outcome == CancelOutcome.NotFound)
        {
            return NotFound();
        }

        // Says only what happened: a waiting-list place frees no seat, and a freed seat moves nobody when nobody waits.
        TempData.SetNotice((result switch
        {
            { Outcome: CancelOutcome.AlreadyCancelled } => l["Ilmoittautuminen oli jo peruttu."],
            { Outcome: CancelOutcome.TooLate } => l["Työpaja on jo alkanut (tai peruttu), joten ilmoittautumista ei peruttu: se jää raporttiin sellaisenaan."],
            { Outcome: CancelOutcome.Attended } => l["Henkilö on merkitty saapuneeksi, joten ilmoittautumista ei peruttu. Poista ensin saapumismerkintä, jos se on virhe."],
            { Promoted: > 0 } => l["Ilmoittautuminen peruttiin. Henkilölle lähti vahvistus, ja vapautunut paikka annettiin jonossa seuraavalle."],
            _ => l["Ilmoittautuminen peruttiin. Henkilölle lähti vahvistus."],
        }).Value);
        return RedirectToPage(new { slug = Workshop.Slug, status = Status, q = Query, sort = Sort });
    }

    /// <summary>Sends the person their registration as it is now, with their manage link (at most once per five minutes).</summary>
    [Needs(Capability.Message)]
    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken ct)
    {
        var result = await messaging.ResendConfirmationAsync(Workshop.Id, id, organiser.Email, ct);
        if (result.Outcome == ResendOutcome.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice((result switch
        {
            { Outcome: ResendOutcome.NotActive } => l["Ilmoittautuminen on peruttu tai tiedot poistettu, joten vahvistusta ei lähetetty."],
            { NextAtUtc: { } next } => l["Vahvistus lähti hetki sitten. Seuraavan voi lähettää {0}.", OrganiserFormat.Local(next)],
            _ => l["Vahvistus ja oma ilmoittautumislinkki lähtevät uudelleen."],
        }).Value);
        return RedirectToPage(new { slug = Workshop.Slug, status = Status, q = Query, sort = Sort });
    }

    /// <summary>Withdraws an open offer: the person's registration ends, they are told, and the seat goes to the next person.</summary>
    [Needs(Capability.ManageWorkshop)]
    public async Task<IActionResult> OnPostWithdrawOfferAsync(int offer, CancellationToken ct)
    {
        var outcome = await offers.WithdrawAsync(Workshop.Id, offer, organiser.Email, ct);
        if (outcome == OfferChange.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice((outcome == OfferChange.Done
            ? l["Paikkatarjous peruttiin. Henkilölle lähti tieto, ja paikka tarjottiin jonossa seuraavalle."]
            : l["Paikkatarjous ei ollut enää voimassa: siihen oli jo vastattu tai se oli päättynyt."]).Value);
        return RedirectToPage(new { slug = Workshop.Slug, status = Status, q = Query, sort = Sort });
    }

    /// <summary>Gives the person more hours to answer an open offer (never past the start or the registration deadline).</summary>
    [Needs(Capability.ManageWorkshop)]
    public async Task<IActionResult> OnPostExtendOfferAsync(int offer, int hours, CancellationToken ct)
    {
        var outcome = hours is >= 1 and <= OfferSettings.MaxHours
            ? await offers.ExtendAsync(Workshop.Id, offer, hours, organiser.Email, ct)
            : OfferChange.NoRoom;
        if (outcome == OfferChange.NotFound)
        {
            return NotFound();
        }

        TempData.SetNotice((outcome switch
        {
            OfferChange.Done => l["Vastausaikaa jatkettiin. Henkilölle lähti uusi määräaika."],
            OfferChange.NoRoom when hours is < 1 or > OfferSettings.MaxHours => l["Anna jatkoaika tunteina väliltä 1–{0}.", OfferSettings.MaxHours],
            OfferChange.NoRoom => l["Vastausaikaa ei voi jatkaa: se päättyy jo työpajan alkuun tai ilmoittautumisen takarajaan."],
            _ => l["Paikkatarjous ei ollut enää voimassa: siihen oli jo vastattu tai se oli päättynyt."],
        }).Value);
        return RedirectToPage(new { slug = Workshop.Slug, status = Status, q = Query, sort = Sort });
    }

    [Needs(Capability.Erase)]
    public async Task<IActionResult> OnPostEraseAsync(int id, CancellationToken ct)
    {
        if (!await personalData.EraseAsync(Workshop.Id, id, organiser.Email, ct))
        {
            return NotFound();
        }

        TempData.SetNotice(l["Henkilötiedot poistettiin. Rivi jää nimettömänä määriin."].Value);
        return RedirectToPage(new { slug = Workshop.Slug, status = Status, q = Query, sort = Sort });
    }

    [Needs(Capability.ManageProgramme)]
    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        if (await workshops.CopyAsync(Workshop.Id, organiser.Email, ct) is not { } copy)
        {
            return NotFound();
        }

        TempData.SetNotice(l["Työpaja kopioitiin osoitteeseen {0} luonnoksena: yleisö ei näe sitä vielä. Tarkista päivä, aika ja paikka ja tallenna, julkaise sitten Julkaise-painikkeella ja avaa ilmoittautuminen työpajalistasta.", copy.Slug].Value);
        return RedirectToPage("Edit", new { slug = copy.Slug });
    }

    /// <summary>
    /// The list as the page shows it (filter, search, order), streamed: the ids are ordered first, the audit entry is
    /// written with their count, then the rows are read in batches while the file is written to the response.
    /// </summary>
    private async Task<IActionResult> ExportAsync(string format, CancellationToken ct)
    {
        var filter = AttendeeFilter.From(Status, Query, Sort);
        var ids = await AttendeeList.OrderedIdsAsync(db, Workshop.Id, filter, ct);
        var questions = await db.AllQuestionsAsync(Workshop.Id, ct);
        await audit.WriteAsync(organiser.Email, AuditAction.Exported, Workshop.Id, AuditDetail.Of(AuditDetailKind.AttendeesExported, format, ids.Count, filter.Describe()), ct);
        var table = AttendeeList.ToTable(Workshop, AttendeeList.StreamAsync(db, ids, ct), l, questions, await AttendeeExtras.LoadAsync(db, Workshop.Id, ct));
        return ExportDownload.Of(table, format, $"{Workshop.Slug}-{filter.Status}.{format}");
    }
}
