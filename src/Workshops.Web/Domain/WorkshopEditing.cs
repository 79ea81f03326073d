namespace Workshops.Web.Domain;

/// <summary>What an organiser can set on a workshop (the slug only when creating it: links in sent emails use it).</summary>
public sealed record WorkshopDetails(
    string Slug,
    LocalizedText Title,
    LocalizedText Description,
    DateOnly Date,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    WorkshopFormat Format,
    Audience Audience,
    string? Place,
    string? OnlineJoinUrl,
    int? Capacity,
    DateTime? RegistrationDeadline,
    bool RegistrationRequired,
    string? PlaceSv = null,
    string? PlaceEn = null);

/// <summary>The non-schedule fields an organiser's edit sets (time and place go through <see cref="Workshop.ChangeSchedule"/>).</summary>
internal static class WorkshopEditing
{
    /// <summary>Everything except the slug, time and place (those go through <see cref="Workshop.ChangeSchedule"/>).</summary>
    public static void ApplyTexts(Workshop workshop, WorkshopDetails details, DateTime nowUtc)
    {
        workshop.Title = Copy(details.Title);
        workshop.Description = Copy(details.Description);
        workshop.Format = details.Format;
        workshop.Audience = details.Audience;
        workshop.Capacity = details.Capacity;
        workshop.RegistrationDeadline = details.RegistrationDeadline;
        workshop.RegistrationRequired = details.RegistrationRequired;
        // The place's name in another language is a text: renaming "Rauma" to "Raumo" moves nobody, so no Sequence.
        (workshop.PlaceSv, workshop.PlaceEn) = (Blank(details.PlaceSv), Blank(details.PlaceEn));
        workshop.UpdatedAtUtc = nowUtc;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A new instance, so EF Core sees a changed complex property rather than a mutated one it may miss.</summary>
    private static LocalizedText Copy(LocalizedText text) => new() { Fi = text.Fi, Sv = text.Sv, En = text.En };
}
