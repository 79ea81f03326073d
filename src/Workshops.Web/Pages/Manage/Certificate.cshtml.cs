using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Certificates;
using Workshops.Web.Data;
using Workshops.Web.Domain.Certificates;

namespace Workshops.Web.Pages.Manage;

/// <summary>
/// The person's certificate of attendance as a PDF (<c>/manage/{token}/certificate</c>). The POST (the personal page's
/// button) issues it when they may have it (<see cref="CertificateService.IssueAsync"/>: once; again gives the same) and
/// redirects to the GET, which only serves a certificate already issued. Anyone else (not attended, cancelled, waiting,
/// erased, before the end, an unknown link) gets 404.
/// </summary>
public sealed class CertificateModel(WorkshopsDbContext db, CertificateService certificates, CertificateDocument document) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await ManageLookup.FindAsync(db, token, ct) is not { Workshop: { } workshop } registration
            || await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.RegistrationId == registration.Id && c.WithdrawnAtUtc == null, ct) is not { } certificate)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(document.Render(certificate, workshop), "application/pdf", CertificateDocument.FileName(workshop));
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await ManageLookup.FindAsync(db, token, ct) is not { } registration
            || await certificates.IssueAsync(registration.Id, ct) is null)
        {
            return NotFound();
        }

        return RedirectToPage(new { token });
    }
}
