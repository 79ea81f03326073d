using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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
/// a second click sends nothing new).
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class CertificatesModel(
    WorkshopsDbContext db, CertificateService certificates, CurrentWorkshop current, CurrentOrganiser organiser, TimeProvider time,
    IStringLocalizer<OrganiserResource> l) : PageModel
{
    public Workshop Workshop => current.Workshop;

    /// <summary>The workshop now: certificates go once it has been held (<see cref="WorkshopLifecycle.WasHeld"/>).</summary>
    public WorkshopLifecycle Life { get; private set; } = null!;

    /// <summary>Confirmed people marked arrived, not erased: who may have a certificate.</summary>
    public int Attended { get; private set; }

    /// <summary>Of them, those without an email address: their certificate is on paper or on request only.</summary>
    public int WithoutAddress { get; private set; }

    /// <summary>Certificates issued (downloaded by the person or sent), not withdrawn.</summary>
    public int Issued { get; private set; }

    /// <summary>Certificates sent by email.</summary>
    public int Sent { get; private set; }

    /// <summary>Attended people with an address whose certificate was not sent yet.</summary>
    public int NotYetSent => Math.Max(0, Attended - WithoutAddress - Sent);

    /// <summary>Certificates withdrawn at their holder's request.</summary>
    public int Withdrawn { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Life = WorkshopLifecycle.At(Workshop, time);
        var attended = await db.Registrations.AsNoTracking()
            .Where(r => r.WorkshopId == Workshop.Id && r.Status == RegistrationStatus.Confirmed && r.CheckedInAtUtc != null && r.ErasedAtUtc == null)
            .Select(r => new { HasAddress = r.Email != null })
            .ToListAsync(ct);
        (Attended, WithoutAddress) = (attended.Count, attended.Count(a => !a.HasAddress));
        var issued = await db.Certificates.AsNoTracking().Where(c => c.WorkshopId == Workshop.Id)
            .Select(c => new { Sent = c.EmailedAtUtc != null, Withdrawn = c.WithdrawnAtUtc != null })
            .ToListAsync(ct);
        Issued = issued.Count(c => !c.Withdrawn);
        Sent = issued.Count(c => c.Sent && !c.Withdrawn);
        Withdrawn = issued.Count(c => c.Withdrawn);
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
