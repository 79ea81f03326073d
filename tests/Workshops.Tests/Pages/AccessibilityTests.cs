using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages;

/// <summary>Landmarks, one h1, and nothing axe (WCAG 2.1 A and AA) objects to, on every public page in every state, in each language.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class AccessibilityTests(ChromiumFixture chromium, AllStatesSite site)
{
    /// <summary>Every state in Finnish; in Swedish and English the translated validation messages and a page written per language.</summary>
    public static TheoryData<string, string> States()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in PublicPages.All)
        {
            data.Add(state.Name, "fi");
        }

        foreach (var name in new[] { "form with errors", "accessibility statement" })
        {
            data.Add(name, "sv");
        }

        foreach (var name in new[] { "form with errors", "privacy notice" })
        {
            data.Add(name, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(States))]
    public async Task PublicPageIsAccessible(string state, string language)
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site, language);
        var page = await visitor.NewPageAsync();
        await PublicPages.Named(state).OpenAsync(page, site);
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));

        await Accessibility.AssertAccessibleAsync(page, $"{state} ({language})");
    }
}
