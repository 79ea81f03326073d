using System.Net;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages;

public sealed class ProgrammeTests : IClassFixture<ProgrammeTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkshopsFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private readonly WorkshopsFactory _app;

    public ProgrammeTests(App app) => _app = app.Factory;

    [Fact]
    public async Task ProgrammeListsTheFiveSeededWorkshopsInDateOrderWithWeekdays()
    {
        var page = await Html.GetAsync(_app.Browser(), "/");

        var cards = page.QuerySelectorAll(".programme > li");
        Assert.Equal(5, cards.Length);
        var dates = cards.Select(c => c.QuerySelector("time")!.GetAttribute("datetime")).ToList();
        Assert.Equal(["2028-05-31", "2028-06-30", "2028-09-05", "2028-10-12", "2028-10-25"], dates);
        var shown = cards.Select(c => c.QuerySelector("time")!.TextContent).ToList();
        Assert.Equal(["ke 31.5.2028", "pe 30.6.2028", "ti 5.9.2028", "to 12.10.2028", "ke 25.10.2028"], shown);
        Assert.All(cards, c => Assert.Contains("aika tarkentuu", c.TextContent));
    }

    [Fact]
    public async Task ProgrammeShowsPlaceOnlineAndWalkInAsPeopleNeedThem()
    {
        var page = await Html.GetAsync(_app.Browser(), "/");
        var text = page.QuerySelectorAll(".programme > li").Select(c => c.TextContent).ToList();

        Assert.Contains("Rauma", text[0]);
        Assert.Contains("Kuntatoimijat", text[0]);
        Assert.Contains("Vapaa pääsy – ilmoittautumista ei tarvita", text[1]);
        Assert.Contains("SuomiAreena, Pori", text[1]);
        Assert.Contains("Verkossa", text[2]);
        Assert.Contains("Korkeakoulut ja yritykset", text[2]);
        Assert.Contains("Paikka tarkentuu", text[4]);
        Assert.All(text.Where((_, i) => i != 1), t => Assert.Contains("Ilmoittautuminen on auki", t));
    }

    [Fact]
    public async Task EachWorkshopHasItsOwnPageAtAReadableUrl()
    {
        var page = await Html.GetAsync(_app.Browser(), "/workshops/rauma-yksinaisyys");

        Assert.Contains("Raumalla", page.Text("h1"));
        Assert.Contains("Esko Poikela", page.Text(".description"));
        Assert.NotNull(page.QuerySelector("main form input[name='__RequestVerificationToken']"));
        Assert.NotNull(page.QuerySelector("textarea[name='Input.Needs']"));
    }

    [Fact]
    public async Task OnlineWorkshopAsksForNeedsButNotForADiet()
    {
        // Issue 26: a deaf participant of the webinar must be able to ask for captions; an online event serves no food.
        var page = await Html.GetAsync(_app.Browser(), "/workshops/korkeakoulut-ja-yritykset-webinaari");
        Assert.NotNull(page.QuerySelector("textarea[name='Input.Needs']"));
        Assert.NotNull(page.QuerySelector("input[type=checkbox][name='Input.AccessNeeds'][value=Captions]"));
        Assert.Null(page.QuerySelector("input[name='Input.AccessNeeds'][value=Diet]"));
    }

    [Fact]
    public async Task UnknownWorkshopGetsAFriendlyNotFoundPage()
    {
        var response = await _app.Browser().GetAsync("/workshops/no-such-workshop");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Sivua ei löytynyt", page.Text("h1"));
    }

    [Fact]
    public async Task HealthEndpointAnswersWhenTheDatabaseIsReachable()
    {
        var response = await _app.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PagesCarryAStrictContentSecurityPolicyAndNoInlineCode()
    {
        var response = await _app.Browser().GetAsync("/workshops/rauma-yksinaisyys");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);

        var page = await Html.ParseAsync(response);
        // The schema.org JSON-LD block is data, never run (Browser/StructuredDataTests); any other inline script is not allowed.
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json']), style, [style]"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.StartsWith("/", stylesheet);
        Assert.Equal(HttpStatusCode.OK, (await _app.Browser().GetAsync(stylesheet)).StatusCode);
    }

    [Fact]
    public async Task PrivacyPageSaysWhatIsStoredWhyHowLongAndWhomToContact()
    {
        var page = await Html.GetAsync(_app.Browser(), "/privacy");
        var text = page.QuerySelector("main")!.TextContent;

        Assert.Contains("Mitä tietoja tallennamme", text);
        Assert.Contains("Miksi", text);
        Assert.Contains("90 päivän kuluttua", text);
        Assert.Contains("Silta-Valmennusyhdistys, paula.alanen@siltavalmennus.fi.", text); // no stray space before the full stop
    }
}
