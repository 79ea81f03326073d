using Microsoft.Playwright;

namespace Workshops.Tests.Browser;

/// <summary>Small steps a visitor takes, written once.</summary>
public static class PageSteps
{
    /// <summary>
    /// For WaitForURLAsync after a form post: the page has arrived once its document is parsed. Waiting for the "load"
    /// event (the default) timed out in full-suite runs on the loaded 2-core machine although the server had answered
    /// the redirect, the page, its CSS and icon within 50 ms; every assertion after it waits for its own element.
    /// WaitForURLAsync returns at once when the page is already at that address (a form that posts back to itself,
    /// the language switch): there, wait with an <c>Assertions.Expect</c> on something only the new page has.
    /// </summary>
    public static readonly PageWaitForURLOptions Arrived = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    /// <summary>Opens a path of the served site and checks the status code.</summary>
    public static async Task<IResponse> OpenAsync(this IPage page, string path, int expectedStatus = 200)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        Assert.True(response.Status == expectedStatus, $"GET {path} answered {response.Status}, expected {expectedStatus}");
        return response;
    }

    /// <summary>The focused element, described for assertions and messages: "input#Input_Name", "a.button[href=/x]".</summary>
    public static Task<string> FocusedAsync(this IPage page) =>
        page.EvaluateAsync<string>("""
            () => {
                const e = document.activeElement;
                if (!e || e === document.body) return 'body';
                return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                    + (e.getAttribute('href') ? `[href=${e.getAttribute('href')}]` : '');
            }
            """);

    public static Task<bool> FocusedMatchesAsync(this IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector);

    /// <summary>
    /// Presses Tab until the element matching <paramref name="selector"/> has focus, as a keyboard user
    /// does; fails listing where focus went if it never arrives.
    /// </summary>
    public static async Task TabToAsync(this IPage page, string selector, int maxPresses = 40)
    {
        var visited = new List<string>();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.FocusedMatchesAsync(selector))
            {
                return;
            }

            visited.Add(await page.FocusedAsync());
        }

        Assert.Fail($"Tab never reached {selector}; focus went to:\n  " + string.Join("\n  ", visited));
    }

    /// <summary>One Tab, which must land on <paramref name="selector"/> (checks the focus order).</summary>
    public static async Task TabExpectingAsync(this IPage page, string selector)
    {
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.FocusedMatchesAsync(selector), $"Tab went to {await page.FocusedAsync()}, expected {selector}");
    }

    /// <summary>True when the page needs no sideways scrolling at the current viewport.</summary>
    public static Task<bool> FitsWidthAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
