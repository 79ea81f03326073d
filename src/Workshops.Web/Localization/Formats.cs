using System.Globalization;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Localization;

/// <summary>Dates and times written the way people write them in each language.</summary>
public static class Formats
{
    /// <summary>
    /// A number for an <c>&lt;input&gt;</c>'s value: invariant culture, because Finnish and Swedish formatting writes a
    /// negative number with a typographic minus (U+2212), which a number field reads as no number at all.
    /// </summary>
    public static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>"ke 31.5.2028", "ons 31.5.2028", "Wed 31 May 2028".</summary>
    public static string Date(DateOnly date, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        return language == "en"
            ? date.ToString("ddd d MMM yyyy", culture)
            : date.ToString("ddd d.M.yyyy", culture);
    }

    /// <summary>
    /// What goes between the date and the time: "ke 31.5.2028 klo 9.00" and "ons 31.5.2028 kl. 9.00" need nothing
    /// but a space (the "klo" does the joining), English wants "Wed 31 May 2028, 9:00"; "time to be announced"
    /// always follows a comma.
    /// </summary>
    public static string AfterDate(string language, bool timeUnknown) => timeUnknown || language == "en" ? ", " : " ";

    /// <summary>
    /// The words for a workshop whose start time nobody has announced yet. The source gives no times, so nothing
    /// may suggest a time it does not know ("all day" made people plan a whole day off). Calendar files keep such
    /// a workshop as an all-day entry (a calendar needs some span) and say this in their text.
    /// </summary>
    public static string TimeToBeAnnounced(string language) => language switch
    {
        "sv" => "tiden meddelas senare",
        "en" => "time to be announced",
        _ => "aika tarkentuu",
    };

    /// <summary>The one answer to "what time does this workshop have": "klo 9.00–12.00", or "aika tarkentuu".</summary>
    public static string TimeOf(TimeOnly? start, TimeOnly? end, string language) =>
        start is { } s ? TimeRange(s, end, language) : TimeToBeAnnounced(language);

    /// <summary>As a sentence of its own, for texts such as a calendar entry's description: "Aika tarkentuu."</summary>
    public static string TimeToBeAnnouncedSentence(string language)
    {
        var text = TimeToBeAnnounced(language);
        return char.ToUpper(text[0], CultureInfo.GetCultureInfo(language)) + text[1..] + ".";
    }

    /// <summary>The whole "when" line: "ke 31.5.2028 klo 9.00–12.00", "Wed 31 May 2028, time to be announced".</summary>
    public static string When(DateOnly date, TimeOnly? start, TimeOnly? end, string language) =>
        Date(date, language) + AfterDate(language, timeUnknown: start is null) + TimeOf(start, end, language);

    /// <summary>
    /// The "when" line as true at the lifecycle's moment: with the time when one is set; "time to be announced" only while
    /// it still may be (<see cref="WorkshopLifecycle.TimeStillToBeAnnounced"/>); otherwise the date alone ("ke 31.5.2028"
    /// for a held or cancelled workshop that never had a time).
    /// </summary>
    public static string When(WorkshopLifecycle life, string language) =>
        Date(life.Workshop.Date, language) + TimeAfterDate(life, language);

    /// <summary>What follows the date in <see cref="When(WorkshopLifecycle, string)"/>, separator included; empty when only the date is true.</summary>
    public static string TimeAfterDate(WorkshopLifecycle life, string language) =>
        life.Workshop.StartTime is null && !life.TimeStillToBeAnnounced
            ? ""
            : AfterDate(language, timeUnknown: life.Workshop.StartTime is null) + TimeOf(life.Workshop.StartTime, life.Workshop.EndTime, language);

    /// <summary>A UTC moment as a Helsinki date and time: "ke 31.5.2028 klo 13.05", "Wed 31 May 2028, 13:05".</summary>
    public static string Moment(DateTime utc, string language) =>
        LocalMoment(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Domain.HelsinkiTime.Zone), language);

    /// <summary>One Helsinki wall-clock moment: "ke 31.5.2028 klo 14.00", "ons 31.5.2028 kl. 14.00", "Wed 31 May 2028, 14:00".</summary>
    public static string LocalMoment(DateTime local, string language) =>
        Date(DateOnly.FromDateTime(local), language) + AfterDate(language, timeUnknown: false) + Time(TimeOnly.FromDateTime(local), language);

    /// <summary>"klo 9.00", "kl. 9.00", "9:00".</summary>
    public static string Time(TimeOnly time, string language) => language switch
    {
        "fi" => "klo " + time.ToString("H.mm", CultureInfo.InvariantCulture),
        "sv" => "kl. " + time.ToString("H.mm", CultureInfo.InvariantCulture),
        _ => time.ToString("H:mm", CultureInfo.InvariantCulture),
    };

    /// <summary>"klo 9.00–12.00", "kl. 9.00–12.00", "9:00–12:00"; just the start when no end is known.</summary>
    public static string TimeRange(TimeOnly start, TimeOnly? end, string language)
    {
        var text = Time(start, language);
        if (end is not { } e)
        {
            return text;
        }

        var endText = language == "en"
            ? e.ToString("H:mm", CultureInfo.InvariantCulture)
            : e.ToString("H.mm", CultureInfo.InvariantCulture);
        return text + "–" + endText;
    }
}
