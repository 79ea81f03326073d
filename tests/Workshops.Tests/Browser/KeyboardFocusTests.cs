using Microsoft.Playwright;

namespace Workshops.Tests.Browser;

/// <summary>Keyboard users see where they are and can skip the header.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardFocusTests(ChromiumFixture chromium, AllStatesSite site)
{
    [Fact]
    public async Task TheFirstTabShowsTheSkipLinkWhichMovesFocusToTheMainContent()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/workshops/{AllStatesSite.Open}");

        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.FocusedMatchesAsync("a.skip-link"), $"the first Tab went to {await page.FocusedAsync()}");
        var box = await page.Locator("a.skip-link").BoundingBoxAsync();
        Assert.True(box is { Y: >= 0, Height: > 0 }, "the focused skip link is off screen");
        Assert.Equal("Siirry pääsisältöön", await page.Locator("a.skip-link").InnerTextAsync());

        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.FocusedMatchesAsync("main"), $"the skip link moved focus to {await page.FocusedAsync()}");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.FocusedMatchesAsync("main a"), $"after the skip link, Tab went to {await page.FocusedAsync()}");
    }

    [Theory]
    [InlineData("a link in the header", "header a.brand")]
    [InlineData("a language link", "header nav a[hreflang=sv]")]
    [InlineData("a link in the content", "main .breadcrumb a")]
    [InlineData("a text field", "#Input_Name")]
    [InlineData("a radio button", "#Input_Group")]
    [InlineData("a checkbox", "#Input_Consent")]
    [InlineData("the submit button", "main button[type=submit]")]
    [InlineData("a link in the footer", "footer a[href='/accessibility']")]
    public async Task KeyboardFocusIsVisible(string what, string selector)
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/workshops/{AllStatesSite.Open}");
        var unfocused = await FocusStyleAsync(page, selector);

        await page.TabToAsync(selector, maxPresses: 60);

        var focused = await FocusStyleAsync(page, selector);
        Assert.True(focused.Outline != "none" || focused.BoxShadow != "none", $"{what} shows no outline or shadow when focused");
        Assert.NotEqual(unfocused, focused);
    }

    private sealed record FocusStyle(string Outline, string BoxShadow);

    private static async Task<FocusStyle> FocusStyleAsync(IPage page, string selector)
    {
        var style = await page.Locator(selector).EvaluateAsync<string[]>(
            "e => { const s = getComputedStyle(e); return [s.outlineStyle === 'none' ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, s.boxShadow]; }");
        return new FocusStyle(style[0], style[1]);
    }
}
