using Microsoft.Playwright;

namespace Workshops.Tests.Support.Browser;

/// <summary>Every browser test runs in this collection, so they share one Chromium and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<AllStatesSite>
{
    public const string Name = "Browser";
}

/// <summary>
/// One headless Debian Chromium for the whole collection (starting it costs seconds; a context costs
/// milliseconds). Playwright's own browser builds are never downloaded: there is no network for them.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A missing browser fails every browser test with this message; it never turns them into skips.
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ExecutablePath}. Install it with " +
                "`sudo apt-get install -y chromium` (tests/run.sh does this when it is missing). " +
                "Do not run `playwright install`: the tests never download a browser.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// One visitor's browser: a fresh profile (no cookies) asking for <paramref name="language"/> first, as a
    /// browser set to that language does (headless Chromium would otherwise ask for en-US). Dispose it at the end.
    /// </summary>
    public async Task<IBrowserContext> NewVisitorAsync(ServedApp site, string language = "fi", int width = 1280, int height = 900, float deviceScaleFactor = 1)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            Locale = language switch { "sv" => "sv-FI", "en" => "en-GB", _ => "fi-FI" },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = $"{language};q=1" },
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = deviceScaleFactor,
            TimezoneId = "Europe/Helsinki",
        });
        // A ceiling, not a delay: the 2-core CI machine runs other test collections alongside the browser.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
