using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Calendar;

namespace Workshops.Tests.Calendar;

/// <summary>The calendar files over HTTP. Tests that change a workshop start their own app.</summary>
public sealed class CalendarEndpointTests : IClassFixture<CalendarEndpointTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkshopsFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private const string Rauma = "rauma-yksinaisyys";
    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";

    private readonly WorkshopsFactory _app;

    public CalendarEndpointTests(App app) => _app = app.Factory;

    [Fact]
    public async Task ProgrammeFeedIsACalendarOfEveryWorkshop()
    {
        var response = await _app.Browser().GetAsync("/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("tyopajat.ics", response.Content.Headers.ContentDisposition!.FileName);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        var calendar = Ics.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(5, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.True(e.IsAllDay));
        Assert.Contains(calendar.Properties, p => p.Name == "X-WR-CALNAME");
    }

    [Theory]
    [InlineData("fi", "tyopajat.ics", "Yhdessä yksinäisyyttä vastaan – Satakunnan työpaja Raumalla")]
    [InlineData("sv", "workshoppar.ics", "Tillsammans mot ensamhet – Satakuntas workshop i Raumo")]
    [InlineData("en", "workshops.ics", "Together against loneliness – Satakunta workshop in Rauma")]
    public async Task FeedSpeaksTheLanguageAskedFor(string culture, string fileName, string summary)
    {
        var response = await _app.Browser().GetAsync($"/calendar.ics?culture={culture}");

        Assert.Equal(fileName, response.Content.Headers.ContentDisposition!.FileName);
        var calendar = Ics.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(calendar.Events, e => e.Summary == summary);
    }

    [Fact]
    public async Task WorkshopDownloadIsNamedAfterTheWorkshop()
    {
        var response = await _app.Browser().GetAsync($"/workshops/{Rauma}/calendar.ics?culture=sv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{Rauma}.ics", response.Content.Headers.ContentDisposition.FileName);
        var entry = Assert.Single(Ics.Parse(await response.Content.ReadAsStringAsync()).Events);
        Assert.Equal("Tillsammans mot ensamhet – Satakuntas workshop i Raumo", entry.Summary);
        Assert.Equal($"https://workshops.test/workshops/{Rauma}?culture=sv", entry.Url!.AbsoluteUri);
    }

    [Fact]
    public async Task UnknownWorkshopFileGetsTheFriendlyNotFoundPage()
    {
        var response = await _app.Browser().GetAsync("/workshops/no-such-workshop/calendar.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Sivua ei löytynyt", (await Html.ParseAsync(response)).Text("h1"));
    }

    [Theory]
    [InlineData("/calendar.ics")]
    [InlineData("/workshops/" + Rauma + "/calendar.ics")]
    public async Task UnchangedFileAnswers304ToItsETag(string url)
    {
        var client = _app.Browser();
        var first = await client.GetAsync(url);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task UnchangedFeedAnswers304ToItsDate()
    {
        // ASP.NET Core rightly ignores an If-Modified-Since later than its own (real) clock, while the seed was
        // stamped by the fake clock: date the data before the machine's clock.
        using var app = new WorkshopsFactory();
        await app.WithDbAsync(db => db.Workshops.ExecuteUpdateAsync(s => s.SetProperty(w => w.UpdatedAtUtc, new DateTime(2025, 1, 1, 8, 0, 0))));
        var client = app.Browser();
        var first = await client.GetAsync("/calendar.ics");

        using var again = new HttpRequestMessage(HttpMethod.Get, "/calendar.ics");
        again.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task AnotherLanguageIsNotAnswered304WithTheFirstLanguagesETag()
    {
        var client = _app.Browser();
        var finnish = await client.GetAsync("/calendar.ics?culture=fi");

        using var swedish = new HttpRequestMessage(HttpMethod.Get, "/calendar.ics?culture=sv");
        swedish.Headers.IfNoneMatch.Add(finnish.Headers.ETag!);
        var response = await client.SendAsync(swedish);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ChangedTimeReachesTheFeedAsAnUpdateOfTheSameEntry()
    {
        using var app = new WorkshopsFactory();
        var client = app.Browser();
        var before = await client.GetAsync("/calendar.ics");
        var oldEntry = Ics.Parse(await before.Content.ReadAsStringAsync()).Events.Single(e => e.Url!.AbsolutePath.EndsWith(Rauma));

        app.Time.Advance(TimeSpan.FromDays(30));
        await app.UpdateWorkshopAsync(Rauma, w => w.ChangeSchedule(w.Date, new(9, 0), new(15, 0), w.Place, null, app.Time.GetUtcNow().UtcDateTime));
        using var poll = new HttpRequestMessage(HttpMethod.Get, "/calendar.ics");
        poll.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        poll.Headers.IfModifiedSince = before.Content.Headers.LastModified;
        var after = await client.SendAsync(poll);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.True(after.Content.Headers.LastModified > before.Content.Headers.LastModified);
        var text = await after.Content.ReadAsStringAsync();
        Assert.Contains("BYDAY=-1SU", text); // ASCII minus, though the request's culture is Finnish
        var calendar = Ics.Parse(text);
        Assert.Equal(5, calendar.Events.Count);
        var entry = calendar.Events.Single(e => e.Uid == oldEntry.Uid);
        Assert.True(entry.Sequence > oldEntry.Sequence);
        Assert.Equal(new DateTime(2028, 5, 31, 6, 0, 0), entry.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2028, 5, 31, 12, 0, 0), entry.DtEnd!.AsUtc);
        Assert.Single(calendar.TimeZones);
    }

    [Fact]
    public async Task CancelledWorkshopStaysInTheFeedMarkedCancelledAndItsPageOffersNoCalendarLinks()
    {
        using var app = new WorkshopsFactory();
        await app.UpdateWorkshopAsync(Rauma, w => w.Cancel(app.Time.GetUtcNow().UtcDateTime));

        var calendar = Ics.Parse(await app.Browser().GetStringAsync("/calendar.ics"));
        var page = await Html.GetAsync(app.Browser(), $"/workshops/{Rauma}");

        Assert.Equal(5, calendar.Events.Count);
        var entry = calendar.Events.Single(e => e.Url!.AbsolutePath.EndsWith(Rauma));
        Assert.Equal("CANCELLED", entry.Status);
        Assert.Equal(1, entry.Sequence);
        Assert.Null(page.QuerySelector(".add-to-calendar"));
    }

    [Fact]
    public async Task UidIsTheSameInTheDownloadTheFeedAndTheRegistrantsEmail()
    {
        var download = Ics.Parse(await _app.Browser().GetStringAsync($"/workshops/{Rauma}/calendar.ics")).Events.Single();
        var feed = Ics.Parse(await _app.Browser().GetStringAsync("/calendar.ics?culture=en")).Events;
        var workshop = await _app.WorkshopAsync(Rauma);
        var email = Ics.Parse(_app.Services.GetRequiredService<WorkshopCalendar>()
            .ForRegistrant(workshop, "sv", "aino@example.fi", "Aino", cancel: false)).Events.Single();

        Assert.Equal($"{workshop.Id}@workshops.test", download.Uid);
        Assert.Single(feed, e => e.Uid == download.Uid);
        Assert.Equal(download.Uid, email.Uid);
        Assert.Equal(download.Sequence, email.Sequence);
    }

    [Fact]
    public async Task JoinLinkGoesOnlyToTheRegistrant()
    {
        const string join = "https://meet.example.fi/j/secret-456";
        using var app = new WorkshopsFactory();
        await app.UpdateWorkshopAsync(Webinar, w => w.ChangeSchedule(w.Date, new(13, 0), new(15, 0), null, join, app.Time.GetUtcNow().UtcDateTime));

        var feed = await app.Browser().GetStringAsync("/calendar.ics");
        var download = await app.Browser().GetStringAsync($"/workshops/{Webinar}/calendar.ics");
        var page = await app.Browser().GetStringAsync($"/workshops/{Webinar}");
        var email = app.Services.GetRequiredService<WorkshopCalendar>()
            .ForRegistrant(await app.WorkshopAsync(Webinar), "fi", "aino@example.fi", "Aino", cancel: false);

        Assert.DoesNotContain("secret-456", Ics.Unfold(feed));
        Assert.DoesNotContain("secret-456", Ics.Unfold(download));
        Assert.DoesNotContain("secret-456", page);
        Assert.Equal("Verkossa", Ics.Parse(download).Events.Single().Location);
        Assert.Contains(join, Ics.Parse(email).Events.Single().Description);
    }

    [Fact]
    public async Task WorkshopPageOffersTheFileAndTheCalendarProviders()
    {
        var client = _app.Browser();
        var page = await Html.GetAsync(client, $"/workshops/{Rauma}?culture=en");

        var links = page.QuerySelectorAll(".add-to-calendar a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(4, links.Count);
        Assert.Equal($"/workshops/{Rauma}/calendar.ics?culture=en", links[0]);
        Assert.StartsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&", links[1]);
        Assert.StartsWith("https://outlook.live.com/calendar/0/action/compose?", links[2]);
        Assert.StartsWith("https://outlook.office.com/calendar/0/action/compose?", links[3]);
        var file = await client.GetAsync(links[0]);
        Assert.Equal("text/calendar", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Together against loneliness – Satakunta workshop in Rauma", Ics.Parse(await file.Content.ReadAsStringAsync()).Events.Single().Summary);
    }

    [Fact]
    public async Task ProgrammePageOffersTheFeedAsASubscription()
    {
        var page = await Html.GetAsync(_app.Browser(), "/");

        var links = page.QuerySelectorAll(".subscribe a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["webcal://workshops.test/calendar.ics?culture=fi", "https://workshops.test/calendar.ics?culture=fi"], links);
    }

    [Fact]
    public async Task FeedAnswersHead()
    {
        using var head = new HttpRequestMessage(HttpMethod.Head, "/calendar.ics");
        var response = await _app.Browser().SendAsync(head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task FeedIsMarkedAsVaryingByLanguage()
    {
        var response = await _app.Browser().GetAsync("/calendar.ics");

        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Equal(new CacheControlHeaderValue { NoCache = true }, response.Headers.CacheControl);
    }
}
