using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Domain.Workshops;

/// <summary>
/// Where a workshop is, as each reader may see it: the place's name in a language, the "where" line everyone may see,
/// and the join link only a confirmed registrant of an online workshop gets. Read-only views of <see cref="Workshop"/>'s
/// place columns, kept apart from the entity's transitions.
/// </summary>
public static class WorkshopPlaces
{
    /// <summary>The place's name in the language (fi/sv/en), falling back to Finnish; null while no place is known.</summary>
    public static string? PlaceFor(this Workshop workshop, string language) => workshop.Place is null ? null : language switch
    {
        "sv" when !string.IsNullOrWhiteSpace(workshop.PlaceSv) => workshop.PlaceSv,
        "en" when !string.IsNullOrWhiteSpace(workshop.PlaceEn) => workshop.PlaceEn,
        _ => workshop.Place,
    };

    /// <summary>
    /// The join link a registrant in <paramref name="status"/> attending by <paramref name="mode"/> (null: the format's mode)
    /// may see (email, personal page, personal .ics): only a confirmed registrant attending online (an online workshop, or
    /// online in a hybrid one); null for everyone else (on-site people and the waiting list included).
    /// </summary>
    public static string? JoinUrlFor(this Workshop workshop, RegistrationStatus status, AttendanceMode? mode = null) =>
        workshop.ModeFor(mode) == AttendanceMode.Online && status == RegistrationStatus.Confirmed ? TextRules.Blank(workshop.OnlineJoinUrl) : null;

    /// <summary>The join link <paramref name="registration"/> may see (<see cref="JoinUrlFor(Workshop, RegistrationStatus, AttendanceMode?)"/>, by its mode).</summary>
    public static string? JoinUrlFor(this Workshop workshop, Registration registration) =>
        workshop.JoinUrlFor(registration.Status, workshop.ModeOf(registration));

    /// <summary>
    /// Where one person attending by <paramref name="mode"/> goes, without the join link: <paramref name="onlineText"/> online,
    /// otherwise the place in <paramref name="language"/> or <paramref name="unknownText"/> (a hybrid workshop's on-site people
    /// see only the place).
    /// </summary>
    public static string? WhereFor(this Workshop workshop, AttendanceMode mode, string language, string onlineText, string? unknownText = null) =>
        mode == AttendanceMode.Online ? onlineText : TextRules.Blank(workshop.PlaceFor(language)) ?? unknownText;

    /// <summary>
    /// The "where" line everyone may see: <paramref name="onlineText"/> (the caller's "online" in the reader's language)
    /// for an online workshop, never its join link; otherwise the place in <paramref name="language"/> (fi/sv/en,
    /// Finnish when that name is not set), or <paramref name="unknownText"/> when not set; a hybrid workshop's both.
    /// </summary>
    public static string? PlaceOrOnline(this Workshop workshop, string language, string onlineText, string? unknownText = null) => workshop.Format switch
    {
        WorkshopFormat.Online => onlineText,
        WorkshopFormat.Hybrid => workshop.WhereFor(AttendanceMode.OnSite, language, onlineText, unknownText) is { } place ? $"{place} · {onlineText}" : onlineText,
        _ => workshop.WhereFor(AttendanceMode.OnSite, language, onlineText, unknownText),
    };
}
