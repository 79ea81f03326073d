using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages;

/// <summary>
/// The visible language switch: <c>GET /language/sv?returnUrl=/workshops/x</c> remembers the choice in the
/// standard request-culture cookie (which <see cref="CookieRequestCultureProvider"/> reads on every request)
/// and goes back to the page. Plain links rather than forms: no page needs a token for it, and links can
/// carry hreflang. See docs/design.md.
/// </summary>
public sealed class LanguageModel(TimeProvider time) : PageModel
{
    public const string Path = "/language";

    /// <summary>The switch's address for <paramref name="language"/>, coming back to the current page.</summary>
    public static string UrlFor(HttpRequest request, string language)
    {
        // A ?culture= left on the page would outvote the cookie on the way back.
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !p.Key.Equals("culture", StringComparison.OrdinalIgnoreCase)
                && !p.Key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        var returnUrl = QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
        return QueryHelpers.AddQueryString($"{request.PathBase}{Path}/{language}", "returnUrl", returnUrl);
    }

    public IActionResult OnGet(string language, string? returnUrl)
    {
        if (!Cultures.IsSupported(language))
        {
            return NotFound();
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = time.GetUtcNow().AddYears(1),
                Path = "/",
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                Secure = Request.IsHttps,
                // A setting the visitor chose, not tracking: it needs no consent.
                IsEssential = true,
            });
        Response.Headers.CacheControl = "no-store";

        // Only back into this site, or the switch would be an open redirect.
        return LocalRedirect(RequestHardening.LocalTarget(returnUrl, Url.Page("/Index")!, Url.IsLocalUrl));
    }
}
