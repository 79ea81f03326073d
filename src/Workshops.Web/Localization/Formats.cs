using System.Globalization;

namespace Workshops.Web.Localization;

/// <summary>Dates and times written the way people write them in each language.</summary>
public static class Formats
{
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
    /// but a space (the "klo" does the joining), English wants "Wed 31 May 2028, 9:00"; "all day" always follows a comma.
    /// </summary>
    public static string AfterDate(string language, bool allDay) => allDay || language == "en" ? ", " : " ";

    /// <summary>The whole "when" line: "ke 31.5.2028 klo 9.00–12.00", "Wed 31 May 2028, all day".</summary>
    public static string When(DateOnly date, TimeOnly? start, TimeOnly? end, string language, string allDayText) =>
        Date(date, language) + AfterDate(language, allDay: start is null)
        + (start is { } s ? TimeRange(s, end, language) : allDayText);

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
