using MimeKit;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Shared;

/// <summary>
/// The EU's visibility rules ask a funded project for the EU emblem with the funding statement: the footer of every
/// page and every email carry both (issue 26, item 5); the wording comes from <c>Funder__…</c> settings.
/// </summary>
public sealed class FundingAcknowledgementTests
{
    [Theory]
    [InlineData("fi", "Euroopan unionin lippu", "Euroopan unionin osarahoittama", "Rahoitus: Euroopan sosiaalirahasto (ESR).")]
    [InlineData("sv", "Europeiska unionens flagga", "Medfinansieras av Europeiska unionen", "Finansiering: Europeiska socialfonden (ESF).")]
    [InlineData("en", "Flag of the European Union", "Co-funded by the European Union", "Funded by the European Social Fund (ESF).")]
    public async Task ThePublicFooterShowsTheEmblemWithItsAltTextAndTheStatement(string language, string alt, string statement, string programme)
    {
        using var app = new WorkshopsFactory();
        var browser = app.Browser();
        var page = await Html.GetAsync(browser, $"/workshops/{RegistrationSteps.Rauma}?culture={language}");

        var funding = page.QuerySelector("footer .funding")!;
        var emblem = funding.QuerySelector("img")!;
        Assert.Equal(alt, emblem.GetAttribute("alt"));
        Assert.Equal(statement, funding.QuerySelector(".funding-statement")!.TextContent.Trim());
        Assert.EndsWith(programme, page.QuerySelector("footer .funding-programme")!.TextContent.Trim(), StringComparison.Ordinal);

        var image = await browser.GetAsync(emblem.GetAttribute("src"));
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        Assert.Contains("#003399", await image.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProjectOnAnotherProgrammeSetsItsOwnWordsAndMayDropTheEmblem()
    {
        using var app = new WorkshopsFactory(settings: new Dictionary<string, string?>
        {
            ["Funder:Statement:Fi"] = "Rahoittaja: Esimerkkisäätiö",
            ["Funder:Statement:En"] = "Funded by the Example Foundation",
            ["Funder:Programme:Fi"] = "",
            ["Funder:Programme:Sv"] = "",
            ["Funder:Programme:En"] = "",
            ["Funder:EuEmblem"] = "false",
        });

        var fi = await Html.GetAsync(app.Browser(), "/?culture=fi");
        var en = await Html.GetAsync(app.Browser(), "/?culture=en");

        Assert.Equal("Rahoittaja: Esimerkkisäätiö", fi.Text("footer .funding-statement"));
        Assert.Equal("Funded by the Example Foundation", en.Text("footer .funding-statement"));
        Assert.Null(fi.QuerySelector("footer .funding img"));
        Assert.Null(fi.QuerySelector("footer .funding-programme"));
        Assert.DoesNotContain("Euroopan", fi.Text("footer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConfirmationEmlCarriesTheStatementAndTheLinkedEmblem()
    {
        using var app = new WorkshopsFactory(settings: new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = "https://workshops.example.fi" });
        var browser = app.Browser();
        var form = await Html.GetAsync(browser, "/workshops/korkeakoulut-ja-yritykset-webinaari?culture=en");
        var values = People.Registration();
        values["Input.Language"] = "en";
        await Html.SubmitAsync(browser, form, values);

        string[] files = [];
        await Eventually.TrueAsync(() =>
        {
            files = Directory.Exists(app.PickupDirectory) ? Directory.GetFiles(app.PickupDirectory, "*.eml") : [];
            return Task.FromResult(files.Length == 1);
        }, "an .eml file was written");
        var message = await MimeMessage.LoadAsync(files[0]);

        Assert.Contains("Co-funded by the European Union", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Funded by the European Social Fund (ESF).", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Co-funded by the European Union", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://workshops.example.fi/eu-emblem.svg\" alt=\"Flag of the European Union\"", message.HtmlBody, StringComparison.Ordinal);
    }
}
