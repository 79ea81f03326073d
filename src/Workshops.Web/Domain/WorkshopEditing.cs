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
    bool RegistrationRequired);

/// <summary>
/// Field changes an organiser's edit makes to a workshop.
/// MERGE NOTE: <see cref="ApplySchedule"/> and <see cref="MarkCancelled"/> stand in for the calendar branch's
/// <c>Workshop.ChangeSchedule(...)</c> and <c>Workshop.Cancel(...)</c>; after merging, call those instead and delete these two.
/// </summary>
internal static class WorkshopEditing
{
    /// <summary>Sets time and place; raises <see cref="Workshop.Sequence"/> only when one of them changed. Returns whether it did.</summary>
    public static bool ApplySchedule(Workshop workshop, DateOnly date, TimeOnly? start, TimeOnly? end, string? place, string? onlineJoinUrl, DateTime nowUtc)
    {
        var changed = workshop.Date != date || workshop.StartTime != start || workshop.EndTime != end
            || workshop.Place != place || workshop.OnlineJoinUrl != onlineJoinUrl;
        workshop.Date = date;
        workshop.StartTime = start;
        workshop.EndTime = end;
        workshop.Place = place;
        workshop.OnlineJoinUrl = onlineJoinUrl;
        if (changed)
        {
            workshop.Sequence++;
            workshop.UpdatedAtUtc = nowUtc;
        }

        return changed;
    }

    public static void MarkCancelled(Workshop workshop, DateTime nowUtc)
    {
        workshop.Status = WorkshopStatus.Cancelled;
        workshop.Sequence++;
        workshop.UpdatedAtUtc = nowUtc;
    }

    /// <summary>Everything except the slug, time and place (those go through <see cref="ApplySchedule"/>).</summary>
    public static void ApplyTexts(Workshop workshop, WorkshopDetails details, DateTime nowUtc)
    {
        workshop.Title = Copy(details.Title);
        workshop.Description = Copy(details.Description);
        workshop.Format = details.Format;
        workshop.Audience = details.Audience;
        workshop.Capacity = details.Capacity;
        workshop.RegistrationDeadline = details.RegistrationDeadline;
        workshop.RegistrationRequired = details.RegistrationRequired;
        workshop.UpdatedAtUtc = nowUtc;
    }

    /// <summary>A new instance, so EF Core sees a changed complex property rather than a mutated one it may miss.</summary>
    private static LocalizedText Copy(LocalizedText text) => new() { Fi = text.Fi, Sv = text.Sv, En = text.En };
}
