using Workshops.Tests.Support;

namespace Workshops.Tests.Integration;

/// <summary>The accessibility statement: in every language, with the feedback channel and the enforcement body.</summary>
public sealed class AccessibilityStatementTests : IDisposable
{
    private readonly WorkshopsFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["Site:ContactName"] = "Tutkimuspäällikkö Testi",
        ["Site:ContactEmail"] = "saavutettavuus@example.fi",
    });

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("fi", "Saavutettavuusseloste", "Etelä-Suomen aluehallintovirasto", "https://www.saavutettavuusvaatimukset.fi", "27.11.2026")]
    [InlineData("sv", "Tillgänglighetsutlåtande", "Regionförvaltningsverket i Södra Finland", "https://www.tillganglighetskrav.fi", "27.11.2026")]
    [InlineData("en", "Accessibility statement", "Regional State Administrative Agency for Southern Finland", "https://www.webaccessibility.fi", "27 November 2026")]
    public async Task StatementNamesTheFeedbackChannelTheEnforcementBodyAndItsDate(string language, string heading, string body, string bodySite, string date)
    {
        var page = await Html.GetAsync(_app.Browser(), $"/accessibility?culture={language}");

        Assert.Equal(heading, page.Text("h1"));
        var main = page.Text("main");
        Assert.Contains("Tutkimuspäällikkö Testi, ", main);
        Assert.Contains(", Silta-Valmennusyhdistys, saavutettavuus@example.fi.", main);
        Assert.NotNull(page.QuerySelector("main a[href='mailto:saavutettavuus@example.fi']"));
        Assert.Contains(body, main);
        Assert.NotNull(page.QuerySelector($"main a[href='{bodySite}']"));
        Assert.Contains(date, main);
        Assert.Contains("WCAG 2.1", main);
    }

    [Theory]
    [InlineData("fi", "Saavutettavuusseloste")]
    [InlineData("sv", "Tillgänglighetsutlåtande")]
    public async Task EveryPageLinksToItNextToThePrivacyNotice(string language, string linkText)
    {
        var page = await Html.GetAsync(_app.Browser(), $"/workshops/rauma-yksinaisyys?culture={language}");

        var links = page.QuerySelectorAll("footer a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Contains(("/accessibility", linkText), links);
        Assert.Contains("/privacy", links.Select(l => l.Item1));
    }
}
