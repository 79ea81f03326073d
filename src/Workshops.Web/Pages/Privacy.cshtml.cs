using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages;

public sealed class PrivacyModel(IOptions<SiteOptions> site, IOptions<PrivacyOptions> privacy) : PageModel
{
    public SiteOptions Site => site.Value;
    public int RetentionDays => privacy.Value.RetentionDays;
}
