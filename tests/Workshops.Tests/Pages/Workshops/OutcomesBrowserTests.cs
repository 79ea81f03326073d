using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workshops.Tests.Pages.Organiser;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// The ideas wall and the results in a real browser: the stand page on a phone (360 px) and a tablet (820×1180) with
/// axe, its reset after each proposal and its kept draft; the poster, the moderation list and both results pages with axe;
/// the merge step, the delete confirmation and adding an outside recipient (issue 22) with axe.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class OutcomesBrowserTests(ChromiumFixture chromium, AllStatesSite site)
{
    private const string Bench = AllStatesSite.WalkIn;

    /// <summary>A phone and a tablet held upright: the stand's devices.</summary>
    public static TheoryData<int, int> StandDevices => new() { { 360, 740 }, { 820, 1180 } };

    [Theory]
    [MemberData(nameof(StandDevices))]
    public async Task TheStandPageIsAccessibleAndShowsAnEmptyFormAfterEachProposal(int width, int height)
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site, width: width, height: height);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/workshops/{Bench}/stand");
        await Accessibility.AssertAccessibleAsync(page, $"stand page at {width}x{height}");
        Assert.True(await page.FitsWidthAsync(), $"the stand page scrolls sideways at {width} px");
        var submit = page.Locator(".proposal-form button[type=submit]");
        Assert.True((await submit.BoundingBoxAsync())!.Height >= 48, "the send button is smaller than a 48 px touch target");

        // A name without the consent: the error at its field, axe on that state, the text kept.
        await page.Locator("#Proposal_Text").FillAsync($"Ehdotus {width}: kahvia ja joustoa");
        await page.Locator("#Proposal_Name").FillAsync("Maija Mehiläinen");
        await submit.ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Proposal_Consent-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#Proposal_Text")).ToHaveValueAsync($"Ehdotus {width}: kahvia ja joustoa");
        await Accessibility.AssertAccessibleAsync(page, $"stand page with errors at {width}x{height}");

        // Sent: a thank-you and an empty form for the next person.
        await page.Locator("#Proposal_Consent").CheckAsync();
        await page.Locator(".proposal-form button[type=submit]").ClickAsync();
        // The stand page posts back to its own address: the thank-you is what shows the answer has arrived.
        await Assertions.Expect(page.Locator(".thanks[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Proposal_Text")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#Proposal_Name")).ToHaveValueAsync("");
        await Accessibility.AssertAccessibleAsync(page, $"stand page thanking at {width}x{height}");
    }

    [Fact]
    public async Task TheStandPageKeepsAnUnsentDraftAndForgetsItOnceSent()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site, width: 820, height: 1180);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/workshops/{Bench}/stand");
        await page.Locator("#Proposal_Text").FillAsync("Luonnos, joka ei vielä lähtenyt");

        // The page reloads before sending (a dropped network, a tap on reload): the draft comes back.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#Proposal_Text")).ToHaveValueAsync("Luonnos, joka ei vielä lähtenyt");

        await page.Locator(".proposal-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".thanks")).ToBeVisibleAsync();
        // The draft is forgotten by the thank-you page's deferred script, which runs before that page's load event.
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.OpenAsync($"/workshops/{Bench}/stand");
        await Assertions.Expect(page.Locator("#Proposal_Text")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task ThePosterTheModerationListAndTheResultsPagesHaveNoAxeViolations()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/workshops/{Bench}/stand");
        await page.Locator("#Proposal_Text").FillAsync("Työpaikalla saa olla oma itsensä.");
        await page.Locator("#Proposal_Theme_1").CheckAsync();
        await page.Locator(".proposal-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".thanks")).ToBeVisibleAsync();

        await OrganiserBrowserTests.SignInAsync(page, site.Site, "browser-outcomes@example.fi");
        await page.OpenAsync($"/organiser/workshops/{Bench}/proposals");
        await Accessibility.AssertAccessibleAsync(page, "moderation list");
        var id = await site.Site.App.WithDbAsync(db => db.Proposals.Where(p => p.Text == "Työpaikalla saa olla oma itsensä.").Select(p => p.Id).SingleAsync());
        var row = page.Locator($"#p-{id}");
        await row.GetByRole(AriaRole.Button, new() { Name = "Hyväksy" }).ClickAsync();
        await Assertions.Expect(page.Locator(".outcome[role=status]")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Vie eteenpäin" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.proposals")).ToContainTextAsync("Viety eteenpäin");
        await Accessibility.AssertAccessibleAsync(page, "moderation list after approving and taking forward");

        await page.OpenAsync($"/organiser/workshops/{Bench}/poster");
        await Accessibility.AssertAccessibleAsync(page, "poster");
        Assert.EndsWith($"/workshops/{Bench}/stand", (await page.Locator(".poster-url").InnerTextAsync()).Trim());
        Assert.StartsWith("data:image/png;base64,", await page.Locator(".poster-qr").GetAttributeAsync("src"));

        await page.OpenAsync($"/organiser/workshops/{Bench}/results");
        await Accessibility.AssertAccessibleAsync(page, "organiser results page");
        await Assertions.Expect(page.Locator(".taken-forward")).ToContainTextAsync("Työpaikalla saa olla oma itsensä.");

        // Published (the site's clock is before the event, so the switch is set directly), the public page prints clean.
        await site.Site.App.UpdateWorkshopAsync(Bench, w => w.Results.Published = true);
        await page.OpenAsync($"/workshops/{Bench}/results");
        await Accessibility.AssertAccessibleAsync(page, "public results page");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".site-header").IsVisibleAsync(), "the header is printed");
        await Assertions.Expect(page.Locator(".taken-forward")).ToContainTextAsync("Työpaikalla saa olla oma itsensä.");
    }

    [Fact]
    public async Task TheMergeStepTheDeleteConfirmationAndAddingARecipientHaveNoAxeViolations()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        foreach (var text in new[] { "Kahvia joka palaveriin.", "Kahvia joka palaveriin, kiitos!" })
        {
            await page.OpenAsync($"/workshops/{Bench}/stand");
            await page.Locator("#Proposal_Text").FillAsync(text);
            await page.Locator(".proposal-form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".thanks")).ToBeVisibleAsync();
        }

        await OrganiserBrowserTests.SignInAsync(page, site, "browser-moderation@example.fi");
        await page.OpenAsync($"/organiser/workshops/{Bench}/proposals?state=New");
        var duplicate = page.Locator("table.proposals tbody tr", new() { HasText = "kiitos!" });
        await duplicate.Locator("a.merge-link").ClickAsync();
        await page.Locator("#q").FillAsync("palaveriin");
        await page.Locator(".merge-search button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("input[name='Input.Into']").First).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "merge step with matches");

        await page.OpenAsync($"/organiser/workshops/{Bench}/proposals?state=New");
        await page.Locator("table.proposals tbody tr", new() { HasText = "kiitos!" }).Locator("input[name=ids]").CheckAsync();
        await page.Locator("#bulk button.button-danger").ClickAsync();
        await Assertions.Expect(page.Locator("form.delete-form")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "delete confirmation");

        await page.OpenAsync($"/organiser/workshops/{Bench}/recipients/new");
        await Accessibility.AssertAccessibleAsync(page, "adding an outside recipient");
        await page.Locator("#Recipient_Name").FillAsync("Lauri Inna");
        await page.Locator("#Recipient_Email").FillAsync("kaupunginjohtaja@pori.example.fi");
        await page.Locator("form.add-recipient button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".confirm-recipient")).ToContainTextAsync("kaupunginjohtaja@pori.example.fi");
        await Accessibility.AssertAccessibleAsync(page, "confirming an outside recipient");
        await page.Locator("form.confirm-form button.button:not(.button-secondary)").ClickAsync();
        await Assertions.Expect(page.Locator("table.recipients")).ToContainTextAsync("kaupunginjohtaja@pori.example.fi");
        await Accessibility.AssertAccessibleAsync(page, "results page with an outside recipient");
    }
}
