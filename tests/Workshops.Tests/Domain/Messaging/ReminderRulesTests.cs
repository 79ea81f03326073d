using Workshops.Web.Domain;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Messaging;

/// <summary>When a workshop's reminder is due: hours before its Helsinki start, until the start; never when off or cancelled.</summary>
[Trait("Kind", "Rules")]
public sealed class ReminderRulesTests
{
    /// <summary>A published workshop (a draft is never reminded about).</summary>
    private static Workshop At(int year, int month, int day, int? hour = null, int minute = 0)
    {
        var workshop = new Workshop { Date = new DateOnly(year, month, day), StartTime = hour is { } h ? new TimeOnly(h, minute) : null };
        workshop.Publish(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return workshop;
    }

    [Fact]
    public void ATimedWorkshopIsRemindedFromFortyEightHoursBeforeItsHelsinkiStartUntilTheStart()
    {
        var workshop = At(2028, 9, 5, 13); // 13.00 EEST = 10.00 UTC
        var from = new DateTime(2028, 9, 3, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(from, WorkshopLifecycle.At(workshop, from).ReminderFromUtc(48));
        Assert.False(EventReminders.IsDue(workshop, from.AddSeconds(-1), 48));
        Assert.True(EventReminders.IsDue(workshop, from, 48));
        Assert.True(EventReminders.IsDue(workshop, from.AddHours(47), 48));
        Assert.False(EventReminders.IsDue(workshop, from.AddHours(48), 48)); // started: too late to remind
    }

    [Fact]
    public void AnAllDayWorkshopCountsFromTheStartOfItsDayInWinterTimeToo()
    {
        var workshop = At(2028, 12, 1); // 00.00 EET = 30.11. 22.00 UTC
        Assert.Equal(new DateTime(2028, 11, 28, 22, 0, 0, DateTimeKind.Utc), WorkshopLifecycle.At(workshop, DateTime.UnixEpoch).ReminderFromUtc(48));
    }

    [Fact]
    public void AStartInTheHourSkippedBySummerTimeIsReadAsTheHourAfter()
    {
        var workshop = At(2029, 3, 25, 3, 30); // 03.00–03.59 does not exist that night in Helsinki
        Assert.Equal(new DateTime(2029, 3, 25, 1, 30, 0, DateTimeKind.Utc), WorkshopLifecycle.StartUtcOf(workshop));
    }

    [Fact]
    public void NoReminderIsDueWhenSwitchedOffCancelledOrADraft()
    {
        var now = new DateTime(2028, 9, 4, 10, 0, 0, DateTimeKind.Utc);
        var off = At(2028, 9, 5, 13);
        off.Reminders.Enabled = false;
        var cancelled = At(2028, 9, 5, 13);
        cancelled.Cancel(now);

        Assert.True(EventReminders.IsDue(At(2028, 9, 5, 13), now, 48));
        Assert.False(EventReminders.IsDue(off, now, 48));
        Assert.False(EventReminders.IsDue(cancelled, now, 48));
        Assert.False(EventReminders.IsDue(new Workshop { Date = new DateOnly(2028, 9, 5), StartTime = new TimeOnly(13, 0) }, now, 48));
    }

    [Fact]
    public void AReminderCountsOnlyForTheScheduleItWasSentFor()
    {
        var sent = new DateTime(2028, 9, 3, 10, 0, 0, DateTimeKind.Utc);
        var person = new Registration { Id = 1, Status = RegistrationStatus.Confirmed };
        Assert.True(person.AwaitsReminder(0));

        person.MarkReminded(sent, 0);

        Assert.False(person.AwaitsReminder(0));
        Assert.Throws<InvalidOperationException>(() => person.MarkReminded(sent.AddMinutes(10), 0)); // never twice for one schedule
        Assert.True(person.AwaitsReminder(1)); // postponed or moved: the reminder named the old date or place
        person.MarkReminded(sent.AddDays(14), 1);
        Assert.Equal((sent.AddDays(14), 1), (person.ReminderSentAtUtc, person.ReminderSequence));
        Assert.False(person.AwaitsReminder(1));
    }

    [Fact]
    public void AReminderSentBeforeSchedulesWereRecordedCountsForTheCurrentOneAndTheWaitingAreNeverReminded()
    {
        var sent = new DateTime(2028, 9, 3, 10, 0, 0, DateTimeKind.Utc);

        Assert.False(new Registration { Status = RegistrationStatus.Confirmed, ReminderSentAtUtc = sent }.AwaitsReminder(3));
        Assert.False(new Registration { Status = RegistrationStatus.Waitlisted }.AwaitsReminder(0));
        Assert.False(new Registration { Status = RegistrationStatus.Confirmed, ErasedAtUtc = sent }.AwaitsReminder(0));
    }
}
