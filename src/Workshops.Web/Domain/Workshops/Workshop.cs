using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Results;

namespace Workshops.Web.Domain.Workshops;

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

    /// <summary>The automatic reminder's switch (<see cref="ReminderSettings"/>).</summary>
    public ReminderSettings Reminders { get; private set; } = new();

    /// <summary>Whether a freed seat is offered for a time to answer or confirmed at once (<see cref="OfferSettings"/>).</summary>
    public OfferSettings Offers { get; private set; } = new();

    /// <summary>How many people one public form may register together (<see cref="GroupSettings"/>).</summary>
    public GroupSettings Groups { get; private set; } = new();

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The ideas wall: on or off, public list, themes (<see cref="IdeasWallSettings"/>).</summary>
    public IdeasWallSettings IdeasWall { get; private set; } = new();

    /// <summary>The results: summary and whether published (<see cref="ResultsState"/>).</summary>
    public ResultsState Results { get; private set; } = new();

    /// <summary>Feedback on the method: open, or closed by the organiser (<see cref="FeedbackState"/>).</summary>
    public FeedbackState Feedback { get; private set; } = new();

    /// <summary>
    /// When the workshop was made public; null while it is a draft (a copy not yet checked and published), which the
    /// public does not see at all: not in the programme, the feeds, or at its address. Only <see cref="Publish"/> sets it.
    /// </summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public bool IsDraft => PublishedAtUtc is null;

    /// <summary>A draft that has not been cancelled: only such a draft may be published (<see cref="Publish"/>).</summary>
    public bool CanBePublished => IsDraft && Status != WorkshopStatus.Cancelled;

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
    /// The UTC moment from which confirmed registrants are reminded: <paramref name="hoursBefore"/> hours before
    /// <see cref="LocalStart"/> (Europe/Helsinki; an all-day or time-to-be-announced event counts from the start of its day).
    /// </summary>
    public DateTime ReminderFromUtc(int hoursBefore) =>
        HelsinkiTime.ToUtc(LocalStart).AddHours(-hoursBefore);

    /// <summary>The UTC moment the event starts (<see cref="LocalStart"/> in Europe/Helsinki).</summary>
    public DateTime StartUtc => ReminderFromUtc(0);

    /// <summary>
    /// A new, open, published workshop at <see cref="Sequence"/> 0 (its first calendar version).
    /// </summary>
    /// <param name="id">The permanent id and calendar UID; the seed file may fix it, otherwise a new GUID.</param>
    /// <param name="details">Everything an organiser sets; times are Europe/Helsinki wall-clock values.</param>
    /// <param name="nowUtc">The creation moment (UTC).</param>
    /// <exception cref="ArgumentException">An end time without a start time before it, or a negative capacity.</exception>
    public static Workshop Create(Guid id, WorkshopDetails details, DateTime nowUtc)
    {
        var workshop = CreateDraft(id, details, nowUtc);
        workshop.Publish(nowUtc);
        return workshop;
    }

    /// <summary>A new workshop as <see cref="Create"/> makes it, but a draft the public does not see until <see cref="Publish"/>.</summary>
    /// <exception cref="ArgumentException">An end time without a start time before it, or a negative capacity.</exception>
    public static Workshop CreateDraft(Guid id, WorkshopDetails details, DateTime nowUtc)
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
        if (details.Proposals is { } proposals)
        {
            workshop.ChangeProposalSettings(proposals, nowUtc);
        }

        return workshop;
    }

    /// <summary>
    /// Format, audience, capacity, deadline, "registration required" and the place's Swedish and English names: no calendar update (Sequence stays),
    /// but more seats may let people in from the waiting list, which the caller does under the workshop lock.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    /// <exception cref="ArgumentException">A negative capacity, offer hours outside 1–168 or a group size outside 1–20.</exception>
    public bool ChangeSettings(WorkshopDetails details, DateTime nowUtc)
    {
        if (details.Capacity is < 0 || details.Offers?.Hours is < 1 or > OfferSettings.MaxHours || details.MaxGroupSize is < 1 or > GroupSettings.Limit)
        {
            throw new ArgumentException("A negative capacity, or offer hours or a group size out of range.", nameof(details));
        }

        // Null settings (the seed file, older callers) keep what the workshop has.
        var offers = details.Offers is { } o ? new OfferSettings { Enabled = o.Enabled, Hours = o.Hours } : Offers;
        var groups = new GroupSettings { MaxPeople = details.MaxGroupSize ?? Groups.MaxPeople };
        var (placeSv, placeEn) = (Blank(details.PlaceSv), Blank(details.PlaceEn));
        if (details.Format == Format && details.Audience == Audience && details.Capacity == Capacity
            && details.RegistrationDeadline == RegistrationDeadline && details.RegistrationRequired == RegistrationRequired
            && placeSv == PlaceSv && placeEn == PlaceEn && details.RemindersEnabled == Reminders.Enabled
            && offers.SameAs(Offers) && groups.MaxPeople == Groups.MaxPeople)
        {
            return false;
        }

        (Offers, Groups) = (offers, groups);

        // The place's name in another language is a text: renaming "Rauma" to "Raumo" moves nobody, so no Sequence.
        (Format, Audience, Capacity, RegistrationDeadline, RegistrationRequired, PlaceSv, PlaceEn) =
            (details.Format, details.Audience, details.Capacity, details.RegistrationDeadline, details.RegistrationRequired, placeSv, placeEn);
        Reminders = new ReminderSettings { Enabled = details.RemindersEnabled };
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Switches the ideas wall on or off, its public list, and its themes (blank lines dropped, each trimmed).</summary>
    /// <returns>Whether anything changed.</returns>
    public bool ChangeProposalSettings(ProposalSettings settings, DateTime nowUtc)
    {
        var wall = IdeasWallSettings.From(settings);
        if (wall.SameAs(IdeasWall))
        {
            return false;
        }

        IdeasWall = wall;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>
    /// Saves the results summary and whether the results page is public. Publishing waits for the event: results exist
    /// only once the workshop has been held (<paramref name="today"/> is the Helsinki date).
    /// </summary>
    /// <returns>False (and nothing changed) when asked to publish before the workshop's day, or while it is a draft
    /// (the results page and its links would lead to a workshop the public cannot open).</returns>
    public bool SaveResults(LocalizedText summary, bool publish, DateOnly today, DateTime nowUtc)
    {
        if (publish && (today < Date || IsDraft))
        {
            return false;
        }

        Results = new ResultsState { Summary = new LocalizedText { Fi = summary.Fi.Trim(), Sv = summary.Sv.Trim(), En = summary.En.Trim() }, Published = publish };
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>
    /// Makes a draft public: from now on it is in the programme, the feeds and at its address. There is no way back to a
    /// draft (people may have seen, subscribed to or registered for it); a published workshop is cancelled instead.
    /// </summary>
    /// <returns>False (and nothing changed) when it is already published.</returns>
    /// <exception cref="InvalidOperationException">When the draft was cancelled: published, it would show the public
    /// "cancelled" on the source's title and date, read as the real workshop cancelled (check <see cref="CanBePublished"/>).</exception>
    public bool Publish(DateTime nowUtc)
    {
        if (!IsDraft)
        {
            return false;
        }

        if (!CanBePublished)
        {
            throw new InvalidOperationException("A cancelled draft cannot be published: copy the workshop again.");
        }

        PublishedAtUtc = nowUtc;
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
        if (open == Feedback.IsOpen)
        {
            return false;
        }

        Feedback = new FeedbackState { ClosedAtUtc = open ? null : nowUtc };
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
