using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>Keyboard users see where they are and can skip the header.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
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
    [InlineData("/")]
    [InlineData("/workshops/" + AllStatesSite.Open)]
    public async Task EveryTabStopShowsTheFocusRing(string path)
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync(path);

        // Tab through the whole page once (until focus leaves it), checking each stop on the way.
        var stops = new List<string>();
        var withoutRing = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.FocusedAsync();
            if (focused == "body" || stops.Contains(focused))
            {
                break;
            }

            stops.Add(focused);
            var ring = await page.EvaluateAsync<string>("""
                () => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth} | ${s.boxShadow}`; }
                """);
            // The site's ring (3px solid outline with a light halo), not the browser's thin default or nothing.
            if (!ring.StartsWith("solid 3px", StringComparison.Ordinal) || ring.EndsWith("| none", StringComparison.Ordinal))
            {
                withoutRing.Add($"{focused}: {ring}");
            }
        }

        Assert.True(stops.Count >= 10, "Tab found only: " + string.Join(", ", stops));
        Assert.True(withoutRing.Count == 0, "Focused without the focus ring:\n" + string.Join('\n', withoutRing));
    }
}
