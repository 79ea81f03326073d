namespace Workshops.Web.Domain.Workshops;

/// <summary>Where a workshop is in its life (<see cref="WorkshopLifecycle.Stage"/>); see the table in docs/design.md.</summary>
public enum WorkshopStage
{
    /// <summary>An unpublished copy: the public does not see it, nothing is sent about it, nobody is added to it.</summary>
    Draft,

    /// <summary>Published and not yet started: registration open, full (waiting list) or closed (<see cref="Registrations.RegistrationRules.Evaluate"/>).</summary>
    Upcoming,

    /// <summary>Between the start and the end (<see cref="WorkshopLifecycle.LocalStart"/>, <see cref="WorkshopLifecycle.LocalEnd"/>).</summary>
    UnderWay,

    /// <summary>Ended, results not (yet) public.</summary>
    Held,

    /// <summary>Ended, and its results page is public.</summary>
    ResultsPublished,

    /// <summary>Cancelled by an organiser before it was held; it stays cancelled whatever the clock says.</summary>
    Cancelled,
}

/// <summary>
/// The one answer to "where is this workshop in its life, and what may happen now?": a pure function of the workshop and
/// the current moment (UTC, from <see cref="TimeProvider"/>). Pages, jobs, email templates, exports and reports ask it;
/// none compares dates and flags on its own. The stage × action table is in docs/design.md ("A workshop's life").
/// </summary>
/// <remarks>
/// Start and end are Europe/Helsinki wall-clock moments (<see cref="HelsinkiTime"/>): the start is
/// <see cref="Workshop.StartTime"/> on <see cref="Workshop.Date"/>, or the start of that day (00.00) when no time is
/// announced; the end is <see cref="Workshop.EndTime"/>, or the end of that day (00.00 the next day) when there is no end
/// time (a start time alone, or none).
/// </remarks>
public sealed class WorkshopLifecycle
{
    private WorkshopLifecycle(Workshop workshop, DateTime nowUtc)
    {
        Workshop = workshop;
        NowUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        StartUtc = StartUtcOf(workshop);
        EndUtc = EndUtcOf(workshop);
        Stage = workshop.IsDraft ? WorkshopStage.Draft
            : workshop.Status == WorkshopStatus.Cancelled ? WorkshopStage.Cancelled
            : NowUtc < StartUtc ? WorkshopStage.Upcoming
            : NowUtc < EndUtc ? WorkshopStage.UnderWay
            : workshop.Results.Published ? WorkshopStage.ResultsPublished
            : WorkshopStage.Held;
    }

    /// <summary>The workshop at the moment <paramref name="nowUtc"/> (UTC).</summary>
    public static WorkshopLifecycle At(Workshop workshop, DateTime nowUtc) => new(workshop, nowUtc);

    /// <summary>The workshop now, by <paramref name="time"/>.</summary>
    public static WorkshopLifecycle At(Workshop workshop, TimeProvider time) => new(workshop, time.GetUtcNow().UtcDateTime);

    public Workshop Workshop { get; }

    /// <summary>The moment asked about (UTC).</summary>
    public DateTime NowUtc { get; }

    /// <summary>The moment asked about as a Helsinki wall-clock time (compared with <see cref="Workshop.RegistrationDeadline"/>).</summary>
    public DateTime NowLocal => TimeZoneInfo.ConvertTimeFromUtc(NowUtc, HelsinkiTime.Zone);

    public WorkshopStage Stage { get; }

    /// <summary>The UTC moment the workshop starts (<see cref="LocalStart"/> in Europe/Helsinki).</summary>
    public DateTime StartUtc { get; }

    /// <summary>The UTC moment the workshop ends (<see cref="LocalEnd"/> in Europe/Helsinki).</summary>
    public DateTime EndUtc { get; }

    /// <summary>The start as a Helsinki wall-clock time: the start time on the date, or 00.00 of the date.</summary>
    public DateTime LocalStart => LocalStartOf(Workshop);

    /// <summary>The end as a Helsinki wall-clock time: the end time on the date, or 00.00 of the next day.</summary>
    public DateTime LocalEnd => LocalEndOf(Workshop);

    /// <summary>Whether the start has come (whatever the stage: a cancelled workshop's day passes too).</summary>
    public bool HasStarted => NowUtc >= StartUtc;

    /// <summary>Whether the end has come (whatever the stage).</summary>
    public bool HasEnded => NowUtc >= EndUtc;

    /// <summary>Whether the Helsinki day of the workshop has come (the walk-in feedback page opens then).</summary>
    public bool DayHasCome => DateOnly.FromDateTime(NowLocal) >= Workshop.Date;

    /// <summary>Held, with or without published results: it took place and is over.</summary>
    public bool WasHeld => Stage is WorkshopStage.Held or WorkshopStage.ResultsPublished;

    /// <summary>
    /// Whether the programme lists it among the past workshops: held, or cancelled and its time gone. Everything else
    /// (upcoming, under way, cancelled ahead of its day) is listed first.
    /// </summary>
    public bool IsPast => HasEnded && Stage is not WorkshopStage.Draft;

    /// <summary>
    /// Whether "time to be announced" is still true: no start time, and the workshop has neither started nor been
    /// cancelled. Once it has begun or been called off, the date alone is shown.
    /// </summary>
    public bool TimeStillToBeAnnounced => Workshop.StartTime is null && Stage is WorkshopStage.Draft or WorkshopStage.Upcoming;

    /// <summary>
    /// Whether a person may still change their own registration: cancel it, or correct their details and answers.
    /// Only while upcoming (until the start; an all-day workshop at the start of its day); after that the personal page
    /// shows what happened and gives the contact. An organiser's cancel follows the same rule.
    /// </summary>
    public bool MayChangeRegistrations => Stage == WorkshopStage.Upcoming;

    /// <summary>Whether an organiser may mark people arrived (or not): any published workshop not cancelled.</summary>
    public bool MayCheckIn => Stage is not (WorkshopStage.Draft or WorkshopStage.Cancelled);

    /// <summary>
    /// Whether a confirmed person may mark themselves arrived with the venue code (or a walk-in visitor count themselves
    /// in): only while under way, and never online, where there is no door.
    /// </summary>
    public bool MayCheckInBySelf => Stage == WorkshopStage.UnderWay && Workshop.Format != WorkshopFormat.Online;

    /// <summary>Whether reminders may go (automatic or by hand): only before the start.</summary>
    public bool MayRemind => Stage == WorkshopStage.Upcoming;

    /// <summary>Whether feedback may be asked for and given by participants: once the workshop has ended.</summary>
    public bool MayAskFeedback => WasHeld;

    /// <summary>Whether the results may be made public: from the start on (under way or held).</summary>
    public bool MayPublishResults => Stage is WorkshopStage.UnderWay or WorkshopStage.Held or WorkshopStage.ResultsPublished;

    /// <summary>Whether the whole workshop may be cancelled: not once it has been held (or already is cancelled).</summary>
    public bool MayBeCancelled => Stage is WorkshopStage.Draft or WorkshopStage.Upcoming or WorkshopStage.UnderWay;

    /// <summary>
    /// The UTC moment from which confirmed registrants are reminded: <paramref name="hoursBefore"/> hours before
    /// <see cref="StartUtc"/>.
    /// </summary>
    public DateTime ReminderFromUtc(int hoursBefore) => StartUtc.AddHours(-hoursBefore);

    /// <summary>The local Helsinki moment the automatic feedback request is due: <paramref name="delay"/> after the end.</summary>
    public DateTime FeedbackDueLocal(TimeSpan delay) => LocalEnd + delay;

    /// <inheritdoc cref="LocalStart"/>
    public static DateTime LocalStartOf(Workshop workshop) => LocalStartOf(workshop.Date, workshop.StartTime);

    /// <summary>The start of a workshop on <paramref name="date"/> at <paramref name="startTime"/> (or 00.00), before it exists (the editor's checks).</summary>
    public static DateTime LocalStartOf(DateOnly date, TimeOnly? startTime) => date.ToDateTime(startTime ?? TimeOnly.MinValue);

    /// <inheritdoc cref="LocalEnd"/>
    public static DateTime LocalEndOf(Workshop workshop) =>
        workshop.StartTime is not null && workshop.EndTime is { } end
            ? workshop.Date.ToDateTime(end)
            : workshop.Date.AddDays(1).ToDateTime(TimeOnly.MinValue);

    /// <inheritdoc cref="StartUtc"/>
    public static DateTime StartUtcOf(Workshop workshop) => HelsinkiTime.ToUtc(LocalStartOf(workshop));

    /// <summary>
    /// The UTC moment registration ends by the clock: the registration deadline (Europe/Helsinki wall-clock time) when it
    /// comes before the start, otherwise the start (<see cref="StartUtcOf"/>). The organiser's closing is a choice, not a
    /// moment, so it is not part of it.
    /// </summary>
    public static DateTime RegistrationEndUtcOf(Workshop workshop)
    {
        var start = StartUtcOf(workshop);
        return workshop.RegistrationDeadline is { } deadline && HelsinkiTime.ToUtc(deadline) < start ? HelsinkiTime.ToUtc(deadline) : start;
    }

    /// <inheritdoc cref="EndUtc"/>
    public static DateTime EndUtcOf(Workshop workshop) => HelsinkiTime.ToUtc(LocalEndOf(workshop));

    /// <summary>
    /// The rule that makes <see cref="LocalEndOf"/> an end: an end time needs a start time before it on the same day
    /// (Europe/Helsinki wall-clock times); no end time is always valid.
    /// </summary>
    /// <exception cref="ArgumentException">An end time without a start time, or not after it.</exception>
    public static void CheckTimes(TimeOnly? start, TimeOnly? end)
    {
        if (end is { } e && (start is not { } s || e <= s))
        {
            throw new ArgumentException("An end time needs a start time before it.", nameof(end));
        }
    }
}
