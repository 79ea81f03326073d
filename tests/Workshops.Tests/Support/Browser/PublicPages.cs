using Microsoft.Playwright;

namespace Workshops.Tests.Support.Browser;

/// <summary>A state a visitor can see, and how a browser gets there on <see cref="AllStatesSite"/>.</summary>
public sealed record PageState(string Name, Func<IPage, AllStatesSite, Task> OpenAsync)
{
    public override string ToString() => Name;
}

/// <summary>Every public page in every state, named; the accessibility, layout and privacy checks go through all of them.</summary>
public static class PublicPages
{
    public static readonly PageState[] All =
    [
        new("programme", (page, _) => page.OpenAsync("/")),
        new("workshop with an empty form", (page, _) => page.OpenAsync($"/workshops/{AllStatesSite.Open}")),
        new("form with errors", async (page, _) =>
        {
            await page.OpenAsync($"/workshops/{AllStatesSite.Open}");
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.Locator(".error-summary").WaitForAsync();
        }),
        new("registered", (page, site) => Visitor.RegisterAsync(page, AllStatesSite.Open, "Aino Ääkkönen", site.NewEmail())),
        new("full workshop (online) with the waiting-list form", (page, _) => page.OpenAsync($"/workshops/{AllStatesSite.Full}")),
        new("on the waiting list", (page, site) => Visitor.RegisterAsync(page, AllStatesSite.Full, "Bertil Blom", site.NewEmail())),
        new("walk-in café", (page, _) => page.OpenAsync($"/workshops/{AllStatesSite.WalkIn}")),
        new("walk-in café: count me in (before the event)", (page, _) => page.OpenAsync($"/workshops/{AllStatesSite.WalkIn}/here")),
        new("walk-in café: the ideas wall's stand", (page, _) => page.OpenAsync($"/workshops/{AllStatesSite.WalkIn}/stand")),
        new("walk-in café: the feedback form", (page, _) => page.OpenAsync($"/workshops/{AllStatesSite.WalkIn}/feedback")),
        new("walk-in interest registered", (page, site) => Visitor.RegisterAsync(page, AllStatesSite.WalkIn, "Cecilia Carlsson", site.NewEmail())),
        new("registration closed (deadline passed)", (page, _) => page.OpenAsync($"/workshops/{AllStatesSite.PastDeadline}")),
        new("cancelled workshop", (page, _) => page.OpenAsync($"/workshops/{AllStatesSite.Cancelled}")),
        new("own page: confirmed", (page, site) => page.OpenAsync(site.ConfirmedManagePath)),
        new("own page: waiting list", (page, site) => page.OpenAsync(site.WaitlistedManagePath)),
        new("own page: cancelled", (page, site) => page.OpenAsync(site.CancelledManagePath)),
        new("own page: correction form", (page, site) => page.OpenAsync(site.ConfirmedManagePath + "/correct")),
        new("correction form with errors", async (page, site) =>
        {
            // An empty name is refused, so this changes nothing and can run any number of times.
            await page.OpenAsync(site.ConfirmedManagePath + "/correct");
            await page.Locator("#Input_Name").FillAsync("");
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.Locator(".error-summary").WaitForAsync();
        }),
        new("cancel confirmation", (page, site) => page.OpenAsync(site.ConfirmedManagePath + "/cancel")),
        new("own page: just cancelled", async (page, site) =>
        {
            await page.OpenAsync(await site.RegisterAsync(AllStatesSite.Open) + "/cancel");
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.Locator("main [role=status]").WaitForAsync();
        }),
        new("own page: hybrid, with the switch to online", async (page, site) =>
        {
            await page.OpenAsync(site.HybridManagePath);
            await page.Locator("section.switch-mode").WaitForAsync();
        }),
        new("own page: attended, with the certificate link", async (page, site) =>
        {
            await page.OpenAsync(site.AttendedManagePath);
            await page.Locator("a[data-certificate=download]").WaitForAsync();
        }),
        new("certificate verification: genuine", async (page, site) =>
        {
            await page.OpenAsync($"/certificates/{site.CertificateCode}");
            await page.Locator("[data-verdict=genuine]").WaitForAsync();
        }),
        new("certificate verification: unknown code", (page, _) => page.OpenAsync("/certificates/" + new string('A', 43), expectedStatus: 404)),
        new("forgotten password: asking for a link", (page, _) => page.OpenAsync("/organiser/forgot-password")),
        new("forgotten password: check your email", async (page, _) =>
        {
            // An address that is no member's: the same answer, and no email to wait for.
            await page.OpenAsync("/organiser/forgot-password");
            await page.Locator("#Email").FillAsync("ei-jasen@example.fi");
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.Locator("main [role=status]").WaitForAsync();
        }),
        new("forgotten password: the new password form", async (page, site) =>
        {
            await page.OpenAsync(await site.ResetPasswordPathAsync(await LanguageAsync(page)));
            await page.Locator("#Input_NewPassword").WaitForAsync();
        }),
        new("invitation: the invited member sets a password", async (page, site) =>
        {
            await page.OpenAsync(site.InvitationPaths[await LanguageAsync(page)]);
            await page.Locator("#Input_NewPassword").WaitForAsync();
        }),
        new("own page: link not valid", (page, _) => page.OpenAsync("/manage/" + new string('A', 43), expectedStatus: 404)),
        new("privacy notice", (page, _) => page.OpenAsync("/privacy")),
        new("accessibility statement", (page, _) => page.OpenAsync("/accessibility")),
        new("page not found", (page, _) => page.OpenAsync("/no-such-page", expectedStatus: 404)),
    ];

    public static PageState Named(string name) => All.Single(s => s.Name == name);

    /// <summary>The visitor's language (fi/sv/en), as their browser's locale says (<see cref="ChromiumFixture.NewVisitorAsync"/>).</summary>
    private static Task<string> LanguageAsync(IPage page) => page.EvaluateAsync<string>("() => navigator.language.slice(0, 2)");
}
