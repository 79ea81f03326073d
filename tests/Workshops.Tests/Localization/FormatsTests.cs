using Workshops.Web.Localization;

namespace Workshops.Tests.Localization;

public sealed class FormatsTests
{
    private static readonly DateOnly Wednesday = new(2028, 5, 31);

    [Theory]
    [InlineData("fi", "ke 31.5.2028 klo 9.00")]
    [InlineData("sv", "ons 31.5.2028 kl. 9.00")]
    [InlineData("en", "Wed 31 May 2028, 9:00")]
    public void DateAndTimeReadAsTheIssueWritesThem(string language, string expected) =>
        Assert.Equal(expected, Formats.When(Wednesday, new TimeOnly(9, 0), null, language));

    [Theory]
    [InlineData("fi", "ke 31.5.2028, aika tarkentuu")]
    [InlineData("sv", "ons 31.5.2028, tiden meddelas senare")]
    [InlineData("en", "Wed 31 May 2028, time to be announced")]
    public void AnUnknownTimeIsToBeAnnouncedAfterAComma(string language, string expected) =>
        Assert.Equal(expected, Formats.When(Wednesday, null, null, language));

    [Theory]
    [InlineData("fi", "ke 31.5.2028 klo 9.00–12.30")]
    [InlineData("sv", "ons 31.5.2028 kl. 9.00–12.30")]
    [InlineData("en", "Wed 31 May 2028, 9:00–12:30")]
    public void TimeRangeWritesTheEndTheSameWay(string language, string expected) =>
        Assert.Equal(expected, Formats.When(Wednesday, new TimeOnly(9, 0), new TimeOnly(12, 30), language));

    [Theory]
    [InlineData("fi", "ma 29.5.2028|ti 30.5.2028|ke 31.5.2028|to 1.6.2028|pe 2.6.2028|la 3.6.2028|su 4.6.2028")]
    [InlineData("sv", "mån 29.5.2028|tis 30.5.2028|ons 31.5.2028|tors 1.6.2028|fre 2.6.2028|lör 3.6.2028|sön 4.6.2028")]
    [InlineData("en", "Mon 29 May 2028|Tue 30 May 2028|Wed 31 May 2028|Thu 1 Jun 2028|Fri 2 Jun 2028|Sat 3 Jun 2028|Sun 4 Jun 2028")]
    public void EveryWeekdayIsAbbreviatedWithoutAFullStop(string language, string week)
    {
        var dates = Enumerable.Range(0, 7).Select(i => Formats.Date(new DateOnly(2028, 5, 29).AddDays(i), language));
        Assert.Equal(week, string.Join('|', dates));
    }

    [Theory]
    [InlineData("fi", "klo 14.05")]
    [InlineData("sv", "kl. 14.05")]
    [InlineData("en", "14:05")]
    public void AfternoonTimesUseTheTwentyFourHourClock(string language, string expected) =>
        Assert.Equal(expected, Formats.Time(new TimeOnly(14, 5), language));
}
