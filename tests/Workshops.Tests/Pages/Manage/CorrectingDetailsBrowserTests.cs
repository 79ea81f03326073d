using Microsoft.Playwright;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Manage;

/// <summary>
/// A person who registered in Swedish opens the emailed link in a browser set to English, gets their page in Swedish,
/// corrects their name there, and receives the confirmation in Swedish with the new name.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class CorrectingDetailsBrowserTests(ChromiumFixture chromium, AllStatesSite site)
{
    private const string Rauma = AllStatesSite.Open;

    [Fact]
    public async Task ASwedishRegistrantCorrectsTheirNameFromTheEmailedLinkInAnEnglishBrowser()
    {
        var email = site.NewEmail();
        await using (var swedish = await chromium.NewVisitorAsync(site.Site, "sv"))
        {
            var form = await swedish.NewPageAsync();
            await Visitor.RegisterAsync(form, Rauma, "Sara Sund", email);
            Assert.Equal("sv", await form.Locator("html").GetAttributeAsync("lang"));
        }

        var confirmation = await site.MessageToAsync(email);
        Assert.StartsWith("Din plats är bekräftad", confirmation.Subject);
        var manage = Support.Mail.ManagePath(confirmation);

        await using var english = await chromium.NewVisitorAsync(site.Site, "en");
        var page = await english.NewPageAsync();
        await page.OpenAsync(manage);
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Min anmälan", await page.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Rätta dina uppgifter" }).ClickAsync();
        await page.ArriveAtAsync($"{manage}/correct");
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Sara Sund", await page.Locator("#Input_Name").InputValueAsync());
        Assert.Equal(0, await page.Locator("#Input_Email").CountAsync());
        Assert.Contains(email, await page.Locator("main").InnerTextAsync());

        await page.Locator("#Input_Name").FillAsync("");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Equal("sv", await page.Locator("html").GetAttributeAsync("lang"));
        await Accessibility.AssertAccessibleAsync(page, "correction form with errors (sv)");

        await page.Locator("#Input_Name").FillAsync("Sara Sundström");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.ArriveAtAsync(manage);
        Assert.Contains("Dina uppgifter har uppdaterats.", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Contains("Sara Sundström", await page.Locator("main").InnerTextAsync());

        var corrected = await site.MessageToAsync(email);
        Assert.Equal("Dina uppgifter har uppdaterats: Tillsammans mot ensamhet – Satakuntas workshop i Raumo", corrected.Subject);
        Assert.Contains("Hej Sara Sundström", corrected.TextBody);
        Assert.Contains("Namn: Sara Sundström\n", corrected.TextBody);
        Assert.Equal("Sara Sundström", corrected.To.Mailboxes.Single().Name);
    }

    [Fact]
    public async Task TheCorrectionFormWithErrorsPutsEachMessageByItsFieldAndAxeFindsNothing()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await PublicPages.Named("correction form with errors").OpenAsync(page, site);

        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync(); // autofocus applies at the first rendering
        Assert.Equal("Kirjoita nimesi.", await page.Locator("#Input_Name-error").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#Input_Name").GetAttributeAsync("aria-invalid"));
        Assert.Contains("Input_Name-error", (await page.Locator("#Input_Name").GetAttributeAsync("aria-describedby") ?? "").Split(' '));
        await Accessibility.AssertAccessibleAsync(page, "correction form with errors");
    }
}
