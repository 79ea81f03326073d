using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Pages.Certificates;

/// <summary>What a certificate's verification page found.</summary>
public enum CertificateVerdict
{
    /// <summary>No certificate has this code (altered, mistyped, or deleted after its retention time).</summary>
    NotFound,

    /// <summary>A certificate the site issued: the name, the workshop and its date are shown.</summary>
    Genuine,

    /// <summary>Issued, then withdrawn when the holder asked for their data to be erased: nothing about them is shown.</summary>
    Withdrawn,
}

/// <summary>
/// The public verification page of a certificate of attendance (<c>/certificates/{code}</c>, printed on the certificate):
/// a third party sees that it is genuine, with the holder's name as printed, the workshop and its date; never the email
/// address or anything else. An unknown or altered code answers "not found" with 404 (never a 500); a withdrawn one says
/// so. Rate-limited like the personal pages (RateLimiting__CertificateLookup), kept out of search engines (noindex), never cached.
/// </summary>
public sealed class VerifyModel(WorkshopsDbContext db, IOptions<CertificateOptions> options) : PageModel
{
    /// <summary>How long certificates stay verifiable (Certificates__RetentionYears), said on the "not found" answer.</summary>
    public int RetentionYears => options.Value.RetentionYears;

    public CertificateVerdict Verdict { get; private set; }

    /// <summary>The name as printed; only for a genuine certificate.</summary>
    public string? HolderName { get; private set; }

    /// <summary>The workshop; only for a genuine certificate.</summary>
    public Workshop? Workshop { get; private set; }

    /// <summary>The workshop's day as the certificate prints it, in the reader's language; only for a genuine certificate.</summary>
    public string Date => Workshop is null ? "" : Web.Certificates.CertificateDocument.Date(Workshop.Date, Localization.Cultures.Current);

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        var found = Certificate.IsWellFormed(code)
            ? await db.Certificates.AsNoTracking().Include(c => c.Workshop).SingleOrDefaultAsync(c => c.Code == code, ct)
            : null;
        Verdict = found is null ? CertificateVerdict.NotFound : found.WithdrawnAtUtc is null ? CertificateVerdict.Genuine : CertificateVerdict.Withdrawn;
        if (Verdict == CertificateVerdict.Genuine)
        {
            (HolderName, Workshop) = (found!.HolderName, found.Workshop);
        }
        else if (Verdict == CertificateVerdict.NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
