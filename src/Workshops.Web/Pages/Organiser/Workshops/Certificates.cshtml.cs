using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Certificates;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// One workshop's certificates of attendance (issue 26): how many attended, how many were sent theirs and how many not
/// yet, and "send all certificates" (one email each with the PDF, <see cref="CertificateService.EmailAllAsync"/>;
/// a second click sends nothing new). People marked arrived without an email address (added at the door) are listed by
/// name, and the organiser downloads each one's PDF to print (<see cref="OnPostPdfAsync"/>), since no email reaches them.
/// Door helpers have no access: the page needs <see cref="Capability.ManageWorkshop"/>.
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class CertificatesModel(
    WorkshopsDbContext db, CertificateService certificates, CertificateDocument document, CurrentWorkshop current, CurrentOrganiser organiser,
    TimeProvider time, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    /// <summary>The workshop now: certificates go once it has been held (<see cref="WorkshopLifecycle.WasHeld"/>).</summary>
    public WorkshopLifecycle Life { get; private set; } = null!;

    /// <summary>Confirmed people marked arrived, not erased: who may have a certificate.</summary>
    public int Attended { get; private set; }

    /// <summary>Of them, those without an email address: their certificate is printed from here (<see cref="OnPostPdfAsync"/>).</summary>
    public int WithoutAddress => NoAddress.Count;

    /// <summary>Attended people without an email address, by name: registration id and name.</summary>
    public IReadOnlyList<(int Id, string Name)> NoAddress { get; private set; } = [];

    /// <summary>Certificates issued (downloaded by the person or sent), not withdrawn.</summary>
    public int Issued { get; private set; }

    /// <summary>Certificates sent by email.</summary>
    public int Sent { get; private set; }

    /// <summary>Attended people with an address whose certificate was not sent yet.</summary>
    public int NotYetSent => Math.Max(0, Attended - WithoutAddress - Sent);

    /// <summary>Certificates withdrawn, for either reason below.</summary>
    public int Withdrawn => WithdrawnErased + WithdrawnAttendance;

    /// <summary>Certificates withdrawn at their holder's request (erasure): for good.</summary>
    public int WithdrawnErased { get; private set; }

    /// <summary>Certificates withdrawn because the arrival was taken back: valid again if the person is marked arrived again.</summary>
    public int WithdrawnAttendance { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Life = WorkshopLifecycle.At(Workshop, time);
        var attended = await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == Workshop.Id && r.Status == RegistrationStatus.Confirmed && r.CheckedInAtUtc != null && r.ErasedAtUtc == null)
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, HasAddress = r.Email != null })
            .ToListAsync(ct);
        Attended = attended.Count;
        NoAddress = attended.Where(a => !a.HasAddress).Select(a => (a.Id, a.Name)).ToList();
        var issued = await db.Certificates.AsNoTracking().Where(c => c.WorkshopId == Workshop.Id).ToListAsync(ct);
        Issued = issued.Count(c => c.IsValid);
        Sent = issued.Count(c => c.EmailedAtUtc != null && c.IsValid);
        WithdrawnErased = issued.Count(c => c.IsErased);
        WithdrawnAttendance = issued.Count(c => !c.IsValid && !c.IsErased);
    }

    /// <summary>
    /// The certificate of one person of this workshop as a PDF to print (issued now if they may have one and had none:
    /// <see cref="CertificateService.IssueAsync"/>, so it verifies like any other). A POST, as issuing writes; posting again
    /// gives the same certificate. Someone who may not have one (not arrived, erased, the workshop not over) gets a notice.
    /// </summary>
    public async Task<IActionResult> OnPostPdfAsync(int id, CancellationToken ct)
    {
        if (!await db.Registrations.AnyAsync(r => r.Id == id && r.WorkshopId == Workshop.Id, ct))
        {
            return NotFound();
        }

        if (await certificates.IssueAsync(id, ct) is not { } certificate)
        {
            TempData.SetNotice(l["Tälle henkilölle ei voi antaa todistusta: häntä ei ole merkitty saapuneeksi, tai työpaja ei ole vielä päättynyt."].Value);
            return RedirectToPage(new { slug = Workshop.Slug });
        }

        Response.Headers.CacheControl = "no-store";
        return File(document.Render(certificate, Workshop), "application/pdf", CertificateDocument.FileName(Workshop));
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var outcome = await certificates.EmailAllAsync(Workshop.Id, organiser.Email, ct);
        TempData.SetNotice((outcome.TooEarly
            ? l["Todistuksia lähetetään vasta, kun työpaja on pidetty ja päättynyt. Mitään ei lähetetty."]
            : l["Todistus lähti {0} osallistujalle. {1} oli saanut omansa jo aiemmin; kukaan ei saa todistusta kahdesti.", outcome.Queued, outcome.SentBefore]).Value);
        return RedirectToPage(new { slug = Workshop.Slug });
    }
}
