using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Registrations;

[Trait("Kind", "Rules")]
public sealed class RegistrationRulesTests
{
    private static readonly DateOnly EventDay = new(2028, 5, 31);

    /// <summary>A published workshop (a draft is closed to everyone: <see cref="ADraftIsClosedToEveryoneUntilPublished"/>).</summary>
    private static Workshop Workshop(int? capacity = 10, WorkshopFormat format = WorkshopFormat.InPerson, TimeOnly? start = null)
    {
        var workshop = new Workshop
        {
            Slug = "w",
            Date = EventDay,
            StartTime = start,
            Capacity = capacity,
            Format = format,
            RegistrationRequired = format != WorkshopFormat.WalkIn,
        };
        workshop.Publish(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return workshop;
    }

    [Fact]
    public void ADraftIsClosedToEveryoneUntilPublished()
    {
        var draft = new Workshop { Slug = "w", Date = EventDay };
        var before = EventDay.AddDays(-7).ToDateTime(new TimeOnly(12, 0));

        Assert.Equal(ClosedReason.Draft, RegistrationRules.WhyClosed(LocalLife.At(draft, before), RegistrationPolicy.Public));
        Assert.Equal(ClosedReason.Draft, RegistrationRules.WhyClosed(LocalLife.At(draft, before), RegistrationPolicy.Organiser));
        draft.Publish(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(ClosedReason.None, RegistrationRules.WhyClosed(LocalLife.At(draft, before), RegistrationPolicy.Public));
    }

    [Theory]
    [InlineData(0, RegistrationStatus.Confirmed)]
    [InlineData(9, RegistrationStatus.Confirmed)]
    [InlineData(10, RegistrationStatus.Waitlisted)]
    [InlineData(12, RegistrationStatus.Waitlisted)]
    public void NewcomerGetsSeatUntilCapacityThenWaitingList(int confirmed, RegistrationStatus expected) =>
        Assert.Equal(expected, RegistrationRules.StatusForNewcomer(Workshop(capacity: 10), confirmed));

    [Fact]
    public void UnlimitedWorkshopAlwaysConfirms() =>
        Assert.Equal(RegistrationStatus.Confirmed, RegistrationRules.StatusForNewcomer(Workshop(capacity: null), 10_000));

    [Fact]
    public void WalkInNeverTurnsAnyoneAwayEvenWithACapacity()
    {
        var walkIn = Workshop(capacity: 1, format: WorkshopFormat.WalkIn);

        Assert.Equal(RegistrationStatus.Confirmed, RegistrationRules.StatusForNewcomer(walkIn, 50));
        var availability = RegistrationRules.Evaluate(LocalLife.At(walkIn, new DateTime(2028, 1, 1)), 50);
        Assert.True(availability.IsWalkIn);
        Assert.False(availability.IsFull);
        Assert.Null(availability.SeatsLeft);
    }

    [Fact]
    public void SeatsLeftCountsDownAndNeverGoesNegative()
    {
        var now = new DateTime(2028, 1, 1);
        Assert.Equal(3, RegistrationRules.Evaluate(LocalLife.At(Workshop(capacity: 10), now), 7).SeatsLeft);
        Assert.True(RegistrationRules.Evaluate(LocalLife.At(Workshop(capacity: 10), now), 10).IsFull);
        Assert.Equal(0, RegistrationRules.Evaluate(LocalLife.At(Workshop(capacity: 10), now), 11).SeatsLeft);
    }

    [Fact]
    public void AnAllDayWorkshopClosesAtTheStartOfItsDayAndTakesNobodyAfterItsDay()
    {
        var workshop = Workshop();
        Assert.Equal(ClosedReason.None, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 5, 30, 23, 59, 59))));
        Assert.Equal(ClosedReason.EventStarted, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 5, 31, 0, 0, 0))));
        Assert.Equal(ClosedReason.None, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 5, 31, 23, 59, 0)), RegistrationPolicy.Organiser));
        Assert.Equal(ClosedReason.EventEnded, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 6, 1, 0, 0, 0)), RegistrationPolicy.Organiser));
    }

    [Fact]
    public void TimedWorkshopClosesWhenItStarts()
    {
        var workshop = Workshop(start: new TimeOnly(9, 0));
        Assert.Equal(ClosedReason.None, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 5, 31, 8, 59, 59))));
        Assert.Equal(ClosedReason.EventStarted, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 5, 31, 9, 0, 0))));
    }

    [Fact]
    public void DeadlineClosesRegistrationAtThatMoment()
    {
        var workshop = Workshop();
        workshop.RegistrationDeadline = new DateTime(2028, 5, 24, 16, 0, 0);
        Assert.Equal(ClosedReason.None, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 5, 24, 15, 59, 0))));
        Assert.Equal(ClosedReason.DeadlinePassed, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 5, 24, 16, 0, 0))));
    }

    [Theory]
    [InlineData(WorkshopStatus.Closed, ClosedReason.ClosedByOrganiser)]
    [InlineData(WorkshopStatus.Cancelled, ClosedReason.Cancelled)]
    [InlineData(WorkshopStatus.Open, ClosedReason.None)]
    public void OrganiserStatusDecidesBeforeDates(WorkshopStatus status, ClosedReason expected)
    {
        var workshop = Workshop();
        workshop.Status = status;
        Assert.Equal(expected, RegistrationRules.WhyClosed(LocalLife.At(workshop, new DateTime(2028, 1, 1))));
    }

    [Fact]
    public void WaitingListPositionFollowsArrivalOrder()
    {
        int[] waitlisted = [4, 9, 15];
        Assert.Equal(1, RegistrationRules.WaitingListPosition(waitlisted, 4));
        Assert.Equal(2, RegistrationRules.WaitingListPosition(waitlisted, 9));
        Assert.Equal(3, RegistrationRules.WaitingListPosition(waitlisted, 15));
    }

    [Fact]
    public void HelsinkiTimeIsIndependentOfTheServersZone()
    {
        // 21:30 UTC on 30 May is already 31 May 00:30 in Helsinki (UTC+3 in summer): the all-day workshop has started.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2028, 5, 30, 21, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateTime(2028, 5, 31, 0, 30, 0), HelsinkiTime.Now(clock));
        Assert.Equal(ClosedReason.EventStarted, RegistrationRules.WhyClosed(WorkshopLifecycle.At(Workshop(), clock)));
        Assert.Equal(ClosedReason.None, RegistrationRules.WhyClosed(WorkshopLifecycle.At(Workshop(), clock.GetUtcNow().UtcDateTime.AddHours(-1))));
    }
}
