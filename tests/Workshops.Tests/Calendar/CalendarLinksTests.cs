using Microsoft.AspNetCore.WebUtilities;
using Workshops.Web.Domain;

namespace Workshops.Tests.Calendar;

[Trait("Kind", "Rules")]
public sealed class CalendarLinksTests
{
    private static Dictionary<string, string> Query(string url)
    {
        var uri = new Uri(url);
        return QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    [Fact]
    public void GoogleLinkGivesHelsinkiWallClockTimesWithTheZone()
    {
        var links = Ics.Links().For(Ics.Workshop(start: new(9, 0), end: new(12, 30)), "fi");

        Assert.StartsWith("https://calendar.google.com/calendar/render?", links.Google);
        var q = Query(links.Google);
        Assert.Equal("TEMPLATE", q["action"]);
        Assert.Equal("Yhdessä yksinäisyyttä vastaan", q["text"]);
        Assert.Equal("20280531T090000/20280531T123000", q["dates"]);
        Assert.Equal("Europe/Helsinki", q["ctz"]);
        Assert.Equal("Rauma", q["location"]);
        Assert.Equal("Kuvaus suomeksi.\n\nhttps://workshops.test/workshops/rauma-yksinaisyys?culture=fi", q["details"]);
    }

    [Fact]
    public void AllDayLinksUseDatesWithAnExclusiveEnd()
    {
        var links = Ics.Links().For(Ics.Workshop(start: null), "en");

        Assert.Equal("20280531/20280601", Query(links.Google)["dates"]);
        var outlook = Query(links.OutlookCom);
        Assert.Equal("true", outlook["allday"]);
        Assert.Equal("2028-05-31", outlook["startdt"]);
        Assert.Equal("2028-06-01", outlook["enddt"]);
    }

    [Fact]
    public void OutlookLinksCarryTheHelsinkiOffsetOnEachSideOfTheDstChange()
    {
        var before = Ics.Links().For(Ics.Workshop(date: new(2028, 3, 24), start: new(9, 0), end: new(11, 0)), "fi");
        var after = Ics.Links().For(Ics.Workshop(date: new(2028, 3, 28), start: new(9, 0)), "fi");

        Assert.StartsWith("https://outlook.live.com/calendar/0/action/compose?", before.OutlookCom);
        Assert.StartsWith("https://outlook.office.com/calendar/0/action/compose?", before.Microsoft365);
        var q = Query(before.OutlookCom);
        Assert.Equal("2028-03-24T09:00:00+02:00", q["startdt"]);
        Assert.Equal("2028-03-24T11:00:00+02:00", q["enddt"]);
        Assert.Equal("false", q["allday"]);
        Assert.Equal("Yhdessä yksinäisyyttä vastaan", q["subject"]);
        // No end known: the event is a moment, as in the .ics file, not an invented length.
        Assert.Equal("2028-03-28T09:00:00+03:00", Query(after.OutlookCom)["startdt"]);
        Assert.Equal("2028-03-28T09:00:00+03:00", Query(after.OutlookCom)["enddt"]);
    }

    [Fact]
    public void OnlineWorkshopLinksSayOnlineAndNeverCarryTheJoinLink()
    {
        var links = Ics.Links().For(Ics.Workshop(format: WorkshopFormat.Online, place: null, joinUrl: "https://meet.example.fi/secret"), "sv");

        Assert.Equal("På nätet", Query(links.Google)["location"]);
        Assert.All(new[] { links.Google, links.OutlookCom, links.Microsoft365 }, l => Assert.DoesNotContain("secret", Uri.UnescapeDataString(l)));
    }

    [Fact]
    public void LongDescriptionIsShortenedWithoutBreakingAnEmoji()
    {
        var workshop = Ics.Workshop(start: new TimeOnly(9, 0));
        workshop.Description.Fi = new string('a', 398) + "🎉 and more text that does not fit";

        var details = Query(Ics.Links().For(workshop, "fi").Google)["details"];

        var text = details.Split("\n\n")[0];
        Assert.Equal(new string('a', 398) + "…", text);
        Assert.EndsWith("https://workshops.test/workshops/rauma-yksinaisyys?culture=fi", details);
    }

    [Fact]
    public void DownloadLinkAsksForTheFileInThePageLanguage() =>
        Assert.Equal("/workshops/rauma-yksinaisyys/calendar.ics?culture=sv", Ics.Links().For(Ics.Workshop(), "sv").Ics);

    [Fact]
    public void FeedIsOfferedAsWebcalAndHttps()
    {
        var feed = Ics.Links().Feed("en");

        Assert.Equal("webcal://workshops.test/calendar.ics?culture=en", feed.Webcal);
        Assert.Equal("https://workshops.test/calendar.ics?culture=en", feed.Https);
    }
}
