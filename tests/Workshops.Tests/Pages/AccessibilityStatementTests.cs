using Workshops.Tests.Support;

namespace Workshops.Tests.Pages;

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
    [InlineData("fi", "Saavutettavuusseloste", "Lupa- ja valvontavirasto", "https://www.saavutettavuusvaatimukset.fi", "30.11.2026")]
    [InlineData("sv", "Tillgänglighetsutlåtande", "Tillstånds- och tillsynsverket", "https://www.tillganglighetskrav.fi", "30.11.2026")]
    [InlineData("en", "Accessibility statement", "Finnish Permit and Supervision Agency (Lupa- ja valvontavirasto)", "https://www.webaccessibility.fi", "30 November 2026")]
    public async Task StatementNamesTheFeedbackChannelTheEnforcementBodyAndItsDate(string language, string heading, string body, string bodySite, string date)
    {
        // Months later, the statement still carries the day it was reviewed, not today's date.
        _app.Time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

        var page = await Html.GetAsync(_app.Browser(), $"/accessibility?culture={language}");

        Assert.Equal(heading, page.Text("h1"));
        var main = page.Text("main");
        Assert.Contains("Tutkimuspäällikkö Testi, ", main);
        Assert.Contains(", Silta-Valmennusyhdistys, saavutettavuus@example.fi.", main);
        Assert.NotNull(page.QuerySelector("main a[href='mailto:saavutettavuus@example.fi']"));
        Assert.Contains(body, main);
        Assert.NotNull(page.QuerySelector($"main a[href='{bodySite}']"));
        Assert.Contains(date, main);
        Assert.DoesNotContain("1.3.2027", main);
        Assert.Contains("WCAG 2.1", main);
    }

    [Theory]
    [InlineData("fi", "aluehallintovirasto")]
    [InlineData("sv", "Regionförvaltningsverket")]
    [InlineData("en", "Regional State Administrative Agency")]
    public async Task StatementNoLongerNamesTheRegionalAgenciesMergedAtTheStartOf2026(string language, string oldBody)
    {
        var page = await Html.GetAsync(_app.Browser(), $"/accessibility?culture={language}");

        Assert.DoesNotContain(oldBody, page.Text("main"), StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.QuerySelector("main a[href$='@avi.fi']"));
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
