using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages;

public sealed class PrivacyModel(IOptions<SiteOptions> site, IOptions<PrivacyOptions> privacy, IOptions<Domain.Certificates.CertificateOptions> certificates) : PageModel
{
    public SiteOptions Site => site.Value;
    public int RetentionDays => privacy.Value.RetentionDays;

    /// <summary>Years a certificate of attendance stays verifiable (Certificates__RetentionYears).</summary>
    public int CertificateYears => certificates.Value.RetentionYears;
}
