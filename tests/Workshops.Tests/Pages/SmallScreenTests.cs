using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages;

/// <summary>Every public page reflows: on a 360-pixel phone and at 200% zoom nothing needs scrolling sideways.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class SmallScreenTests(ChromiumFixture chromium, AllStatesSite site)
{
    [Theory]
    [InlineData("a 360 × 740 phone", 360, 740, 2)]
    // A 1280-pixel window at 200% zoom lays pages out in 640 CSS pixels, at twice the device pixels.
    [InlineData("200% zoom of a 1280 × 800 window", 640, 400, 2)]
    public async Task NoPublicPageScrollsSideways(string screen, int width, int height, float scale)
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site, width: width, height: height, deviceScaleFactor: scale);
        var page = await visitor.NewPageAsync();
        var tooWide = new List<string>();
        foreach (var state in PublicPages.All)
        {
            await state.OpenAsync(page, site);
            if (!await page.FitsWidthAsync())
            {
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                tooWide.Add($"{state.Name}: {scrollWidth} px wide; widest: {await WidestElementAsync(page, width)}");
            }
        }

        Assert.True(tooWide.Count == 0, $"On {screen} these pages scroll sideways:\n" + string.Join('\n', tooWide));
    }

    /// <summary>The element sticking out furthest to the right, to say what to fix.</summary>
    private static Task<string> WidestElementAsync(Microsoft.Playwright.IPage page, int width) =>
        page.EvaluateAsync<string>("""
            width => {
                let worst = null, right = width;
                for (const e of document.body.querySelectorAll('*')) {
                    const r = e.getBoundingClientRect().right;
                    if (r > right) { right = r; worst = e; }
                }
                return worst ? `${worst.tagName.toLowerCase()}.${worst.className} (${Math.round(right)} px): ${worst.textContent.trim().slice(0, 60)}` : 'none';
            }
            """, width);
}
