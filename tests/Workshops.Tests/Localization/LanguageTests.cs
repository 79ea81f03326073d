using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Workshops.Tests.Support;

namespace Workshops.Tests.Localization;

/// <summary>How the language is chosen (switch, ?culture=, Accept-Language) and what follows it.</summary>
public sealed class LanguageTests : IClassFixture<LanguageTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public WorkshopsFactory Factory { get; } = new();

        // Times on two workshops, so the programme shows a time, a time range and all-day events side by side.
        public async Task InitializeAsync()
        {
            await Factory.UpdateWorkshopAsync("rauma-yksinaisyys", w => w.StartTime = new TimeOnly(9, 0));
            await Factory.UpdateWorkshopAsync("korkeakoulut-ja-yritykset-webinaari", w =>
            {
                w.StartTime = new TimeOnly(13, 0);
                w.EndTime = new TimeOnly(15, 30);
            });
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly WorkshopsFactory _app;

    public LanguageTests(App app) => _app = app.Factory;

    private HttpClient NoRedirects(string baseAddress = "http://localhost") =>
        _app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(baseAddress),
        });

    private static string Lang(IDocument page) => page.DocumentElement.GetAttribute("lang")!;

    [Fact]
    public async Task FinnishIsTheDefault()
    {
        var response = await _app.Browser().GetAsync("/");
        var page = await Html.ParseAsync(response);

        Assert.Equal("fi", Lang(page));
        Assert.Equal("Sosiaalisten innovaatioiden kehittämistyöpajat", page.Text("h1"));
        Assert.Equal("fi", Assert.Single(response.Content.Headers.ContentLanguage));
    }

    [Fact]
    public async Task CultureQueryShowsSwedishInterfaceAndWorkshopTitles()
    {
        var response = await _app.Browser().GetAsync("/?culture=sv");
        var page = await Html.ParseAsync(response);

        Assert.Equal("sv", Lang(page));
        Assert.Equal("sv", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Equal("Utvecklingsworkshoppar om sociala innovationer", page.Text("h1"));
        Assert.Equal("Tillsammans mot ensamhet – Satakuntas workshop i Raumo", page.Text(".programme > li h3"));
        Assert.Contains("Kommunala aktörer", page.Text(".programme > li"));
        Assert.Equal("Dataskyddsbeskrivning", page.Text(".site-footer .footer-links a"));
    }

    [Fact]
    public async Task CultureQueryLastsForOneRequestOnly()
    {
        var browser = _app.Browser();
        await Html.GetAsync(browser, "/?culture=en");

        var next = await Html.GetAsync(browser, "/");

        Assert.Equal("fi", Lang(next));
    }

    [Theory]
    [InlineData("en", "en", "Social innovation development workshops")]
    [InlineData("en-GB,en;q=0.9,fi;q=0.5", "en", "Social innovation development workshops")]
    [InlineData("sv-FI", "sv", "Utvecklingsworkshoppar om sociala innovationer")]
    [InlineData("de-DE,fr;q=0.8", "fi", "Sosiaalisten innovaatioiden kehittämistyöpajat")]
    public async Task BrowserLanguageIsUsedWhenNothingElseIsChosen(string acceptLanguage, string expected, string heading)
    {
        var browser = _app.Browser();
        browser.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var page = await Html.GetAsync(browser, "/");

        Assert.Equal(expected, Lang(page));
        Assert.Equal(heading, page.Text("h1"));
    }

    [Theory]
    [InlineData("fi", "ke 31.5.2028 klo 9.00", "ti 5.9.2028 klo 13.00–15.30", "pe 30.6.2028, aika tarkentuu")]
    [InlineData("sv", "ons 31.5.2028 kl. 9.00", "tis 5.9.2028 kl. 13.00–15.30", "fre 30.6.2028, tiden meddelas senare")]
    [InlineData("en", "Wed 31 May 2028, 9:00", "Tue 5 Sep 2028, 13:00–15:30", "Fri 30 Jun 2028, time to be announced")]
    public async Task DatesAndTimesReadAsPeopleWriteThemInEachLanguage(string language, string rauma, string webinar, string cafe)
    {
        var page = await Html.GetAsync(_app.Browser(), $"/?culture={language}");

        var when = page.QuerySelectorAll(".programme > li .facts div:first-child dd").Select(dd => dd.TextContent.Trim()).ToList();
        Assert.Equal(rauma, when[0]);
        Assert.Equal(cafe, when[1]);
        Assert.Equal(webinar, when[2]);
    }

    [Fact]
    public async Task SwitchLinksCarryTheirLanguageAndMarkTheCurrentOne()
    {
        var page = await Html.GetAsync(_app.Browser(), "/workshops/rauma-yksinaisyys?culture=sv");

        var links = page.QuerySelectorAll("nav.languages a").ToList();
        Assert.Equal(["fi", "sv", "en"], links.Select(a => a.GetAttribute("hreflang")));
        Assert.Equal(["fi", "sv", "en"], links.Select(a => a.GetAttribute("lang")));
        Assert.Equal(["Suomi", "Svenska", "English"], links.Select(a => a.TextContent));
        Assert.Equal([null, "true", null], links.Select(a => a.GetAttribute("aria-current")));
        // The way back leaves out ?culture=, which would otherwise outvote the new choice.
        Assert.Equal("/language/en?returnUrl=%2Fworkshops%2Frauma-yksinaisyys", links[2].GetAttribute("href"));
        Assert.Equal("Språk", page.QuerySelector("nav.languages")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task SwitchRemembersTheLanguageInACookieForAYearAndReturnsToThePage()
    {
        var browser = NoRedirects();

        var response = await browser.GetAsync("/language/en?returnUrl=%2Fworkshops%2Frauma-yksinaisyys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/workshops/rauma-yksinaisyys", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("httponly", cookie);
        Assert.DoesNotContain("secure", cookie);
        Assert.Contains($"expires={WorkshopsFactory.DefaultNow.AddYears(1):R}", cookie);

        var next = await Html.ParseAsync(await browser.GetAsync("/workshops/rauma-yksinaisyys"));
        Assert.Equal("en", Lang(next));
        Assert.Equal("Together against loneliness – Satakunta workshop in Rauma", next.Text("h1"));
        Assert.Equal("English", next.Text("nav.languages a[aria-current='true']"));
    }

    [Fact]
    public async Task SwitchCookieIsSecureOverHttps()
    {
        var response = await NoRedirects("https://localhost").GetAsync("/language/sv?returnUrl=%2F");

        Assert.Contains("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")));
    }

    [Fact]
    public async Task CultureQueryStillWinsOverTheRememberedLanguageForOneRequest()
    {
        var browser = NoRedirects();
        await browser.GetAsync("/language/sv?returnUrl=%2F");

        Assert.Equal("en", Lang(await Html.ParseAsync(await browser.GetAsync("/?culture=en"))));
        Assert.Equal("sv", Lang(await Html.ParseAsync(await browser.GetAsync("/"))));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task SwitchNeverLeadsOffTheSite(string returnUrl)
    {
        var response = await NoRedirects().GetAsync($"/language/sv?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SwitchToALanguageTheSiteDoesNotHaveIsNotFound()
    {
        var response = await NoRedirects().GetAsync("/language/de?returnUrl=%2F");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("sv", "Sidan hittades inte")]
    [InlineData("en", "Page not found")]
    public async Task NotFoundPageIsInTheChosenLanguage(string language, string heading)
    {
        var response = await _app.Browser().GetAsync($"/workshops/no-such-workshop?culture={language}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(language, Lang(page));
        Assert.Equal(heading, page.Text("h1"));
    }

    [Theory]
    [InlineData("fi", "Mitä tietoja tallennamme", "90 päivän kuluttua")]
    [InlineData("sv", "Vilka uppgifter vi sparar", "90 dagar efter")]
    [InlineData("en", "What we store", "90 days after")]
    public async Task PrivacyNoticeIsWrittenInEachLanguage(string language, string heading, string retention)
    {
        var page = await Html.GetAsync(_app.Browser(), $"/privacy?culture={language}");
        var text = page.QuerySelector("main")!.TextContent;

        Assert.Equal(language, Lang(page));
        Assert.Equal(heading, page.QuerySelectorAll("main h2")[0].TextContent);
        Assert.Contains(retention, text);
        Assert.Contains("Silta-Valmennusyhdistys", text);
    }
}
