using Microsoft.Extensions.Options;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Absolute links for messages that leave the site (emails), built from the pages' routes by name on
/// Site__PublicBaseUrl: there is no request to take the host from, and a renamed URL needs no change here.
/// </summary>
public sealed class SiteLinks(LinkGenerator links, IOptions<SiteOptions> site)
{
    public string WorkshopPage(string slug, string language) =>
        Absolute(links.GetPathByPage("/Workshops/Details", values: new { slug, culture = language }));

    /// <summary>The public results page (<c>/workshops/{slug}/results</c>) in <paramref name="language"/>.</summary>
    public string ResultsPage(string slug, string language) =>
        Absolute(links.GetPathByPage("/Workshops/Results", values: new { slug, culture = language }));

    /// <summary>The stand page's address without a language, for the poster's QR code (the visitor's browser picks the language).</summary>
    public string StandPage(string slug) =>
        Absolute(links.GetPathByPage("/Workshops/Stand", values: new { slug }));

    public string ManagePage(string token) =>
        Absolute(links.GetPathByPage("/Manage/Index", values: new { token }));

    /// <summary>The personal feedback form: the same manage token, on the page <c>/Manage/Feedback</c>.</summary>
    public string FeedbackPage(string token) =>
        Absolute(links.GetPathByPage("/Manage/Feedback", values: new { token }));

    /// <summary>Keeps a path under the base URL's own path (a site served from /workshops-site/ stays there).</summary>
    private string Absolute(string? path) =>
        site.Value.BaseUri.AbsoluteUri.TrimEnd('/') + (path ?? throw new InvalidOperationException("No route for a page the site links to."));
}
