using System.Globalization;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Calendar;

/// <summary>Where a person can take one workshop into their calendar.</summary>
public sealed record AddToCalendarLinks(string Ics, string Google, string OutlookCom, string Microsoft365);

/// <summary>The programme feed, as a subscription link (webcal://) and as a plain https address.</summary>
public sealed record SubscribeLinks(string Webcal, string Https);

/// <summary>
/// Builds "add to calendar" links. Google and Outlook links open the person's own calendar with the event
/// filled in; nothing is sent to them until the person clicks. They carry only public information.
/// </summary>
public sealed class CalendarLinks(SiteLinks links, WorkshopCalendar calendar)
{
    /// <summary>Calendar providers cut long addresses; the page link in the text leads to the full description.</summary>
    internal const int MaxDescriptionLength = 400;

    private const string LocalFormat = "yyyyMMdd'T'HHmmss";

    public AddToCalendarLinks For(Workshop workshop, string language)
    {
        var title = workshop.Title.For(language);
        var details = (calendar.TimeNote(workshop, language) is { } note ? note + "\n\n" : "")
            + Shorten(workshop.Description.For(language)) + "\n\n" + calendar.PageUrl(workshop, language);
        var location = calendar.PublicLocation(workshop, language);
        var ics = links.WorkshopCalendarPath(workshop.Slug, language);
        return new AddToCalendarLinks(
            ics,
            Google(workshop, title, details, location),
            Outlook("https://outlook.live.com", workshop, title, details, location),
            Outlook("https://outlook.office.com", workshop, title, details, location));
    }

    public SubscribeLinks Feed(string language)
    {
        var https = links.ProgrammeFeed(language);
        // webcal:// tells the operating system to subscribe with the calendar app instead of downloading once.
        var webcal = "webcal" + https[https.IndexOf("://", StringComparison.Ordinal)..];
        return new SubscribeLinks(webcal, https);
    }

    /// <summary>Google takes local wall-clock times plus ctz; an all-day event is a date range with an exclusive end.</summary>
    internal static string Google(Workshop workshop, string title, string details, string? location)
    {
        var dates = workshop.StartTime is { } start
            ? $"{Local(workshop.Date, start)}/{Local(workshop.Date, workshop.EndTime ?? start)}"
            : $"{Day(workshop.Date)}/{Day(workshop.Date.AddDays(1))}";
        return Query("https://calendar.google.com/calendar/render",
            ("action", "TEMPLATE"), ("text", title), ("dates", dates), ("details", details),
            ("location", location), ("ctz", HelsinkiTime.ZoneId));
    }

    /// <summary>Outlook takes ISO 8601 times; the Helsinki offset of that day makes them unambiguous.</summary>
    internal static string Outlook(string host, Workshop workshop, string title, string details, string? location)
    {
        var (startText, endText, allDay) = workshop.StartTime is { } start
            ? (Offset(workshop.Date, start), Offset(workshop.Date, workshop.EndTime ?? start), "false")
            : (IsoDay(workshop.Date), IsoDay(workshop.Date.AddDays(1)), "true");
        return Query($"{host}/calendar/0/action/compose",
            ("subject", title), ("startdt", startText), ("enddt", endText), ("allday", allDay),
            ("body", details), ("location", location));
    }

    private static string Query(string address, params (string Name, string? Value)[] parameters) =>
        address + "?" + string.Join('&', parameters
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings("\n").Trim();
        if (text.Length <= MaxDescriptionLength)
        {
            return text;
        }

        // Never cut an emoji (a surrogate pair) in half: the link would carry an invalid character.
        var cut = char.IsHighSurrogate(text[MaxDescriptionLength - 2]) ? MaxDescriptionLength - 2 : MaxDescriptionLength - 1;
        return text[..cut].TrimEnd() + "…";
    }

    private static string Local(DateOnly date, TimeOnly time) =>
        date.ToDateTime(time).ToString(LocalFormat, CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string IsoDay(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Offset(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, HelsinkiTime.Zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
