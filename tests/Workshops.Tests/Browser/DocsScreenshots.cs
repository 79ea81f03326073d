using Microsoft.Playwright;

namespace Workshops.Tests.Browser;

/// <summary>
/// Pictures of the main pages at desktop and phone widths, from the site arranged with one workshop in each
/// state. Every run writes them under the test output (bin/…/screenshots) for a look at what changed;
/// <c>WORKSHOPS_SCREENSHOTS=docs/screenshots</c> writes them into the docs instead (see README).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DocsScreenshots(ChromiumFixture chromium, AllStatesSite site)
{
    private const int Desktop = 1280;
    private const int Phone = 360;

    [Fact]
    public async Task MainPagesAreCapturedAtDesktopAndPhoneWidths()
    {
        var folder = Folder();
        var shots = new (string File, string Language, int Width, string State)[]
        {
            ("programme-desktop.png", "fi", Desktop, "programme"),
            ("programme-sv-desktop.png", "sv", Desktop, "programme"),
            // No workshop has a time yet: the programme says so instead of "all day" (README shows this one).
            ("programme-en-desktop.png", "en", Desktop, "programme"),
            ("programme-phone.png", "fi", Phone, "programme"),
            ("workshop-phone.png", "fi", Phone, "workshop with an empty form"),
            ("workshop-en-phone.png", "en", Phone, "workshop with an empty form"),
            ("form-errors-desktop.png", "fi", Desktop, "form with errors"),
            ("manage-phone.png", "fi", Phone, "own page: confirmed"),
        };

        foreach (var (file, language, width, state) in shots)
        {
            await using var visitor = await chromium.NewVisitorAsync(site.Site, language, width, height: width == Phone ? 740 : 900);
            var page = await visitor.NewPageAsync();
            await PublicPages.Named(state).OpenAsync(page, site);
            if (file == "programme-en-desktop.png")
            {
                Assert.EndsWith("time to be announced", (await page.Locator(".facts-when dd").First.InnerTextAsync()).Trim());
            }

            // No blinking caret or focus ring in the picture.
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file), FullPage = true });
        }

        Assert.All(shots, s => Assert.True(new FileInfo(Path.Combine(folder, s.File)).Length > 10_000, s.File));
    }

    internal static string Folder()
    {
        var wanted = Environment.GetEnvironmentVariable("WORKSHOPS_SCREENSHOTS");
        var folder = string.IsNullOrEmpty(wanted)
            ? Path.Combine(AppContext.BaseDirectory, "screenshots")
            : Path.IsPathRooted(wanted) ? wanted : Path.Combine(RepositoryRoot(), wanted);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workshops.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Workshops.sln not found above " + AppContext.BaseDirectory);
    }
}
