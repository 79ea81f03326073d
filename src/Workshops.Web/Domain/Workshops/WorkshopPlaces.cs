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
    /// The join link a registrant in <paramref name="status"/> may see (email, personal page, personal .ics):
    /// only a confirmed registrant of an online workshop; null for everyone else (the waiting list included).
    /// </summary>
    public static string? JoinUrlFor(this Workshop workshop, RegistrationStatus status) =>
        workshop.Format == WorkshopFormat.Online && status == RegistrationStatus.Confirmed ? TextRules.Blank(workshop.OnlineJoinUrl) : null;

    /// <summary>
    /// The "where" line everyone may see: <paramref name="onlineText"/> (the caller's "online" in the reader's language)
    /// for an online workshop, never its join link; otherwise the place in <paramref name="language"/> (fi/sv/en,
    /// Finnish when that name is not set), or <paramref name="unknownText"/> when not set.
    /// </summary>
    public static string? PlaceOrOnline(this Workshop workshop, string language, string onlineText, string? unknownText = null) =>
        workshop.Format == WorkshopFormat.Online ? onlineText : TextRules.Blank(workshop.PlaceFor(language)) ?? unknownText;
}
