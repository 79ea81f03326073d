using System.Text.Json;
using AngleSharp.Dom;
using Workshops.Tests.Support;
using Workshops.Web.Domain;

namespace Workshops.Tests.Calendar;

/// <summary>Each workshop page describes its workshop as schema.org Event JSON-LD, saying only what the site knows.</summary>
public sealed class WorkshopJsonLdTests : IDisposable
{
    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";
    private const string Validation = "validointityopaja";
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(JsonElement Event, IDocument Page)> EventAsync(string slug, string language = "fi")
    {
        var page = await Html.GetAsync(_app.Browser(), $"/workshops/{slug}?culture={language}");
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        return (JsonDocument.Parse(script.TextContent).RootElement, page);
    }

    private static string? Text(JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (!e.TryGetProperty(name, out e))
            {
                return null;
            }
        }

        return e.GetString();
    }

    [Theory]
    [InlineData("fi", "Rauma")]
    [InlineData("sv", "Raumo")]
    public async Task InPersonWorkshopIsAnEventAtItsPlaceOnItsDate(string language, string place)
    {
        var (e, page) = await EventAsync(RegistrationSteps.Rauma, language);

        Assert.Equal("https://schema.org", Text(e, "@context"));
        Assert.Equal("Event", Text(e, "@type"));
        Assert.Equal(page.Text("h1"), Text(e, "name"));
        Assert.Equal("2028-05-31", Text(e, "startDate")); // no time known: the date alone
        Assert.Null(Text(e, "endDate"));
        Assert.Equal("Place", Text(e, "location", "@type"));
        Assert.Equal(place, Text(e, "location", "name"));
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", Text(e, "eventAttendanceMode"));
        Assert.Equal("https://schema.org/EventScheduled", Text(e, "eventStatus"));
        Assert.Equal("Organization", Text(e, "organizer", "@type"));
        Assert.Equal("Sosiaalisten innovaatioiden osaamiskeskuksen valmistelu ja pilotointi -hanke", Text(e, "organizer", "name"));
        Assert.Equal($"https://workshops.test/workshops/rauma-yksinaisyys?culture={language}", Text(e, "url"));
    }

    [Fact]
    public async Task WebinarIsOnlineAtItsPublicPageNeverTheJoinLink()
    {
        await _app.UpdateWorkshopAsync(Webinar, w => w.OnlineJoinUrl = "https://meet.example/secret-room");

        var (e, _) = await EventAsync(Webinar);

        Assert.Equal("https://schema.org/OnlineEventAttendanceMode", Text(e, "eventAttendanceMode"));
        Assert.Equal("VirtualLocation", Text(e, "location", "@type"));
        Assert.Equal("https://workshops.test/workshops/korkeakoulut-ja-yritykset-webinaari?culture=fi", Text(e, "location", "url"));
        Assert.DoesNotContain("secret-room", await _app.Browser().GetStringAsync($"/workshops/{Webinar}"));
    }

    [Fact]
    public async Task FormatAndPlaceNotYetKnownAreLeftOutAndACancelledWorkshopSaysSo()
    {
        await _app.UpdateWorkshopAsync(Validation, w => w.Cancel(DateTime.UtcNow));

        var (e, _) = await EventAsync(Validation);

        Assert.Equal("https://schema.org/EventCancelled", Text(e, "eventStatus"));
        Assert.False(e.TryGetProperty("eventAttendanceMode", out _));
        Assert.False(e.TryGetProperty("location", out _));
    }

    [Fact]
    public async Task AnnouncedTimesCarryHelsinkisOffset()
    {
        await _app.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => (w.StartTime, w.EndTime) = (new TimeOnly(9, 0), new TimeOnly(12, 30)));

        var (e, _) = await EventAsync(RegistrationSteps.Rauma);

        Assert.Equal("2028-05-31T09:00:00+03:00", Text(e, "startDate"));
        Assert.Equal("2028-05-31T12:30:00+03:00", Text(e, "endDate"));
    }

    [Fact]
    public async Task HostileTextCannotCloseTheScriptElementAndComesBackExactly()
    {
        const string hostile = "</script><script>alert(1)</script><!-- \"ä\" & 'ö' \u2028";
        await _app.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Title = new LocalizedText { Fi = hostile });

        var (e, page) = await EventAsync(RegistrationSteps.Rauma);

        Assert.Equal(hostile, Text(e, "name"));
        Assert.Single(page.QuerySelectorAll("script")); // the only script element is the data block itself
        var html = await _app.Browser().GetStringAsync($"/workshops/{RegistrationSteps.Rauma}");
        const string open = "<script type=\"application/ld+json\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var block = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        Assert.False(block.Contains('<', StringComparison.Ordinal), block); // every < is \u003C: nothing in it can end the element
        Assert.Equal(hostile, JsonDocument.Parse(block).RootElement.GetProperty("name").GetString());
    }
}
