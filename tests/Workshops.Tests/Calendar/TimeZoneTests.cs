using System.Globalization;
using System.Text.RegularExpressions;

namespace Workshops.Tests.Calendar;

/// <summary>Helsinki wall-clock times and the VTIMEZONE that lets calendar clients convert them.</summary>
[Trait("Kind", "Rules")]
public sealed class TimeZoneTests
{
    [Fact]
    public void TimedEventIsHelsinkiWallClockWithAFullMatchingTimeZone()
    {
        var text = Ics.Service().Publish([Ics.Workshop(start: new(9, 0), end: new(12, 30))], "fi");

        Assert.Equal("DTSTART;TZID=Europe/Helsinki:20280531T090000", Ics.Property(text, "DTSTART"));
        Assert.Equal("DTEND;TZID=Europe/Helsinki:20280531T123000", Ics.Property(text, "DTEND"));
        var zone = Assert.Single(Ics.Parse(text).TimeZones);
        Assert.Equal("Europe/Helsinki", zone.TzId);
        Assert.Equal(["DAYLIGHT", "STANDARD"], zone.TimeZoneInfos.Select(i => i.Name).Order());
    }

    [Fact]
    public void NineOClockIsSevenUtcBeforeTheSpringDstChangeAndSixUtcAfter()
    {
        // EU summer time 2028 starts on Sunday 26 March at 03:00 local (EET +02:00 → EEST +03:00).
        var before = Ics.Workshop(date: new(2028, 3, 24), start: new(9, 0), end: new(11, 0));
        var after = Ics.Workshop(date: new(2028, 3, 28), start: new(9, 0), end: new(11, 0));
        after.Id = Guid.NewGuid();

        var text = Ics.Service().Publish([before, after], "fi");

        var events = Ics.Parse(text).Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal(new DateTime(2028, 3, 24, 7, 0, 0), events[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2028, 3, 28, 6, 0, 0), events[1].DtStart!.AsUtc);
        // The same from the file's own VTIMEZONE rules, read without Ical.Net: what a calendar client does.
        Assert.Equal(TimeSpan.FromHours(2), OffsetFromVTimeZone(text, new DateTime(2028, 3, 24, 9, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(3), OffsetFromVTimeZone(text, new DateTime(2028, 3, 28, 9, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(3), OffsetFromVTimeZone(text, new DateTime(2028, 10, 27, 9, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(2), OffsetFromVTimeZone(text, new DateTime(2028, 10, 30, 9, 0, 0)));
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("sv-FI")]
    [InlineData("en-GB")]
    public void FilesAreTheSameWhateverTheRequestsCulture(string culture)
    {
        // Finnish and Swedish write minus as U+2212; Ical.Net formats BYDAY=-1SU with the current culture.
        var workshop = Ics.Workshop(start: new(9, 0), end: new(12, 0));
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => Ics.Service().Publish([workshop], "fi"));

        var text = WithCulture(CultureInfo.GetCultureInfo(culture), () => Ics.Service().Publish([workshop], "fi"));

        Assert.Equal(invariant, text);
        Assert.Contains("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n", text);
        Assert.DoesNotContain('\u2212', text);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    /// <summary>
    /// The UTC offset at a local time according to the file's VTIMEZONE alone: each STANDARD/DAYLIGHT rule
    /// (yearly, last Sunday of BYMONTH at DTSTART's time) starts its TZOFFSETTO; the latest one before wins.
    /// </summary>
    private static TimeSpan OffsetFromVTimeZone(string text, DateTime local)
    {
        var zone = Regex.Match(Ics.Unfold(text), "BEGIN:VTIMEZONE\r\n(.*?)END:VTIMEZONE", RegexOptions.Singleline).Groups[1].Value;
        var rules = Regex.Matches(zone, "BEGIN:(STANDARD|DAYLIGHT)\r\n(.*?)END:\\1", RegexOptions.Singleline)
            .Select(m => m.Groups[2].Value)
            .Select(body =>
            {
                string Field(string name) => Regex.Match(body, $"^{name}:(.*)$", RegexOptions.Multiline).Groups[1].Value.TrimEnd('\r');
                var rrule = Field("RRULE");
                Assert.Contains("FREQ=YEARLY", rrule);
                Assert.Contains("BYDAY=-1SU", rrule);
                var month = int.Parse(Regex.Match(rrule, "BYMONTH=(\\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
                var at = TimeOnly.ParseExact(Field("DTSTART")[9..], "HHmmss", CultureInfo.InvariantCulture);
                var to = TimeSpan.ParseExact(Field("TZOFFSETTO")[1..], "hhmm", CultureInfo.InvariantCulture);
                return (Month: month, At: at, To: to);
            })
            .ToList();
        Assert.Equal(2, rules.Count);

        DateTime Transition((int Month, TimeOnly At, TimeSpan To) rule, int year)
        {
            var last = new DateOnly(year, rule.Month, DateTime.DaysInMonth(year, rule.Month));
            return last.AddDays(-(int)last.DayOfWeek).ToDateTime(rule.At);
        }

        return rules
            .SelectMany(r => new[] { (When: Transition(r, local.Year - 1), r.To), (When: Transition(r, local.Year), r.To) })
            .Where(t => t.When <= local)
            .MaxBy(t => t.When)
            .To;
    }
}
