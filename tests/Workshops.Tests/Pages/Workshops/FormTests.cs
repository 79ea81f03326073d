using Microsoft.Playwright;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>The registration form in a browser: the error summary and the language switch.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class FormTests(ChromiumFixture chromium, AllStatesSite site)
{
    private const string Rauma = AllStatesSite.Open;

    [Fact]
    public async Task AnEmptySubmissionFocusesTheErrorSummaryWhoseLinksLeadToEachField()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/workshops/{Rauma}");
        await page.Locator("main button[type=submit]").PressAsync("Enter");

        // The form posts back to its own address, so waiting for the URL would return before the answer arrives:
        // wait for what only the answer has, its error summary, to take the focus.
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        Assert.Equal("alert", await summary.GetAttributeAsync("role"));

        var links = summary.Locator("a");
        var expected = new[] { "Name", "Email", "Group", "Consent" };
        Assert.Equal(expected.Select(f => $"#Input_{f}"), await links.EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"));
        for (var i = 0; i < expected.Length; i++)
        {
            var field = expected[i];
            var message = await links.Nth(i).InnerTextAsync();
            await links.Nth(i).PressAsync("Enter");
            Assert.True(await page.FocusedMatchesAsync($"#Input_{field}"), $"the link to {field} moved focus to {await page.FocusedAsync()}");

            // The field (or its group) is marked invalid and described by the same message.
            var described = field == "Group" ? page.Locator("fieldset:has(#Input_Group)") : page.Locator($"#Input_{field}");
            var ids = (await described.GetAttributeAsync("aria-describedby") ?? "").Split(' ');
            Assert.Contains($"Input_{field}-error", ids);
            Assert.Equal(message, await page.Locator($"#Input_{field}-error").InnerTextAsync());
            Assert.Equal("true", await page.Locator($"#Input_{field}").GetAttributeAsync("aria-invalid"));
        }

        // Fields without errors carry no error state.
        Assert.Null(await page.Locator("#Input_Organisation").GetAttributeAsync("aria-invalid"));
        Assert.Null(await page.Locator("#Input_Organisation").GetAttributeAsync("aria-describedby"));
    }

    [Fact]
    public async Task TheLanguageSwitchChangesThePageAndTheNextEmail()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/workshops/{Rauma}");
        Assert.Equal("fi", await page.Locator("html").GetAttributeAsync("lang"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Svenska" }).ClickAsync();

        // The switch comes back to the same address: wait for the Swedish page itself, not for the URL.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        Assert.Equal("Tillsammans mot ensamhet – Satakuntas workshop i Raumo", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("sv", await page.Locator("#Input_Language").InputValueAsync());

        await page.Locator("#Input_Name").FillAsync("Sara Sund");
        await page.Locator("#Input_Email").FillAsync("sara.sund@example.fi");
        await page.Locator("#Input_Group_Citizen").CheckAsync();
        await page.Locator("#Input_Consent").CheckAsync();
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.ArriveAtAsync($"/workshops/{Rauma}/registered");
        Assert.Equal("Din plats är bekräftad", await page.Locator("h1").InnerTextAsync());

        var message = await site.MessageToAsync("sara.sund@example.fi");
        Assert.Equal("Din plats är bekräftad: Tillsammans mot ensamhet – Satakuntas workshop i Raumo", message.Subject);
        Assert.Contains("Hej Sara Sund", message.TextBody);
    }
}
