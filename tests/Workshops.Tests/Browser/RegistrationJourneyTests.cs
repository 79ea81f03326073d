using Workshops.Tests.Support;

namespace Workshops.Tests.Browser;

/// <summary>A person registers, gets the email, opens their own page from it and cancels: keyboard only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegistrationJourneyTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Rauma = "rauma-yksinaisyys";
    private ServedApp _site = null!;

    public Task InitializeAsync()
    {
        _site = ServedApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task APersonRegistersByKeyboardOpensTheEmailedLinkAndCancels()
    {
        await using var visitor = await chromium.NewVisitorAsync(_site);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/workshops/{Rauma}");

        await page.TabToAsync("#Input_Name");
        await page.Keyboard.TypeAsync("Aino Ääkkönen");
        await page.TabExpectingAsync("#Input_Email");
        await page.Keyboard.TypeAsync("aino@example.fi");
        await page.TabExpectingAsync("#Input_Organisation");
        await page.Keyboard.TypeAsync("Rauman kaupunki");
        await page.TabExpectingAsync("#Input_Group");
        await page.Keyboard.PressAsync("Space");
        await page.TabExpectingAsync("#Input_Needs");
        await page.Keyboard.TypeAsync("Gluteeniton");
        await page.TabExpectingAsync("#Input_Language");
        await page.TabExpectingAsync("#Input_Consent");
        await page.Keyboard.PressAsync("Space");
        await page.TabExpectingAsync("a[href='/privacy']");
        await page.TabExpectingAsync("button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**/workshops/{Rauma}/registered");
        Assert.Equal("Paikkasi on vahvistettu", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Sinulla on paikka työpajassa.", await page.Locator("[role=status]").InnerTextAsync());

        var message = await _site.Smtp.NextMessageAsync();
        Assert.Equal("aino@example.fi", message.To.Mailboxes.Single().Address);
        var manage = Mail.ManagePath(message);

        await page.OpenAsync(manage);
        Assert.Contains("Sinulla on paikka työpajassa.", await page.Locator("main").InnerTextAsync());
        await page.TabToAsync($"a[href='{manage}/cancel']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**{manage}/cancel");

        await page.TabToAsync("main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith(manage, StringComparison.Ordinal));
        Assert.Contains("Ilmoittautumisesi on peruttu.", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Equal("Cancelled", Assert.Single(await _site.App.RegistrationsInFileAsync(Rauma)).Status);
    }
}
