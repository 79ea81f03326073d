using System.Net;
using AngleSharp.Dom;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>
/// The output cache and the cached workshop facts (PublicCache): what every visitor sees the same is served from the
/// cache, changes show on the next request, and nothing that belongs to one visitor reaches another.
/// </summary>
public sealed class PublicCacheTests : IClassFixture<PublicCacheTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public WorkshopsFactory Factory { get; } = new();

        public Task InitializeAsync() => Factory.UpdateWorkshopAsync("korkeakoulut-ja-yritykset-webinaari", w => w.Capacity = 5);

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";
    private readonly WorkshopsFactory _app;

    public PublicCacheTests(App app) => _app = app.Factory;

    private static string Seats(IDocument programme) =>
        programme.QuerySelectorAll(".programme > li").Single(c => c.QuerySelector($"a[href='/workshops/{Webinar}']") is not null).TextContent;

    [Fact]
    public async Task ARegistrationChangesTheProgrammesSeatCountOnTheNextGet()
    {
        var visitor = _app.Browser();
        var before = await Html.GetAsync(visitor, "/");
        var again = await Html.GetAsync(visitor, "/"); // now from the cache
        Assert.Contains("5 paikkaa jäljellä", Seats(before));
        Assert.Contains("5 paikkaa jäljellä", Seats(again));

        await RegistrationSteps.ThroughFormAsync(_app, "Ville Välimäki", "ville.cache@example.fi", slug: Webinar);

        Assert.Contains("4 paikkaa jäljellä", Seats(await Html.GetAsync(visitor, "/")));
        Assert.Contains("4 paikkaa jäljellä", (await Html.GetAsync(visitor, $"/workshops/{Webinar}")).Body!.TextContent);
    }

    [Fact]
    public async Task ACachedPageNeverCarriesAnotherVisitorsTokenOrCookie()
    {
        var first = _app.Browser();
        var second = _app.Browser();
        foreach (var path in new[] { "/", "/calendar.ics", $"/workshops/{Webinar}/calendar.ics" })
        {
            var a = await first.GetAsync(path);
            var b = await second.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
            Assert.False(a.Headers.Contains("Set-Cookie"), path);
            Assert.False(b.Headers.Contains("Set-Cookie"), path);
        }

        // The workshop page carries a form: each visitor gets their own token and antiforgery cookie, every time.
        var pageA = await first.GetAsync($"/workshops/{Webinar}");
        var pageB = await second.GetAsync($"/workshops/{Webinar}");
        Assert.True(pageA.Headers.Contains("Set-Cookie"));
        Assert.True(pageB.Headers.Contains("Set-Cookie"));
        Assert.NotEqual(pageA.Headers.GetValues("Set-Cookie").Single(), pageB.Headers.GetValues("Set-Cookie").Single());
        string Token(IDocument d) => d.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        Assert.NotEqual(Token(await Html.ParseAsync(pageA)), Token(await Html.ParseAsync(pageB)));

        // A visitor who holds a language cookie does not pass it on through a cached programme.
        var swede = _app.Browser();
        await swede.GetAsync("/language/sv?returnUrl=/");
        Assert.Equal("sv", (await Html.GetAsync(swede, "/")).DocumentElement.GetAttribute("lang"));
        var next = await _app.Browser().GetAsync("/");
        Assert.False(next.Headers.Contains("Set-Cookie"));
        Assert.Equal("fi", (await Html.ParseAsync(next)).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/calendar.ics")]
    public async Task SwedishAndFinnishVariantsAreNotMixedUp(string path)
    {
        async Task<(string Language, string Body)> GetAsync(string url, string? acceptLanguage = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (acceptLanguage is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            }

            var response = await _app.Browser().SendAsync(request);
            return (Assert.Single(response.Content.Headers.ContentLanguage), await response.Content.ReadAsStringAsync());
        }

        // Each twice, so the second of each comes from the cache; interleaved, so a mixed-up key would show.
        var separator = path.Contains('?') ? '&' : '?';
        for (var round = 0; round < 2; round++)
        {
            var swedishQuery = await GetAsync($"{path}{separator}culture=sv");
            var finnish = await GetAsync(path);
            var swedishHeader = await GetAsync(path, "sv-FI");
            var finnishHeader = await GetAsync(path, "fi-FI");

            Assert.Equal("sv", swedishQuery.Language);
            Assert.Equal("fi", finnish.Language);
            Assert.Equal("sv", swedishHeader.Language);
            Assert.Equal("fi", finnishHeader.Language);
            Assert.NotEqual(StripStamp(swedishQuery.Body), StripStamp(finnish.Body));
            Assert.NotEqual(StripStamp(swedishHeader.Body), StripStamp(finnish.Body));
            Assert.Equal(StripStamp(finnish.Body), StripStamp(finnishHeader.Body));
        }
    }

    /// <summary>DTSTAMP is the time of the response; everything else must match between two variants of one language.</summary>
    private static string StripStamp(string body) =>
        string.Join('\n', body.Split('\n').Where(l => !l.StartsWith("DTSTAMP", StringComparison.Ordinal)));
}
