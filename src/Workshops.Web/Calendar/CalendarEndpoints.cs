using System.Text;
using Microsoft.Net.Http.Headers;
using Workshops.Web.Data;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Calendar;

/// <summary>
/// <c>GET /calendar.ics</c> (the programme feed) and <c>GET /workshops/{slug}/calendar.ics</c> (one workshop),
/// in the language of <c>?culture=</c>. Both answer 304 to a client whose copy is current (ETag or date).
/// </summary>
public static class CalendarEndpoints
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapWorkshopsCalendar(this IEndpointRouteBuilder app)
    {
        // Some calendar clients check a subscription with HEAD before fetching it.
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/calendar.ics", methods, ProgrammeAsync).CacheOutput(PublicCache.Policy).WithName(CalendarRoutes.Programme);
        app.MapMethods("/workshops/{slug}/calendar.ics", methods, WorkshopAsync).CacheOutput(PublicCache.Policy).WithName(CalendarRoutes.Workshop);
        return app;
    }

    private static async Task<IResult> ProgrammeAsync(HttpContext http, WorkshopsDbContext db, WorkshopCalendar calendar, CalendarTexts texts, CancellationToken ct)
    {
        var workshops = await db.PublicProgrammeAsync(ct);
        var language = Cultures.Current;
        return File(http, calendar.Feed(workshops, language), texts.FeedFileName(language), calendar.Fingerprint(workshops, language), workshops);
    }

    private static async Task<IResult> WorkshopAsync(string slug, HttpContext http, WorkshopsDbContext db, WorkshopCalendar calendar, CancellationToken ct)
    {
        var workshop = await db.PublicWorkshopBySlugAsync(slug, ct);
        if (workshop is null)
        {
            // No body: the status-code pages show the site's friendly "not found" page.
            return Results.NotFound();
        }

        var language = Cultures.Current;
        return File(http, calendar.Publish([workshop], language), $"{workshop.Slug}.ics", calendar.Fingerprint([workshop], language), [workshop]);
    }

    /// <summary>
    /// The file result answers If-None-Match and If-Modified-Since with 304 itself. The ETag is weak because
    /// DTSTAMP (the time of the response) differs between two otherwise identical files.
    /// </summary>
    private static IResult File(HttpContext http, string text, string fileName, string fingerprint, IReadOnlyList<Workshop> workshops)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.Vary = "Accept-Language, Cookie";
        DateTimeOffset? lastModified = workshops.Count == 0
            ? null
            : WholeSeconds(workshops.Max(w => DateTime.SpecifyKind(w.UpdatedAtUtc, DateTimeKind.Utc)));
        return Results.File(
            Encoding.UTF8.GetBytes(text),
            ContentType,
            fileName,
            lastModified: lastModified,
            entityTag: new EntityTagHeaderValue($"\"{fingerprint}\"", isWeak: true));
    }

    /// <summary>HTTP dates have whole seconds; a finer Last-Modified would never compare equal to If-Modified-Since.</summary>
    private static DateTimeOffset WholeSeconds(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
