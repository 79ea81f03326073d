using Microsoft.Playwright;

namespace Workshops.Tests.Support.Browser;

/// <summary>
/// WCAG 1.4.10 reflow, as a test sees it: no sideways scrolling, and every link, button, field and disclosure on the
/// screen. A control inside a table that scrolls on its own (<c>.table-scroll</c>) counts only when that box is on the
/// screen and shows its scroll cue (the shadow at the edge with more to see).
/// </summary>
public static class Reflow
{
    /// <summary>Fails listing the page's width, its widest element and every control off the screen.</summary>
    public static async Task AssertFitsAsync(IPage page, string state)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
                const width = window.innerWidth;
                const out = [];
                const describe = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : ''} "${(e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
                const scrollWidth = document.documentElement.scrollWidth;
                if (scrollWidth > width) {
                    let worst = null, right = width;
                    for (const e of document.body.querySelectorAll('*')) {
                        const r = e.getBoundingClientRect().right;
                        if (r > right) { right = r; worst = e; }
                    }
                    // Text can stick out of a box that itself fits (an unbroken word): name the text too.
                    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                    let text = null, textRight = width, node;
                    while ((node = walker.nextNode())) {
                        const range = document.createRange();
                        range.selectNodeContents(node);
                        for (const r of range.getClientRects()) if (r.right > textRight) { textRight = r.right; text = node; }
                    }
                    out.push(`the page is ${scrollWidth} px wide in a ${width} px window; widest: ${worst ? describe(worst) + ' to ' + Math.round(right) + ' px' : 'none'}`
                        + (text ? `; text "${text.textContent.trim().slice(0, 40)}" in ${describe(text.parentElement)} to ${Math.round(textRight)} px` : ''));
                }
                for (const e of document.querySelectorAll('a[href], button, summary, input:not([type=hidden]), select, textarea')) {
                    if (e.closest('.trap')) continue; // the honeypot is off screen on purpose
                    const r = e.getBoundingClientRect();
                    if (r.width === 0 && r.height === 0) continue; // not rendered: inside a closed <details>, or filtered out
                    if (r.left >= -0.5 && r.right <= width + 0.5) continue;
                    const box = e.closest('.table-scroll');
                    if (box) {
                        const b = box.getBoundingClientRect();
                        if (b.left >= -0.5 && b.right <= width + 0.5 && box.scrollWidth > box.clientWidth) continue;
                    }
                    out.push(`${describe(e)} is off screen at ${Math.round(r.left)}–${Math.round(r.right)} px`);
                }
                return out;
            }
            """);
        Assert.True(problems.Length == 0, $"{state} ({page.Url}):\n  " + string.Join("\n  ", problems));
    }

    /// <summary>
    /// The contrast ratio (WCAG 2.1) of an element's text against the first opaque background behind it, as the browser
    /// computed the colours.
    /// </summary>
    public static Task<double> ContrastAsync(ILocator element) =>
        element.EvaluateAsync<double>("""
            e => {
                const rgb = c => c.match(/[\d.]+/g).map(Number);
                const luminance = ([r, g, b]) => {
                    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
                };
                let back = e, bg;
                while (back) {
                    bg = rgb(getComputedStyle(back).backgroundColor);
                    if (bg.length < 4 || bg[3] > 0) break;
                    back = back.parentElement;
                }
                if (!back) bg = [255, 255, 255];
                const [a, b] = [luminance(rgb(getComputedStyle(e).color)), luminance(bg)].sort((x, y) => y - x);
                return Math.round((a + 0.05) / (b + 0.05) * 100) / 100;
            }
            """);
}
