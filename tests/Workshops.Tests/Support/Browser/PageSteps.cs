using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workshops.Tests.Support.Browser;

/// <summary>Small steps a visitor takes, written once.</summary>
public static class PageSteps
{
    /// <summary>
    /// Waits until the page has navigated to an address whose path ends with <paramref name="pathEnd"/> (a literal,
    /// query excluded) and that page has loaded, for a step that leads somewhere: a link, a form post and its redirect.
    /// </summary>
    /// <remarks>
    /// Not <c>IPage.WaitForURLAsync</c>: the .NET client compares the URL it last heard of and only then subscribes to
    /// the navigation event, so a navigation that lands in between is never seen (playwright-dotnet issue 3364). Here the
    /// browser side checks the URL, with retries; the load state, which the client checks and subscribes to under one
    /// lock, follows. A form that posts back to its own address is already there: wait on something only the answer has.
    /// </remarks>
    public static Task ArriveAtAsync(this IPage page, string pathEnd) =>
        page.ArriveAtAsync(new Regex("^[^?#]*" + Regex.Escape(pathEnd) + "([?#].*)?$"));

    /// <summary>As <see cref="ArriveAtAsync(IPage, string)"/>, for an address that matches <paramref name="url"/>.</summary>
    public static async Task ArriveAtAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

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
