using Microsoft.Extensions.Time.Testing;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Domain.Registrations;

/// <summary>
/// The one rule for "is self check-in open now" (<see cref="SelfCheckIn.When"/>), in Helsinki time, and the venue code
/// it is used with. No database.
/// </summary>
[Trait("Kind", "Rules")]
public sealed class SelfCheckInWindowTests
{
    private static Workshop Workshop(TimeOnly? start, TimeOnly? end, WorkshopFormat format = WorkshopFormat.InPerson) =>
        Web.Domain.Workshops.Workshop.Create(Guid.NewGuid(), new WorkshopDetails(
            "w", new LocalizedText { Fi = "Otsikko" }, new LocalizedText { Fi = "Kuvaus" }, new DateOnly(2028, 5, 31), start, end,
            format, Audience.OpenToAll, "Rauma", null, null, null, true), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>A clock at a Helsinki wall-clock time (summer time in May: UTC+3).</summary>
    private static FakeTimeProvider At(int day, int hour, int minute) =>
        new(new DateTimeOffset(2028, 5, day, hour, minute, 0, TimeSpan.FromHours(3)));

    [Theory]
    [InlineData(31, 13, 59, SelfCheckInWindow.NotYet)]
    [InlineData(31, 14, 0, SelfCheckInWindow.Open)]
    [InlineData(31, 15, 59, SelfCheckInWindow.Open)]
    [InlineData(31, 16, 0, SelfCheckInWindow.Over)]
    public void ATimedWorkshopIsOpenFromItsStartToItsEnd(int day, int hour, int minute, SelfCheckInWindow expected) =>
        Assert.Equal(expected, SelfCheckIn.When(Workshop(new(14, 0), new(16, 0)), At(day, hour, minute)).Window);

    [Theory]
    [InlineData(null, 30, 23, 59, SelfCheckInWindow.NotYet)]
    [InlineData(null, 31, 0, 0, SelfCheckInWindow.Open)]
    [InlineData(null, 31, 23, 59, SelfCheckInWindow.Open)]
    [InlineData(14, 31, 13, 59, SelfCheckInWindow.NotYet)]
    [InlineData(14, 31, 23, 59, SelfCheckInWindow.Open)]
    public void AllDayOrWithoutAnEndTimeItStaysOpenToTheEndOfThatDay(int? startHour, int day, int hour, int minute, SelfCheckInWindow expected)
    {
        var workshop = Workshop(startHour is { } h ? new TimeOnly(h, 0) : null, null);

        Assert.Equal(expected, SelfCheckIn.When(workshop, At(day, hour, minute)).Window);
        Assert.Equal(SelfCheckInWindow.Over, SelfCheckIn.When(workshop, new FakeTimeProvider(new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.FromHours(3)))).Window);
    }

    [Fact]
    public void ACancelledDraftOrOnlineWorkshopHasNoSelfCheckIn()
    {
        var cancelled = Workshop(new(14, 0), new(16, 0));
        cancelled.Cancel(DateTime.UtcNow);
        var draft = Web.Domain.Workshops.Workshop.CreateDraft(Guid.NewGuid(), new WorkshopDetails(
            "d", new LocalizedText { Fi = "Otsikko" }, new LocalizedText { Fi = "Kuvaus" }, new DateOnly(2028, 5, 31), new(14, 0), new(16, 0),
            WorkshopFormat.InPerson, Audience.OpenToAll, "Rauma", null, null, null, true), DateTime.UtcNow);
        var online = Workshop(new(14, 0), new(16, 0), WorkshopFormat.Online);

        Assert.All(new[] { cancelled, draft, online }, w => Assert.Equal(SelfCheckInWindow.Unavailable, SelfCheckIn.When(w, At(31, 15, 0)).Window));
    }

    [Fact]
    public void TheVenueCodeIsFourDigitsPerWorkshopAndAcceptedForTwoWindows()
    {
        var key = CheckInCode.NewKey();
        var at = new DateTimeOffset(2028, 5, 31, 11, 0, 0, TimeSpan.Zero);
        var code = CheckInCode.VenueCode(key, at);

        Assert.Matches("^[0-9]{4}$", code);
        Assert.True(CheckInCode.Accepts(key, code, at.AddMinutes(14)));
        Assert.True(CheckInCode.Accepts(key, code, at.AddMinutes(29))); // the previous window's code
        Assert.True(CheckInCode.Accepts(key, $" {code[..2]}-{code[2..]} ", at)); // spaces and a dash as typed
        Assert.False(CheckInCode.Accepts(key, code + "0", at));
        Assert.False(CheckInCode.Accepts(key, null, at));
        Assert.Equal(at.AddMinutes(15), CheckInCode.ChangesAt(at.AddMinutes(3)));
        // Another workshop's key gives other codes: over a day of windows, they almost never agree.
        var other = CheckInCode.NewKey();
        var agree = Enumerable.Range(0, 96).Count(i => CheckInCode.VenueCode(key, at.AddMinutes(15 * i)) == CheckInCode.VenueCode(other, at.AddMinutes(15 * i)));
        Assert.True(agree < 5, $"{agree} of 96 windows had the same code for two keys");
    }
}
