using Microsoft.Playwright;

namespace Workshops.Tests.Support.Browser;

/// <summary>What a visitor does often enough to write once.</summary>
public static class Visitor
{
    /// <summary>Fills a workshop's form with valid details, sends it and waits for the outcome page.</summary>
    public static async Task RegisterAsync(IPage page, string slug, string name, string email)
    {
        if (!page.Url.EndsWith($"/workshops/{slug}", StringComparison.Ordinal))
        {
            await page.OpenAsync($"/workshops/{slug}");
        }

        await page.Locator("#Input_Name").FillAsync(name);
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Group").CheckAsync();
        await page.Locator("#Input_Consent").CheckAsync();
        // The registration form's button: a walk-in café's page also has the ideas wall's form.
        await page.Locator("section.register button[type=submit]").ClickAsync();
        await page.ArriveAtAsync($"/workshops/{slug}/registered");
    }
}
