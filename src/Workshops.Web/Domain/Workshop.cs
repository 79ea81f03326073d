namespace Workshops.Web.Domain;

/// <summary>
/// One workshop. <see cref="Id"/> never changes (it is also the calendar UID);
/// dates and times are Europe/Helsinki wall-clock values.
/// </summary>
public sealed class Workshop
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public DateOnly Date { get; set; }

    /// <summary>Null until an organiser sets a time: the event is then shown as all day.</summary>
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    /// <summary>The place in Finnish; moving it is a schedule change (<see cref="ChangeSchedule"/>).</summary>
    public string? Place { get; set; }

    /// <summary>The same place's name in Swedish and English ("Raumo"); null shows the Finnish name.</summary>
    public string? PlaceSv { get; set; }
    public string? PlaceEn { get; set; }

    /// <summary>Given only to registrants (email, their own page), never on a public page.</summary>
    public string? OnlineJoinUrl { get; set; }
    public WorkshopFormat Format { get; set; }
    public Audience Audience { get; set; }

    /// <summary>Null means unlimited.</summary>
    public int? Capacity { get; set; }

    /// <summary>False for walk-in events: people may still register their interest.</summary>
    public bool RegistrationRequired { get; set; } = true;

    /// <summary>Local Helsinki time after which registration is closed; null = until the event starts.</summary>
    public DateTime? RegistrationDeadline { get; set; }
    public WorkshopStatus Status { get; set; }

    /// <summary>Raised whenever the time or place changes, so calendar clients update their entry.</summary>
    public int Sequence { get; set; }

    /// <summary>For walk-in events: how many people came, counted at the door (registrants or not).</summary>
    public int? HeadCount { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public bool IsAllDay => StartTime is null;

    /// <summary>Walk-in events never turn anyone away, whatever the capacity says.</summary>
    public bool IsWalkIn => Format == WorkshopFormat.WalkIn || !RegistrationRequired;

    public bool AsksForNeeds => Format != WorkshopFormat.Online;

    /// <summary>The place's name in the language, falling back to Finnish; null while no place is known.</summary>
    public string? PlaceFor(string language) => Place is null ? null : language switch
    {
        "sv" when !string.IsNullOrWhiteSpace(PlaceSv) => PlaceSv,
        "en" when !string.IsNullOrWhiteSpace(PlaceEn) => PlaceEn,
        _ => Place,
    };

    /// <summary>The local moment the event starts: its start time, or the start of its day.</summary>
    public DateTime LocalStart => Date.ToDateTime(StartTime ?? TimeOnly.MinValue);

    /// <summary>
    /// Moves the workshop in time or space. Only a real change of date, time, place or join link raises
    /// <see cref="Sequence"/>, so calendar clients replace their entry instead of adding a second one.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool ChangeSchedule(DateOnly date, TimeOnly? start, TimeOnly? end, string? place, string? onlineJoinUrl, DateTime nowUtc)
    {
        if (end is { } e && (start is not { } s || e <= s))
        {
            throw new ArgumentException("An end time needs a start time before it.", nameof(end));
        }

        place = Blank(place);
        onlineJoinUrl = Blank(onlineJoinUrl);
        if (date == Date && start == StartTime && end == EndTime && place == Place && onlineJoinUrl == OnlineJoinUrl)
        {
            return false;
        }

        (Date, StartTime, EndTime, Place, OnlineJoinUrl) = (date, start, end, place, onlineJoinUrl);
        Sequence++;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>
    /// New titles or descriptions reach calendars at their next refresh (LAST-MODIFIED moves), but do not
    /// raise <see cref="Sequence"/>: a reworded text is not worth an update notice in people's inboxes.
    /// </summary>
    public bool ChangeTexts(LocalizedText title, LocalizedText description, DateTime nowUtc)
    {
        if (Same(title, Title) && Same(description, Description))
        {
            return false;
        }

        (Title, Description) = (title, description);
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Cancels the whole workshop; calendars then remove or strike out their entry. Cancelling twice changes nothing.</summary>
    public void Cancel(DateTime nowUtc)
    {
        if (Status == WorkshopStatus.Cancelled)
        {
            return;
        }

        Status = WorkshopStatus.Cancelled;
        Sequence++;
        UpdatedAtUtc = nowUtc;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Same(LocalizedText a, LocalizedText b) => a.Fi == b.Fi && a.Sv == b.Sv && a.En == b.En;
}
