using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Workshops;

/// <summary>
/// A workshop's life as one pure function of the workshop and the moment: its stages, the precise start and end in
/// Helsinki time, and what each stage allows (the table in docs/design.md). No database.
/// </summary>
[Trait("Kind", "Rules")]
public sealed class WorkshopLifecycleTests
{
    private static readonly DateOnly Day = new(2028, 5, 31); // summer time: UTC+3
    private static readonly DateTime Published = new(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Workshop Timed(TimeOnly? start = null, TimeOnly? end = null, bool publish = true)
    {
        var workshop = new Workshop { Slug = "w", Date = Day, StartTime = start, EndTime = end };
        if (publish)
        {
            workshop.Publish(Published);
        }

        return workshop;
    }

    private static Workshop ThirteenToSixteen() => Timed(new TimeOnly(13, 0), new TimeOnly(16, 0));

    private static WorkshopStage StageAt(Workshop workshop, int day, int hour, int minute = 0, int second = 0) =>
        LocalLife.At(workshop, new DateTime(2028, 5, day, hour, minute, second)).Stage;

    [Fact]
    public void ATimedWorkshopIsUpcomingUntilItsStartUnderWayUntilItsEndThenHeld()
    {
        var workshop = ThirteenToSixteen();

        Assert.Equal(WorkshopStage.Upcoming, StageAt(workshop, 31, 12, 59, 59));
        Assert.Equal(WorkshopStage.UnderWay, StageAt(workshop, 31, 13));
        Assert.Equal(WorkshopStage.UnderWay, StageAt(workshop, 31, 15, 59, 59));
        Assert.Equal(WorkshopStage.Held, StageAt(workshop, 31, 16));
        workshop.SaveResults(new LocalizedText { Fi = "Tulokset" }, publish: true, HelsinkiTime.ToUtc(new DateTime(2028, 5, 31, 17, 0, 0)));
        Assert.Equal(WorkshopStage.ResultsPublished, StageAt(workshop, 31, 17));
    }

    [Fact]
    public void RegistrationEndsAtTheDeadlineWhenItComesFirstOtherwiseAtTheStart()
    {
        var noDeadline = ThirteenToSixteen();
        var early = ThirteenToSixteen();
        early.RegistrationDeadline = new DateTime(2028, 5, 29, 12, 0, 0); // Helsinki, two days before
        var late = ThirteenToSixteen();
        late.RegistrationDeadline = new DateTime(2028, 5, 31, 15, 0, 0); // after the start: the start ends it
        var allDay = Timed();

        Assert.Equal(new DateTime(2028, 5, 31, 10, 0, 0, DateTimeKind.Utc), WorkshopLifecycle.RegistrationEndUtcOf(noDeadline));
        Assert.Equal(new DateTime(2028, 5, 29, 9, 0, 0, DateTimeKind.Utc), WorkshopLifecycle.RegistrationEndUtcOf(early));
        Assert.Equal(new DateTime(2028, 5, 31, 10, 0, 0, DateTimeKind.Utc), WorkshopLifecycle.RegistrationEndUtcOf(late));
        Assert.Equal(new DateTime(2028, 5, 30, 21, 0, 0, DateTimeKind.Utc), WorkshopLifecycle.RegistrationEndUtcOf(allDay)); // 00.00 of its day
    }

    [Fact]
    public void StartAndEndAreHelsinkiWallClockMomentsWhateverTheServersZone()
    {
        var life = WorkshopLifecycle.At(ThirteenToSixteen(), Published);

        Assert.Equal(new DateTime(2028, 5, 31, 13, 0, 0), life.LocalStart);
        Assert.Equal(new DateTime(2028, 5, 31, 16, 0, 0), life.LocalEnd);
        Assert.Equal(new DateTime(2028, 5, 31, 10, 0, 0, DateTimeKind.Utc), life.StartUtc);
        Assert.Equal(new DateTime(2028, 5, 31, 13, 0, 0, DateTimeKind.Utc), life.EndUtc);
        Assert.Equal(DateTimeKind.Utc, life.StartUtc.Kind);
        Assert.Equal(new DateTime(2027, 1, 1, 2, 0, 0), life.NowLocal); // winter time: UTC+2
    }

    [Fact]
    public void AWorkshopWithoutATimeRunsFromTheStartOfItsDayToTheStartOfTheNext()
    {
        var workshop = Timed();
        var life = WorkshopLifecycle.At(workshop, Published);

        Assert.Equal((new DateTime(2028, 5, 31, 0, 0, 0), new DateTime(2028, 6, 1, 0, 0, 0)), (life.LocalStart, life.LocalEnd));
        Assert.Equal(WorkshopStage.Upcoming, StageAt(workshop, 30, 23, 59, 59));
        Assert.Equal(WorkshopStage.UnderWay, StageAt(workshop, 31, 0));
        Assert.Equal(WorkshopStage.UnderWay, StageAt(workshop, 31, 23, 59, 59));
        Assert.Equal(WorkshopStage.Held, LocalLife.At(workshop, new DateTime(2028, 6, 1, 0, 0, 0)).Stage);
    }

    [Fact]
    public void AWorkshopWithAStartButNoEndEndsWhenItsDayEnds()
    {
        var workshop = Timed(new TimeOnly(13, 0));

        Assert.Equal(new DateTime(2028, 6, 1, 0, 0, 0), WorkshopLifecycle.LocalEndOf(workshop));
        Assert.Equal(WorkshopStage.UnderWay, StageAt(workshop, 31, 23, 0));
    }

    [Fact]
    public void AnEndTimeWithoutAStartTimeIsIgnoredAndTheDayCounts()
    {
        var workshop = new Workshop { Date = Day, EndTime = new TimeOnly(16, 0) }; // not possible through the entity, but read safely

        Assert.Equal(new DateTime(2028, 6, 1, 0, 0, 0), WorkshopLifecycle.LocalEndOf(workshop));
    }

    [Fact]
    public void AStartInTheHourSkippedBySummerTimeIsReadAsTheHourAfter()
    {
        var workshop = new Workshop { Date = new DateOnly(2029, 3, 25), StartTime = new TimeOnly(3, 30) };

        Assert.Equal(new DateTime(2029, 3, 25, 1, 30, 0, DateTimeKind.Utc), WorkshopLifecycle.StartUtcOf(workshop));
    }

    [Fact]
    public void ADraftIsADraftWhateverTheClockAndCancelledComesBeforeTime()
    {
        var draft = Timed(new TimeOnly(13, 0), new TimeOnly(16, 0), publish: false);
        var cancelled = ThirteenToSixteen();
        cancelled.Cancel(Published);
        var cancelledDraft = Timed(publish: false);
        cancelledDraft.Cancel(Published);

        Assert.Equal(WorkshopStage.Draft, StageAt(draft, 1, 12));
        Assert.Equal(WorkshopStage.Draft, StageAt(draft, 31, 14));
        Assert.Equal(WorkshopStage.Draft, LocalLife.At(draft, new DateTime(2028, 7, 1)).Stage);
        Assert.Equal(WorkshopStage.Cancelled, StageAt(cancelled, 1, 12));
        Assert.Equal(WorkshopStage.Cancelled, StageAt(cancelled, 31, 14));
        Assert.Equal(WorkshopStage.Draft, StageAt(cancelledDraft, 1, 12));
    }

    [Fact]
    public void HasStartedHasEndedAndTheDayFollowTheClockWhateverTheStage()
    {
        var cancelled = ThirteenToSixteen();
        cancelled.Cancel(Published);

        var before = LocalLife.At(cancelled, new DateTime(2028, 5, 30, 23, 59, 59));
        var dayStarts = LocalLife.At(cancelled, new DateTime(2028, 5, 31, 0, 0, 0));
        var starts = LocalLife.At(cancelled, new DateTime(2028, 5, 31, 13, 0, 0));
        var ends = LocalLife.At(cancelled, new DateTime(2028, 5, 31, 16, 0, 0));

        Assert.Equal((false, false, false), (before.DayHasCome, before.HasStarted, before.HasEnded));
        Assert.Equal((true, false, false), (dayStarts.DayHasCome, dayStarts.HasStarted, dayStarts.HasEnded));
        Assert.Equal((true, true, false), (starts.DayHasCome, starts.HasStarted, starts.HasEnded));
        Assert.Equal((true, true, true), (ends.DayHasCome, ends.HasStarted, ends.HasEnded));
        Assert.True(LocalLife.At(cancelled, new DateTime(2028, 6, 2)).DayHasCome);
    }

    [Fact]
    public void ThePastIsWhatHasEndedHeldOrCancelledButNeverADraft()
    {
        var held = ThirteenToSixteen();
        var cancelled = ThirteenToSixteen();
        cancelled.Cancel(Published);
        var draft = Timed(new TimeOnly(13, 0), new TimeOnly(16, 0), publish: false);
        var after = new DateTime(2028, 5, 31, 16, 0, 0);
        var during = new DateTime(2028, 5, 31, 15, 0, 0);

        Assert.True(LocalLife.At(held, after).IsPast);
        Assert.True(LocalLife.At(held, after).WasHeld);
        Assert.False(LocalLife.At(held, during).IsPast);
        Assert.True(LocalLife.At(cancelled, after).IsPast);
        Assert.False(LocalLife.At(cancelled, after).WasHeld);
        Assert.False(LocalLife.At(cancelled, during).IsPast);
        Assert.False(LocalLife.At(draft, after).IsPast);
    }

    [Fact]
    public void TimeToBeAnnouncedIsTrueOnlyWithoutATimeBeforeTheStartAndNotForACancelledWorkshop()
    {
        var untimed = Timed();
        var cancelled = Timed();
        cancelled.Cancel(Published);
        var before = new DateTime(2028, 5, 30, 12, 0, 0);

        Assert.True(LocalLife.At(untimed, before).TimeStillToBeAnnounced);
        Assert.True(LocalLife.At(Timed(publish: false), before).TimeStillToBeAnnounced); // a draft is still being planned
        Assert.False(LocalLife.At(untimed, new DateTime(2028, 5, 31, 0, 0, 0)).TimeStillToBeAnnounced);
        Assert.False(LocalLife.At(untimed, new DateTime(2028, 6, 2)).TimeStillToBeAnnounced);
        Assert.False(LocalLife.At(cancelled, before).TimeStillToBeAnnounced);
        Assert.False(LocalLife.At(ThirteenToSixteen(), before).TimeStillToBeAnnounced);
    }

    /// <summary>The table in docs/design.md: stage → change registrations, check in, remind, ask feedback, publish results, cancel the workshop.</summary>
    [Theory]
    [InlineData(WorkshopStage.Draft, false, false, false, false, false, true)]
    [InlineData(WorkshopStage.Upcoming, true, true, true, false, false, true)]
    [InlineData(WorkshopStage.UnderWay, false, true, false, false, true, true)]
    [InlineData(WorkshopStage.Held, false, true, false, true, true, false)]
    [InlineData(WorkshopStage.ResultsPublished, false, true, false, true, true, false)]
    [InlineData(WorkshopStage.Cancelled, false, false, false, false, false, false)]
    public void EachStageAllowsWhatTheTableSays(
        WorkshopStage stage, bool changeRegistrations, bool checkIn, bool remind, bool askFeedback, bool publishResults, bool cancelWorkshop)
    {
        var life = InStage(stage);

        Assert.Equal(stage, life.Stage);
        Assert.Equal(
            (changeRegistrations, checkIn, remind, askFeedback, publishResults, cancelWorkshop),
            (life.MayChangeRegistrations, life.MayCheckIn, life.MayRemind, life.MayAskFeedback, life.MayPublishResults, life.MayBeCancelled));
    }

    [Fact]
    public void NobodyCancelsAfterTheStartAndNobodyCancelsAnArrivalBefore()
    {
        var workshop = ThirteenToSixteen();
        var confirmed = new Registration { Status = RegistrationStatus.Confirmed };
        var arrived = new Registration { Status = RegistrationStatus.Confirmed, CheckedInAtUtc = Published };
        var before = LocalLife.At(workshop, new DateTime(2028, 5, 31, 12, 59, 0));
        var after = LocalLife.At(workshop, new DateTime(2028, 5, 31, 13, 0, 0));

        Assert.True(RegistrationPolicy.MayCancel(before, confirmed));
        Assert.False(RegistrationPolicy.MayCancel(before, arrived));
        Assert.False(RegistrationPolicy.MayCancel(after, confirmed));
        Assert.True(RegistrationPolicy.MayCorrect(before));
        Assert.False(RegistrationPolicy.MayCorrect(after));
        Assert.Throws<InvalidOperationException>(() => arrived.Cancel(Published));
    }

    [Fact]
    public void AHeldWorkshopCannotBeCancelledButOneUnderWayCan()
    {
        var held = ThirteenToSixteen();
        var underWay = ThirteenToSixteen();

        Assert.Throws<InvalidOperationException>(() => held.Cancel(HelsinkiTime.ToUtc(new DateTime(2028, 5, 31, 16, 0, 0))));
        Assert.Equal(WorkshopStatus.Open, held.Status);
        underWay.Cancel(HelsinkiTime.ToUtc(new DateTime(2028, 5, 31, 15, 0, 0)));
        Assert.Equal(WorkshopStatus.Cancelled, underWay.Status);
    }

    [Fact]
    public void TheReminderCountsFromTheStartAndTheFeedbackRequestFromTheEnd()
    {
        var life = WorkshopLifecycle.At(ThirteenToSixteen(), Published);

        Assert.Equal(new DateTime(2028, 5, 29, 10, 0, 0, DateTimeKind.Utc), life.ReminderFromUtc(48));
        Assert.Equal(new DateTime(2028, 5, 31, 18, 0, 0), life.FeedbackDueLocal(TimeSpan.FromHours(2)));
        Assert.Equal(new DateTime(2028, 6, 1, 2, 0, 0), WorkshopLifecycle.At(Timed(), Published).FeedbackDueLocal(TimeSpan.FromHours(2)));
    }

    [Fact]
    public void ResultsArePublishedOnlyFromTheStartAndNeverForADraft()
    {
        var workshop = ThirteenToSixteen();
        var draft = Timed(new TimeOnly(13, 0), new TimeOnly(16, 0), publish: false);
        var summary = new LocalizedText { Fi = "Tulokset" };

        Assert.False(workshop.SaveResults(summary, publish: true, HelsinkiTime.ToUtc(new DateTime(2028, 5, 31, 12, 59, 0))));
        Assert.True(workshop.SaveResults(summary, publish: true, HelsinkiTime.ToUtc(new DateTime(2028, 5, 31, 13, 0, 0))));
        Assert.False(draft.SaveResults(summary, publish: true, HelsinkiTime.ToUtc(new DateTime(2028, 6, 1))));
        Assert.True(draft.SaveResults(summary, publish: false, HelsinkiTime.ToUtc(new DateTime(2028, 6, 1))));
    }

    private static WorkshopLifecycle InStage(WorkshopStage stage)
    {
        var workshop = ThirteenToSixteen();
        var moment = new DateTime(2028, 5, 31, 14, 0, 0);
        switch (stage)
        {
            case WorkshopStage.Draft:
                return LocalLife.At(Timed(new TimeOnly(13, 0), new TimeOnly(16, 0), publish: false), moment);
            case WorkshopStage.Upcoming:
                return LocalLife.At(workshop, moment.AddDays(-1));
            case WorkshopStage.Held:
                return LocalLife.At(workshop, moment.AddDays(1));
            case WorkshopStage.ResultsPublished:
                workshop.SaveResults(new LocalizedText(), publish: true, HelsinkiTime.ToUtc(moment));
                return LocalLife.At(workshop, moment.AddDays(1));
            case WorkshopStage.Cancelled:
                workshop.Cancel(Published);
                return LocalLife.At(workshop, moment);
            default:
                return LocalLife.At(workshop, moment);
        }
    }
}
