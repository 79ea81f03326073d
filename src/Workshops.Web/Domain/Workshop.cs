namespace Workshops.Web.Domain;

/// <summary>What an organiser (or the seed file) sets on a workshop; the slug only when creating it: links in sent emails use it.</summary>
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

    /// <summary>Set when the organiser closed feedback on the method: no more answers, edits or requests.</summary>
    public DateTime? FeedbackClosedAtUtc { get; set; }

    public bool IsAllDay => StartTime is null;

    /// <summary>Walk-in events never turn anyone away, whatever the capacity says.</summary>
    public bool IsWalkIn => Format == WorkshopFormat.WalkIn || !RegistrationRequired;

    public bool AsksForNeeds => Format != WorkshopFormat.Online;

    /// <summary>
    /// Whether seats are counted, so that a cancellation passes a seat to the next person waiting (cancel texts say so
    /// only then): a capacity is set and the workshop is not walk-in.
    /// </summary>
    public bool HasSeatLimit => Capacity is not null && !IsWalkIn;

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
    /// A new, open workshop at <see cref="Sequence"/> 0 (its first calendar version).
    /// </summary>
    /// <param name="id">The permanent id and calendar UID; the seed file may fix it, otherwise a new GUID.</param>
    /// <param name="details">Everything an organiser sets; times are Europe/Helsinki wall-clock values.</param>
    /// <param name="nowUtc">The creation moment (UTC).</param>
    /// <exception cref="ArgumentException">An end time without a start time before it, or a negative capacity.</exception>
    public static Workshop Create(Guid id, WorkshopDetails details, DateTime nowUtc)
    {
        CheckTimes(details.StartTime, details.EndTime);
        var workshop = new Workshop
        {
            Id = id,
            Slug = details.Slug,
            Title = Copy(details.Title),
            Description = Copy(details.Description),
            Date = details.Date,
            StartTime = details.StartTime,
            EndTime = details.EndTime,
            Place = Blank(details.Place),
            OnlineJoinUrl = Blank(details.OnlineJoinUrl),
            Status = WorkshopStatus.Open,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        workshop.ChangeSettings(details, nowUtc);
        return workshop;
    }

    /// <summary>
    /// Format, audience, capacity, deadline, "registration required" and the place's Swedish and English names: no calendar update (Sequence stays),
    /// but more seats may let people in from the waiting list, which the caller does under the workshop lock.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    /// <exception cref="ArgumentException">A negative capacity.</exception>
    public bool ChangeSettings(WorkshopDetails details, DateTime nowUtc)
    {
        if (details.Capacity is < 0)
        {
            throw new ArgumentException("A capacity cannot be negative.", nameof(details));
        }

        var (placeSv, placeEn) = (Blank(details.PlaceSv), Blank(details.PlaceEn));
        if (details.Format == Format && details.Audience == Audience && details.Capacity == Capacity
            && details.RegistrationDeadline == RegistrationDeadline && details.RegistrationRequired == RegistrationRequired
            && placeSv == PlaceSv && placeEn == PlaceEn)
        {
            return false;
        }

        // The place's name in another language is a text: renaming "Rauma" to "Raumo" moves nobody, so no Sequence.
        (Format, Audience, Capacity, RegistrationDeadline, RegistrationRequired, PlaceSv, PlaceEn) =
            (details.Format, details.Audience, details.Capacity, details.RegistrationDeadline, details.RegistrationRequired, placeSv, placeEn);
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Opens or closes registration by the organiser's choice. A cancelled workshop stays cancelled.</summary>
    /// <returns>False when the workshop is cancelled.</returns>
    public bool SetRegistrationOpen(bool open, DateTime nowUtc)
    {
        if (Status == WorkshopStatus.Cancelled)
        {
            return false;
        }

        Status = open ? WorkshopStatus.Open : WorkshopStatus.Closed;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>The number of visitors counted at the door (null clears it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public void RecordHeadCount(int? headCount, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(headCount ?? 0, nameof(headCount));
        HeadCount = headCount;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Closes (or reopens) feedback on the method. A cancelled workshop takes no feedback.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool SetFeedbackOpen(bool open, DateTime nowUtc)
    {
        if (open == (FeedbackClosedAtUtc is null))
        {
            return false;
        }

        FeedbackClosedAtUtc = open ? null : nowUtc;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>
    /// The join link a registrant in <paramref name="status"/> may see (email, personal page, personal .ics):
    /// only a confirmed registrant of an online workshop; null for everyone else (the waiting list included).
    /// </summary>
    public string? JoinUrlFor(RegistrationStatus status) =>
        Format == WorkshopFormat.Online && status == RegistrationStatus.Confirmed ? Blank(OnlineJoinUrl) : null;

    /// <summary>
    /// The "where" line everyone may see: <paramref name="onlineText"/> (the caller's "online" in the reader's language)
    /// for an online workshop, never its join link; otherwise the place in <paramref name="language"/> (fi/sv/en,
    /// Finnish when that name is not set), or <paramref name="unknownText"/> when not set.
    /// </summary>
    public string? PlaceOrOnline(string language, string onlineText, string? unknownText = null) =>
        Format == WorkshopFormat.Online ? onlineText : Blank(PlaceFor(language)) ?? unknownText;

    /// <summary>
    /// Moves the workshop in time or space. Only a real change of date, time, place or join link raises
    /// <see cref="Sequence"/>, so calendar clients replace their entry instead of adding a second one.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool ChangeSchedule(DateOnly date, TimeOnly? start, TimeOnly? end, string? place, string? onlineJoinUrl, DateTime nowUtc)
    {
        CheckTimes(start, end);
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

        (Title, Description) = (Copy(title), Copy(description));
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

    private static void CheckTimes(TimeOnly? start, TimeOnly? end)
    {
        if (end is { } e && (start is not { } s || e <= s))
        {
            throw new ArgumentException("An end time needs a start time before it.", nameof(end));
        }
    }

    /// <summary>A new instance, so EF Core sees a changed complex property rather than a mutated one it may miss.</summary>
    private static LocalizedText Copy(LocalizedText text) => new() { Fi = text.Fi, Sv = text.Sv, En = text.En };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Same(LocalizedText a, LocalizedText b) => a.Fi == b.Fi && a.Sv == b.Sv && a.En == b.En;
}
