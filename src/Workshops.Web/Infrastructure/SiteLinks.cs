using Microsoft.Extensions.Options;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Absolute links for whatever leaves the site (emails, calendar files, the poster's QR code, addresses organisers copy),
/// built from the pages' and endpoints' routes by name on Site__PublicBaseUrl: an email has no request to take the host
/// from, a forged Host header steers nothing, and a renamed URL needs no change here.
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

    /// <summary>The walk-in feedback form (<c>/workshops/{slug}/feedback</c>), without a language: the visitor's browser picks it.</summary>
    public string WalkInFeedbackPage(string slug) =>
        Absolute(links.GetPathByPage("/Workshops/Feedback", values: new { slug }));

    /// <summary>The walk-in visitors' "count me in" page (<c>/workshops/{slug}/here</c>), without a language, for the door's QR code.</summary>
    public string CountMeInPage(string slug) =>
        Absolute(links.GetPathByPage("/Workshops/Here", values: new { slug }));

    /// <summary>One workshop's iCalendar file (<c>/workshops/{slug}/calendar.ics?culture=</c>), as a path on this site.</summary>
    public string WorkshopCalendarPath(string slug, string language) =>
        links.GetPathByName(CalendarRoutes.Workshop, new { slug, culture = language })
            ?? throw new InvalidOperationException("No route for a workshop's calendar file.");

    /// <summary>The programme feed (<c>/calendar.ics?culture=</c>), absolute.</summary>
    public string ProgrammeFeed(string language) =>
        Absolute(links.GetPathByName(CalendarRoutes.Programme, new { culture = language }));

    /// <summary>The organisers' sign-in page, absolute (for a notice to an organiser).</summary>
    public string OrganiserSignIn(string language) =>
        Absolute(links.GetPathByPage("/Organiser/SignIn", values: new { culture = language }));

    /// <summary>The member's own notification settings (<c>/organiser/notifications</c>), absolute (for a notice to a member).</summary>
    public string OrganiserNotifications(string language) =>
        Absolute(links.GetPathByPage("/Organiser/Notifications", values: new { culture = language }));

    /// <summary>
    /// An emailed link that sets a password (issue 25): <c>/organiser/invitation</c> or <c>/organiser/reset-password</c>
    /// with the account id and the one-use token in the query string, absolute.
    /// </summary>
    public string MemberLink(LinkKind kind, string userId, string token, string language) =>
        Absolute(links.GetPathByPage(kind == LinkKind.Invitation ? "/Organiser/Invitation" : "/Organiser/ResetPassword",
            values: new { user = userId, token, culture = language }));

    public string ManagePage(string token) =>
        Absolute(links.GetPathByPage("/Manage/Index", values: new { token }));

    /// <summary>
    /// The page that answers a seat offer (<c>/manage/{token}/offer?answer=accept|decline</c>): it shows the offer with the
    /// chosen answer's button first; only its POST answers.
    /// </summary>
    public string OfferPage(string token, bool accept) =>
        Absolute(links.GetPathByPage("/Manage/Offer", values: new { token, answer = accept ? "accept" : "decline" }));

    /// <summary>The privacy notice in <paramref name="language"/>.</summary>
    public string PrivacyPage(string language) =>
        Absolute(links.GetPathByPage("/Privacy", values: new { culture = language }));

    /// <summary>The personal feedback form: the same manage token, on the page <c>/Manage/Feedback</c>.</summary>
    public string FeedbackPage(string token) =>
        Absolute(links.GetPathByPage("/Manage/Feedback", values: new { token }));

    /// <summary>A certificate's public verification page (<c>/certificates/{code}</c>), absolute, without a language (the reader's browser picks it).</summary>
    public string CertificatePage(string code) =>
        Absolute(links.GetPathByPage("/Certificates/Verify", values: new { code }));

    /// <summary>Keeps a path under the base URL's own path (a site served from /workshops-site/ stays there).</summary>
    private string Absolute(string? path) =>
        site.Value.BaseUri.AbsoluteUri.TrimEnd('/') + (path ?? throw new InvalidOperationException("No route for a page the site links to."));
}

/// <summary>The names of the calendar endpoints' routes, for <see cref="LinkGenerator"/>.</summary>
public static class CalendarRoutes
{
    public const string Programme = "ProgrammeCalendar";
    public const string Workshop = "WorkshopCalendar";
}
