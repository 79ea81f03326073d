namespace Workshops.Web.Calendar;

/// <summary>
/// The few words calendar files need in each language. They live here rather than in the UI resources
/// because calendar files are also built outside a request (email), where no UI culture is set.
/// </summary>
internal static class CalendarTexts
{
    public static string CalendarName(string language) => language switch
    {
        "sv" => "Workshoppar för sociala innovationer",
        "en" => "Social innovation workshops",
        _ => "Sosiaalisten innovaatioiden kehittämistyöpajat",
    };

    public static string Online(string language) => language switch
    {
        "sv" => "På nätet",
        "en" => "Online",
        _ => "Verkossa",
    };

    /// <summary>Put before the title of a cancelled workshop, for clients that do not show STATUS:CANCELLED.</summary>
    public static string CancelledPrefix(string language) => language switch
    {
        "sv" => "INSTÄLLD: ",
        "en" => "CANCELLED: ",
        _ => "PERUTTU: ",
    };

    public static string JoinLink(string language) => language switch
    {
        "sv" => "Länk till mötet",
        "en" => "Join link",
        _ => "Liittymislinkki",
    };

    public static string FeedFileName(string language) => language switch
    {
        "sv" => "workshoppar.ics",
        "en" => "workshops.ics",
        _ => "tyopajat.ics",
    };
}
