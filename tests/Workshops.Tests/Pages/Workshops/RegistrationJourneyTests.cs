using Workshops.Tests.Support;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>A person registers, gets the email, opens their own page from it and cancels: keyboard only.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class RegistrationJourneyTests(ChromiumFixture chromium, AllStatesSite site)
{
    private const string Rauma = AllStatesSite.Open;

    [Fact]
    public async Task APersonRegistersByKeyboardOpensTheEmailedLinkAndCancels()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/workshops/{Rauma}");

        await page.TabToAsync("#Input_Name");
        await page.Keyboard.TypeAsync("Aino Ääkkönen");
        await page.TabExpectingAsync("#Input_Email");
        await page.Keyboard.TypeAsync("aino.keyboard@example.fi");
        await page.TabExpectingAsync("#Input_Organisation");
        await page.Keyboard.TypeAsync("Rauman kaupunki");
        // The organisation's type for the funder (issue 26), optional: left as it is.
        await page.TabExpectingAsync("#Input_OrganisationType");
        await page.TabExpectingAsync("#Input_Group");
        await page.Keyboard.PressAsync("Space");
        // The needs checklist (issue 26): one tab stop per need; Space ticks captions.
        await page.TabExpectingAsync("#Input_AccessNeeds");
        await page.Keyboard.PressAsync("Space");
        foreach (var need in new[] { "SignLanguage", "InductionLoop", "StepFreeAccess", "Assistant", "PlainLanguage", "Diet" })
        {
            await page.TabExpectingAsync($"#Input_AccessNeeds_{need}");
        }

        await page.TabExpectingAsync("#Input_Needs");
        await page.Keyboard.TypeAsync("Gluteeniton");
        await page.TabExpectingAsync("#Input_Language");
        await page.TabExpectingAsync("#Input_Consent");
        await page.Keyboard.PressAsync("Space");
        await page.TabExpectingAsync("a[href='/privacy']");
        await page.TabExpectingAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await page.ArriveAtAsync($"/workshops/{Rauma}/registered");
        Assert.Equal("Paikkasi on vahvistettu", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Sinulla on paikka työpajassa.", await page.Locator("[role=status]").InnerTextAsync());

        var message = await site.MessageToAsync("aino.keyboard@example.fi");
        var manage = Mail.ManagePath(message);

        await page.OpenAsync(manage);
        Assert.Contains("Sinulla on paikka työpajassa.", await page.Locator("main").InnerTextAsync());
        await page.TabToAsync($"a[href='{manage}/cancel']");
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync($"{manage}/cancel");

        await page.TabToAsync("main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAtAsync(manage);
        Assert.Contains("Ilmoittautumisesi on peruttu.", await page.Locator("[role=status]").InnerTextAsync());
        var stored = await site.Site.App.RegistrationsInFileAsync(Rauma);
        Assert.Equal("Cancelled", Assert.Single(stored, r => r.Email == "aino.keyboard@example.fi").Status);
    }
}
