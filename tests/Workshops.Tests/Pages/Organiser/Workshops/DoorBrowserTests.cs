using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// At the door and on a phone, in Chromium on <see cref="DoorSite"/> (a workshop under way with twelve people and three
/// custom questions): the check-in page before and after a tap, the attendee list at 360 and 1,280 pixels, a person
/// checking themselves in on their own page, a walk-in visitor counting themselves in, the self check-in pages at 320
/// pixels in every language, and the pictures for the docs.
/// Each test leaves the people as it found them, except the self check-in, which the pictures may show.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class DoorBrowserTests(ChromiumFixture chromium, DoorSite door) : IClassFixture<DoorSite>
{
    private const string CheckIn = $"/organiser/workshops/{DoorSite.Workshop}/check-in";

    private Task<int> IdOfAsync(string email) =>
        door.Site.App.WithDbAsync(db => db.Registrations.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());

    /// <summary>What every state of the check-in page must be: axe-clean, reflowing, names whole, states readable.</summary>
    private static async Task AssertDoorAsync(IPage page, string state)
    {
        await Accessibility.AssertAccessibleAsync(page, state);
        await Reflow.AssertFitsAsync(page, state);
        // A name may wrap between its words (or at its hyphen), never inside one: each part is drawn on one line.
        var broken = await page.EvaluateAsync<string[]>("""
            () => {
                const out = [];
                for (const name of document.querySelectorAll('.checkin-list li:not([hidden]) .name')) {
                    const node = name.firstChild, text = node.textContent;
                    for (const m of text.matchAll(/[^\s-]+/g)) {
                        const range = document.createRange();
                        range.setStart(node, m.index);
                        range.setEnd(node, m.index + m[0].length);
                        if (range.getClientRects().length > 1) out.push(`${m[0]} in ${text}`);
                    }
                }
                return out;
            }
            """);
        Assert.True(broken.Length == 0, $"{state}: names broken inside a word: " + string.Join(", ", broken));
        foreach (var mark in await page.Locator(".checkin-list li:not([hidden]) .present-mark, .checkin-list li:not([hidden]) .state-absent, .checkin-list li.present summary").AllAsync())
        {
            var ratio = await Reflow.ContrastAsync(mark);
            Assert.True(ratio >= 4.5, $"{state}: '{await mark.InnerTextAsync()}' has contrast {ratio}:1");
        }
    }

    [Fact]
    public async Task TheCheckInPageOnAPhoneBeforeAndAfterATap()
    {
        await using var visitor = await chromium.NewVisitorAsync(door.Site, width: 360, height: 740, deviceScaleFactor: 2);
        var page = await visitor.NewPageAsync();
        await DoorSite.SignInAsync(page);
        var maria = await IdOfAsync("maria-liisa@example.fi");

        // One tap from the dashboard: a workshop under way has its door button at the top.
        await page.Locator($".door-shortcut a[href='{CheckIn}']").ClickAsync();
        await page.ArriveAtAsync(CheckIn);
        await AssertDoorAsync(page, "check-in before a tap");
        Assert.Equal(await door.CodeAsync(), (await page.Locator(".venue-code .code").InnerTextAsync()).Trim());
        var present = int.Parse(await page.Locator("[data-count=present]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("12", await page.Locator("[data-count=expected]").InnerTextAsync());

        // Our script filters as you type, accents or not.
        await page.Locator("#q").FillAsync("karkkai");
        await Assertions.Expect(page.Locator(".checkin-list li:visible")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#filter-count")).ToHaveTextAsync("1 näkyvissä");
        await Assertions.Expect(page.Locator($"#r-{maria} .state")).ToHaveTextAsync("Ei vielä saapunut");
        await AssertDoorAsync(page, "check-in filtered to one person");

        var tap = page.Locator($"#r-{maria} .arrive-form button");
        Assert.Equal("Merkitse saapuneeksi: Maria-Liisa Kärkkäinen-Öhrnberg", await tap.EvaluateAsync<string>("b => b.textContent.trim()"));
        await tap.ClickAsync();

        // Back on the whole list, at the person, marked in colour and words; the count follows.
        await Assertions.Expect(page.Locator($"#r-{maria}.present .present-mark")).ToHaveTextAsync("✓ Saapunut");
        await Assertions.Expect(page.Locator("[data-count=present]")).ToHaveTextAsync((present + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator(".checkin-list li:visible")).ToHaveCountAsync(12);
        var undo = page.Locator($"#r-{maria} details.undo");
        await Assertions.Expect(undo.GetByRole(AriaRole.Button)).ToBeHiddenAsync(); // undo takes a second, deliberate tap
        await AssertDoorAsync(page, "check-in after a tap");
        await undo.Locator("summary").ClickAsync();
        await Assertions.Expect(undo.GetByRole(AriaRole.Button)).ToBeVisibleAsync();
        await AssertDoorAsync(page, "check-in with the undo opened");

        // The count stays in view while the list scrolls.
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        var tally = await page.Locator(".tally").BoundingBoxAsync();
        Assert.True(tally is { Y: >= 0 } && tally.Y + tally.Height <= 740, $"the count is at {tally?.Y} px after scrolling");

        await undo.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator($"#r-{maria} .state")).ToHaveTextAsync("Ei vielä saapunut");
        await Assertions.Expect(page.Locator("[data-count=present]")).ToHaveTextAsync(present.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WithoutScriptTheSearchIsAFormAndTheTapStillWorks()
    {
        await using var visitor = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = door.Site.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "fi" },
        });
        var page = await visitor.NewPageAsync();
        await DoorSite.SignInAsync(page);
        var bengt = await IdOfAsync("bengt@example.fi");
        await page.OpenAsync(CheckIn);

        await page.Locator("#q").FillAsync("soderstr");
        await page.Locator("#q").PressAsync("Enter");
        await page.ArriveAtAsync(new System.Text.RegularExpressions.Regex(@"check-in\?q=soderstr$"));
        Assert.Equal(1, await page.Locator(".checkin-list li").CountAsync());
        await page.Locator($"#r-{bengt} .arrive-form button").ClickAsync();
        await page.ArriveAtAsync(new System.Text.RegularExpressions.Regex($@"check-in\?q=soderstr#r-{bengt}$"));
        Assert.Equal("✓ Saapunut", (await page.Locator($"#r-{bengt} .present-mark").InnerTextAsync()).Trim());

        await page.Locator($"#r-{bengt} details.undo summary").ClickAsync();
        await page.Locator($"#r-{bengt} details.undo button").ClickAsync();
        await Assertions.Expect(page.Locator($"#r-{bengt} .state")).ToHaveTextAsync("Ei vielä saapunut");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task TheAttendeeListWithThreeQuestionsKeepsEveryActionOnTheScreen(int width)
    {
        await using var visitor = await chromium.NewVisitorAsync(door.Site, width: width, height: 800);
        var page = await visitor.NewPageAsync();
        await DoorSite.SignInAsync(page);
        var aino = await IdOfAsync("aino@example.fi");

        await page.OpenAsync($"/organiser/workshops/{DoorSite.Workshop}");
        await Assertions.Expect(page.Locator("table.attendees tbody tr")).ToHaveCountAsync(12);
        await Reflow.AssertFitsAsync(page, $"attendee list at {width} px");
        await Accessibility.AssertAccessibleAsync(page, $"attendee list at {width} px");

        // The answers fold open in their own cell; the actions open in place; everything stays on the screen. (The
        // workshop is under way, so no registration is cancelled any more: erasing is the action left.)
        var row = page.Locator($"#r-{aino}");
        await row.Locator("td.answers summary").ClickAsync();
        await Assertions.Expect(row.Locator("td.answers dd").Nth(2)).ToContainTextAsync("yksinäisten ikäihmisten kohtaamispaikat");
        await Assertions.Expect(row.Locator("form.cancel-form")).ToHaveCountAsync(0);
        await row.Locator(".row-actions summary").First.ClickAsync();
        await Assertions.Expect(row.Locator("form.erase-form button")).ToBeVisibleAsync();
        await Reflow.AssertFitsAsync(page, $"attendee list at {width} px with a person's answers and erase opened");
        await Accessibility.AssertAccessibleAsync(page, $"attendee list at {width} px with a person's answers and erase opened");
        Assert.Contains("itse koodilla", await page.Locator($"#r-{await IdOfAsync("asa@example.fi")}").InnerTextAsync());
    }

    [Fact]
    public async Task APersonChecksThemselvesInOnTheirPhone()
    {
        await using var visitor = await chromium.NewVisitorAsync(door.Site, width: 360, height: 740, deviceScaleFactor: 2);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync(door.ManagePath("tuomas@example.fi"));
        await Accessibility.AssertAccessibleAsync(page, "own page with the self check-in form");
        await Reflow.AssertFitsAsync(page, "own page with the self check-in form");

        // While the workshop is under way, checking in comes first on the page.
        Assert.True(await page.Locator(".self-check-in").EvaluateAsync<bool>("s => s.compareDocumentPosition(document.querySelector('.facts')) & Node.DOCUMENT_POSITION_FOLLOWING"));
        await page.Locator("#code").FillAsync(await door.CodeAsync());
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DocsScreenshots.Folder(), "self-check-in-phone.png"), FullPage = true });

        await page.Locator("#code").FillAsync("0000" == await door.CodeAsync() ? "1111" : "0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaa minut saapuneeksi" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Koodi ei kelpaa.");
        await Accessibility.AssertAccessibleAsync(page, "own page with a wrong code");
        await Reflow.AssertFitsAsync(page, "own page with a wrong code");

        await page.Locator("#code").FillAsync(await door.CodeAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaa minut saapuneeksi" }).ClickAsync();
        await Assertions.Expect(page.Locator(".outcome")).ToHaveTextAsync("Saapumisesi on kirjattu. Tervetuloa!");
        await Assertions.Expect(page.Locator("[data-attendance=attended]")).ToContainTextAsync("Saapumisesi on kirjattu");
        await Assertions.Expect(page.Locator("form.self-check-in-form")).ToHaveCountAsync(0);
        await Accessibility.AssertAccessibleAsync(page, "own page after checking in");
        await Reflow.AssertFitsAsync(page, "own page after checking in");
    }

    /// <summary>
    /// The pages people see at the door only while a workshop is under way (so not in <c>ReflowTests</c>, whose site has
    /// none), at 320 pixels in each language: the own page with the code field, the same with a refusal, "count me in".
    /// </summary>
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("en")]
    public async Task TheSelfCheckInPagesFit320PixelsInEveryLanguage(string language)
    {
        await using var visitor = await chromium.NewVisitorAsync(door.Site, language, width: 320, height: 640, deviceScaleFactor: 2);
        var page = await visitor.NewPageAsync();
        await page.OpenAsync($"/language/{language}");

        async Task CheckAsync(string state)
        {
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            await Reflow.AssertFitsAsync(page, $"{state} ({language})");
            await Accessibility.AssertAccessibleAsync(page, $"{state} ({language})");
        }

        await page.OpenAsync(door.ManagePath("helena@example.fi"));
        await Assertions.Expect(page.Locator("#code")).ToBeVisibleAsync();
        await CheckAsync("own page with the self check-in form");
        await page.Locator("#code").FillAsync("0000" == await door.CodeAsync() ? "1111" : "0000");
        await page.Locator(".self-check-in-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#code-error")).ToBeVisibleAsync();
        await CheckAsync("own page with a wrong code");

        await page.OpenAsync($"/workshops/{DoorSite.Cafe}/here");
        await Assertions.Expect(page.Locator("#Input_Code")).ToBeVisibleAsync();
        await CheckAsync("count me in during the event");
    }

    [Fact]
    public async Task AWalkInVisitorCountsThemselvesInAt320Pixels()
    {
        await using var visitor = await chromium.NewVisitorAsync(door.Site, width: 320, height: 640, deviceScaleFactor: 2);
        var page = await visitor.NewPageAsync();
        var before = (await door.Site.App.WorkshopAsync(DoorSite.Cafe)).HeadCount ?? 0;

        await page.OpenAsync($"/workshops/{DoorSite.Cafe}/here");
        await Accessibility.AssertAccessibleAsync(page, "count me in");
        await Reflow.AssertFitsAsync(page, "count me in");
        await page.Locator("#Input_Code").FillAsync(await door.CodeAsync(DoorSite.Cafe));
        await page.GetByRole(AriaRole.Button, new() { Name = "Laske minut mukaan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".outcome-main")).ToHaveTextAsync("Kiitos, olet mukana kävijämäärässä. Tervetuloa!");
        await Accessibility.AssertAccessibleAsync(page, "counted in");
        await Reflow.AssertFitsAsync(page, "counted in");
        Assert.Equal(before + 1, (await door.Site.App.WorkshopAsync(DoorSite.Cafe)).HeadCount);
    }

    [Fact]
    public async Task TheDoorIsCapturedForTheDocs()
    {
        var folder = DocsScreenshots.Folder();
        // The phone pictures show one screenful where the list begins, as the door helper sees it.
        foreach (var (file, width, height, path, startAt) in new[]
        {
            ("checkin-phone.png", 360, 740, CheckIn, (string?)null),
            ("checkin-desktop.png", 1280, 900, CheckIn, null),
            ("attendees-phone.png", 360, 740, $"/organiser/workshops/{DoorSite.Workshop}", "table.attendees"),
            ("door-code-desktop.png", 1280, 900, $"/organiser/workshops/{DoorSite.Cafe}/check-in/code", null),
        })
        {
            await using var visitor = await chromium.NewVisitorAsync(door.Site, width: width, height: height);
            var page = await visitor.NewPageAsync();
            await DoorSite.SignInAsync(page);
            await page.OpenAsync(path);
            await Accessibility.AssertAccessibleAsync(page, file);
            await Reflow.AssertFitsAsync(page, file);
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            if (startAt is not null)
            {
                await page.EvaluateAsync("s => window.scrollTo(0, document.querySelector(s).getBoundingClientRect().top + window.scrollY - 16)", startAt);
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file), FullPage = startAt is null });
            Assert.True(new FileInfo(Path.Combine(folder, file)).Length > 10_000, file);
        }
    }
}
