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
    /// <summary>Null means unlimited. For a hybrid workshop, the on-site seats (<see cref="Hybrid"/> has the online ones).</summary>
    public int? Capacity { get; set; }

    /// <summary>A hybrid workshop's online seats (<see cref="HybridSeats"/>, <see cref="AttendanceModes"/>).</summary>
    public HybridSeats Hybrid { get; private set; } = new();
    /// <summary>False for walk-in events: people may still register their interest.</summary>
    public bool RegistrationRequired { get; set; } = true;
    /// <summary>Local Helsinki time after which registration is closed; null = until the event starts.</summary>
    public DateTime? RegistrationDeadline { get; set; }
    public WorkshopStatus Status { get; set; }

    /// <summary>Raised whenever the time or place changes, so calendar clients update their entry.</summary>
    public int Sequence { get; set; }

    /// <summary>For walk-in events: how many people came, counted at the door (registrants or not).</summary>
    public int? HeadCount { get; set; }

    /// <summary>The venue codes' random key (<see cref="Infrastructure.CheckInCode"/>), never shown; null only for a workshop
    /// from before venue codes, until start-up fills it in (<see cref="Registrations.CheckInService.FillMissingKeysAsync"/>).</summary>
    public byte[]? CheckInKey { get; set; }

    /// <summary>The automatic reminder's switch (<see cref="ReminderSettings"/>).</summary>
    public ReminderSettings Reminders { get; private set; } = new();
    /// <summary>Whether a freed seat is offered for a time to answer or confirmed at once (<see cref="OfferSettings"/>).</summary>
    public OfferSettings Offers { get; private set; } = new();
    /// <summary>How many people one public form may register together (<see cref="GroupSettings"/>).</summary>
    public GroupSettings Groups { get; private set; } = new();

    /// <summary>For the funder: participant activity or open event, and how long its people's data is kept (<see cref="Domain.Funder.FunderReporting"/>).</summary>
    public Domain.Funder.FunderReporting Funder { get; private set; } = new();

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The ideas wall: on or off, public list, themes (<see cref="IdeasWallSettings"/>).</summary>
    public IdeasWallSettings IdeasWall { get; private set; } = new();
    /// <summary>The results: summary and whether published (<see cref="ResultsState"/>).</summary>
    public ResultsState Results { get; private set; } = new();
    /// <summary>Feedback on the method: open, or closed by the organiser (<see cref="FeedbackState"/>).</summary>
    public FeedbackState Feedback { get; private set; } = new();
    /// <summary>The accessibility block the organiser fills from a checklist, shown on the public page (<see cref="DescribeAccessibility"/>).</summary>
    public Domain.Accessibility.AccessibilityInfo Accessibility { get; private set; } = new();
    /// <summary>The organiser's words in the emails: practical information, the reason for a cancellation (<see cref="WorkshopTexts"/>).</summary>
    public WorkshopTexts Words { get; private set; } = new();

    /// <summary>When the workshop was made public; null while it is a draft (a copy not yet checked and published), which the public
    /// does not see at all: not in the programme, the feeds, or at its address. Only <see cref="Publish"/> sets it.</summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public bool IsDraft => PublishedAtUtc is null;

    /// <summary>A draft that has not been cancelled: only such a draft may be published (<see cref="Publish"/>).</summary>
    public bool CanBePublished => IsDraft && Status != WorkshopStatus.Cancelled;

    /// <summary>Walk-in events never turn anyone away, whatever the capacity says.</summary>
    public bool IsWalkIn => Format == WorkshopFormat.WalkIn || !RegistrationRequired;

    /// <summary>Whether seats are counted, so a cancel passes a seat on (cancel texts say so only then): a capacity of either
    /// mode (<see cref="AttendanceModes.CapacityFor"/>) is set and the workshop is not walk-in.</summary>
    public bool HasSeatLimit => this.Modes().Any(m => this.CapacityFor(m) is not null) && !IsWalkIn;

    /// <summary>
    /// A new, open, published workshop at <see cref="Sequence"/> 0 (its first calendar version). <paramref name="id"/> is
    /// the permanent id and calendar UID (the seed file may fix it); <paramref name="details"/> are Europe/Helsinki wall-clock
    /// values; <paramref name="nowUtc"/> is the creation moment (UTC).
    /// </summary>
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
        WorkshopLifecycle.CheckTimes(details.StartTime, details.EndTime);
        var workshop = new Workshop
        {
            Id = id,
            Slug = details.Slug,
            Title = details.Title.Copy(),
            Description = details.Description.Copy(),
            Date = details.Date,
            StartTime = details.StartTime,
            EndTime = details.EndTime,
            Place = TextRules.Blank(details.Place),
            OnlineJoinUrl = TextRules.Blank(details.OnlineJoinUrl),
            Status = WorkshopStatus.Open,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            CheckInKey = Infrastructure.CheckInCode.NewKey(),
        };
        workshop.ChangeSettings(details, nowUtc);
        if (details.Proposals is { } proposals)
        {
            workshop.ChangeProposalSettings(proposals, nowUtc);
        }

        return workshop;
    }

    /// <summary>
    /// Format, audience, capacities (on site and a hybrid workshop's online), deadline, "registration required", the place's
    /// sv/en names, reminders, offers, group size, the funder settings: no calendar update (Sequence stays), but more seats
    /// may let people in from the waiting list (the caller, under the lock).
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    /// <exception cref="ArgumentException">A negative capacity, offer hours outside 1–168 or a group size outside 1–20.</exception>
    public bool ChangeSettings(WorkshopDetails details, DateTime nowUtc)
    {
        if (details.Capacity is < 0)
        {
            throw new ArgumentException("A capacity cannot be negative.", nameof(details));
        }

        // Null offers, group size or funder settings (the seed file, older callers) keep what the workshop has.
        var settings = (details.Format, details.Audience, details.Capacity, details.RegistrationDeadline, details.RegistrationRequired,
            TextRules.Blank(details.PlaceSv), TextRules.Blank(details.PlaceEn), OfferSettings.Choose(details.Offers, Offers), GroupSettings.Choose(details.MaxGroupSize, Groups),
            HybridSeats.With(details.OnlineCapacity), details.Funder ?? Funder);
        if (settings == (Format, Audience, Capacity, RegistrationDeadline, RegistrationRequired, PlaceSv, PlaceEn, Offers, Groups, Hybrid, Funder)
            && details.RemindersEnabled == Reminders.Enabled)
        {
            return false;
        }

        // The place's name in another language is a text: renaming "Rauma" to "Raumo" moves nobody, so no Sequence.
        (Format, Audience, Capacity, RegistrationDeadline, RegistrationRequired, PlaceSv, PlaceEn, Offers, Groups, Hybrid, Funder) = settings;
        Reminders = new ReminderSettings { Enabled = details.RemindersEnabled };
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Switches the ideas wall on or off, its public list, and its themes (blank lines dropped, each trimmed).</summary>
    /// <returns>Whether anything changed.</returns>
    public bool ChangeProposalSettings(ProposalSettings settings, DateTime nowUtc) =>
        IdeasWallSettings.From(settings) is var wall && !wall.SameAs(IdeasWall) && Changed(() => IdeasWall = wall, nowUtc);

    /// <summary>
    /// Saves the results summary and whether the results page is public. Publishing waits for the start: results exist
    /// only once the workshop is under way or held (<see cref="WorkshopLifecycle.MayPublishResults"/> at <paramref name="nowUtc"/>).
    /// </summary>
    /// <returns>False (and nothing changed) when asked to publish before the start, while it is a draft (the results page
    /// and its links would lead to a workshop the public cannot open) or when it is cancelled.</returns>
    /// <remarks><paramref name="coverNote"/>: the note on the results email to outside recipients (null keeps the one saved).</remarks>
    public bool SaveResults(LocalizedText summary, bool publish, DateTime nowUtc, LocalizedText? coverNote = null) =>
        (!publish || WorkshopLifecycle.At(this, nowUtc).MayPublishResults) && Changed(() => Results = new ResultsState
        { Summary = summary.Trimmed(), Published = publish, CoverNote = WorkshopTexts.Clean(coverNote ?? Results.CoverNote) }, nowUtc);

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

        (PublishedAtUtc, UpdatedAtUtc) = (nowUtc, nowUtc);
        return true;
    }

    /// <summary>Opens or closes registration by the organiser's choice. A cancelled workshop stays cancelled.</summary>
    /// <returns>False when the workshop is cancelled.</returns>
    public bool SetRegistrationOpen(bool open, DateTime nowUtc) =>
        Status != WorkshopStatus.Cancelled && Changed(() => Status = open ? WorkshopStatus.Open : WorkshopStatus.Closed, nowUtc);

    /// <summary>The number of visitors counted at the door (null clears it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public void RecordHeadCount(int? headCount, DateTime nowUtc) =>
        Changed(() => HeadCount = headCount is >= 0 or null ? headCount : throw new ArgumentOutOfRangeException(nameof(headCount)), nowUtc);

    /// <summary>One more visitor at a walk-in event, counted in by themselves with the venue code. Not a change to the event:
    /// <see cref="UpdatedAtUtc"/> (the calendar's LAST-MODIFIED) stays.</summary>
    /// <exception cref="InvalidOperationException">Unless the event is walk-in.</exception>
    public void CountVisitor() => HeadCount = IsWalkIn ? (HeadCount ?? 0) + 1
        : throw new InvalidOperationException($"Workshop {Slug} is not a walk-in event: its visitors register.");

    /// <summary>Replaces the accessibility block as a whole (nothing said stays "not yet known"); whether anything changed.</summary>
    public bool DescribeAccessibility(Domain.Accessibility.AccessibilityInfo info, DateTime nowUtc) =>
        !info.SameAs(Accessibility) && Changed(() => Accessibility = info, nowUtc);

    /// <summary>Replaces the practical information of the emails (<see cref="WorkshopTexts.PracticalInfo"/>); whether anything changed.</summary>
    public bool ChangePracticalInfo(LocalizedText info, DateTime nowUtc) =>
        Words.WithPracticalInfo(info) is var words && !words.SameAs(Words) && Changed(() => Words = words, nowUtc);

    /// <summary>Closes (or reopens) feedback on the method. A cancelled workshop takes no feedback.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool SetFeedbackOpen(bool open, DateTime nowUtc) =>
        open != Feedback.IsOpen && Changed(() => Feedback = new FeedbackState { ClosedAtUtc = open ? null : nowUtc }, nowUtc);

    /// <summary>Moves the workshop in time or space. Only a real change of date, time, place or join link raises
    /// <see cref="Sequence"/>, so calendar clients replace their entry instead of adding a second one.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool ChangeSchedule(DateOnly date, TimeOnly? start, TimeOnly? end, string? place, string? onlineJoinUrl, DateTime nowUtc)
    {
        WorkshopLifecycle.CheckTimes(start, end);
        place = TextRules.Blank(place);
        onlineJoinUrl = TextRules.Blank(onlineJoinUrl);
        if (date == Date && start == StartTime && end == EndTime && place == Place && onlineJoinUrl == OnlineJoinUrl)
        {
            return false;
        }

        (Date, StartTime, EndTime, Place, OnlineJoinUrl) = (date, start, end, place, onlineJoinUrl);
        Sequence++;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>New titles or descriptions reach calendars at their next refresh (LAST-MODIFIED moves), but do not
    /// raise <see cref="Sequence"/>: a reworded text is not worth an update notice in people's inboxes.</summary>
    public bool ChangeTexts(LocalizedText title, LocalizedText description, DateTime nowUtc)
    {
        if (title.SameAs(Title) && description.SameAs(Description))
        {
            return false;
        }

        (Title, Description) = (title.Copy(), description.Copy());
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Cancels the whole workshop, keeping the organiser's <paramref name="reason"/> (null: none) for its emails;
    /// calendars then remove or strike out their entry. Cancelling twice changes nothing.</summary>
    /// <exception cref="InvalidOperationException">Once it has been held (<see cref="WorkshopLifecycle.MayBeCancelled"/>):
    /// people took part, and a cancellation would strike it from their calendars and the funder's report.</exception>
    public void Cancel(DateTime nowUtc, LocalizedText? reason = null)
    {
        if (Status == WorkshopStatus.Cancelled)
        {
            return;
        }

        if (!WorkshopLifecycle.At(this, nowUtc).MayBeCancelled)
        {
            throw new InvalidOperationException($"Workshop {Slug} has been held and cannot be cancelled.");
        }

        (Status, Words, UpdatedAtUtc) = (WorkshopStatus.Cancelled, Words.WithCancellationReason(reason ?? new LocalizedText()), nowUtc);
        Sequence++;
    }

    /// <summary>Applies a change decided by the caller (a complex type is replaced as a whole) and stamps the workshop; always true.</summary>
    private bool Changed(Action change, DateTime nowUtc)
    {
        change();
        UpdatedAtUtc = nowUtc;
        return true;
    }
}
