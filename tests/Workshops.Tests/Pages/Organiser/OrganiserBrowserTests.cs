using System.Net;
using System.Text;
using Microsoft.Playwright;
using Workshops.Tests.Support;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>
/// The organiser area in a real browser: signing in through the form, the downloads a browser actually saves,
/// axe on every organiser page, and the door's check-in list on a phone. Each test has its own organiser
/// account, so the lockout counter of one never touches another.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class OrganiserBrowserTests(ChromiumFixture chromium, AllStatesSite site)
{
    private const string Workshop = AllStatesSite.Open;

    [Fact]
    public async Task OrganiserSignsInWithEnterOpensAnAttendeeListAndDownloadsItAsCsvAndXlsx()
    {
        // AllStatesSite already has Aino Ääkkönen confirmed here; a second person makes it a list.
        await RegisterAsync(Workshop, "Åsa Öberg");
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await SignInAsync(page, "browser-export@example.fi");

        await page.Locator($"main th a[href='/organiser/workshops/{Workshop}']").ClickAsync();
        await page.ArriveAtAsync($"/organiser/workshops/{Workshop}");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Åsa Öberg");

        var csv = await DownloadAsync(page, "Lataa CSV (Excel)");
        Assert.True(csv is [0xEF, 0xBB, 0xBF, ..], "the CSV does not start with the UTF-8 byte order mark Excel needs");
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.Contains(';', text.Split('\n')[0]);
        Assert.Contains("Aino Ääkkönen", text);
        Assert.Contains("Åsa Öberg", text);

        var xlsx = await DownloadAsync(page, "Lataa Excel-tiedosto (.xlsx)");
        Assert.True(xlsx is [(byte)'P', (byte)'K', ..], "the .xlsx is not a zip file");
    }

    [Fact]
    public async Task EveryOrganiserPageHasNoAxeViolations()
    {
        const string email = "browser-axe@example.fi";
        await Organisers.CreateAsync(site.Site.App, email);
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();

        await page.OpenAsync("/organiser/sign-in");
        await Accessibility.AssertAccessibleAsync(page, "organiser sign-in");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync("väärä salasana tähän");
        await page.Locator("#Input_Password").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "organiser sign-in with a wrong password");

        await SubmitSignInAsync(page, email);
        await Accessibility.AssertAccessibleAsync(page, "organiser dashboard");

        foreach (var (path, state) in new[]
        {
            ($"/organiser/workshops/{Workshop}", "attendee list"),
            ($"/organiser/workshops/{Workshop}/sign-in-sheet", "printable sign-in sheet"),
            ($"/organiser/workshops/{Workshop}/edit", "edit workshop form"),
            ($"/organiser/workshops/{Workshop}/delete", "delete confirmation (refusing a published workshop)"),
            ("/organiser/report", "participation report"),
            ("/organiser/messages", "failed messages"),
            ("/organiser/audit", "audit log"),
            ("/organiser/password", "change password"),
            ($"/organiser/workshops/{Workshop}/practical-information", "practical information for the emails"),
            ($"/organiser/workshops/{Workshop}/accessibility", "accessibility block editor"),
            ($"/organiser/workshops/{Workshop}/cancel", "cancel-workshop form with its reason field"),
            ($"/organiser/workshops/{AllStatesSite.Hybrid}", "attendee list of a hybrid workshop"),
            ($"/organiser/workshops/{AllStatesSite.Held}/roster", "funder roster of a participant activity"),
            ($"/organiser/workshops/{AllStatesSite.Held}/certificates", "certificates: send all by email"),
            ("/organiser/funder", "funder figures, this year"),
            ("/organiser/funder?from=2026-01-01&to=2028-12-31", "funder figures, with an open event"),
            ("/organiser/notifications", "member notifications"),
            ("/organiser/members", "members page with the invite form"),
        })
        {
            await page.OpenAsync(path);
            await Accessibility.AssertAccessibleAsync(page, state);
        }

        // The report's charts are the point of checking it: make sure axe saw them.
        await page.OpenAsync("/organiser/report");
        Assert.NotEmpty(await page.Locator("main svg").AllAsync());

        await page.SetViewportSizeAsync(390, 844);
        await page.OpenAsync($"/organiser/workshops/{Workshop}/check-in");
        await Accessibility.AssertAccessibleAsync(page, "check-in on a 390-pixel phone");
    }

    [Fact]
    public async Task TheMessageComposerHasNoAxeViolationsEmptyWithErrorsAndInPreview()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await SignInAsync(page, "browser-message@example.fi");

        await page.OpenAsync($"/organiser/workshops/{Workshop}/message");
        await Accessibility.AssertAccessibleAsync(page, "message composer, empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "Esikatsele" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_BodyFi-error")).ToHaveTextAsync("Kirjoita viesti suomeksi.");
        await Accessibility.AssertAccessibleAsync(page, "message composer with errors");

        await PreviewMessageAsync(page);
        await Assertions.Expect(page.Locator("[data-count=recipients]")).ToContainTextAsync("Vastaanottajia");
        await Accessibility.AssertAccessibleAsync(page, "message preview");

        await page.OpenAsync($"/organiser/workshops/{Workshop}/reminder");
        await Accessibility.AssertAccessibleAsync(page, "reminder page");
    }

    [Fact]
    public async Task ThePracticalInformationPreviewAndTheRefusedInvitationHaveNoAxeViolations()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site);
        var page = await visitor.NewPageAsync();
        await SignInAsync(page, "browser-words@example.fi");

        await PreviewPracticalInformationAsync(page);
        await Accessibility.AssertAccessibleAsync(page, "practical information in preview");

        // A door helper needs a workshop: the server refuses the invitation and says so next to the field.
        await page.OpenAsync("/organiser/members");
        await page.Locator("#Input_Email").FillAsync("ei-tyopajaa@example.fi");
        await page.Locator("input[name='Input.Role'][value='DoorHelper']").CheckAsync();
        await page.Locator("form.invite-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "invite form with errors");
    }

    [Fact]
    public async Task CheckInPageNeedsNoSidewaysScrollingOnA360PixelPhone()
    {
        await using var visitor = await chromium.NewVisitorAsync(site.Site, width: 360, height: 740, deviceScaleFactor: 2);
        var page = await visitor.NewPageAsync();
        await SignInAsync(page, "browser-phone@example.fi");

        await page.OpenAsync($"/organiser/workshops/{Workshop}/check-in");
        await Assertions.Expect(page.Locator(".checkin-list li").First).ToBeVisibleAsync();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= innerWidth, $"the check-in page is {scrollWidth} px wide in a {innerWidth} px window");
    }

    /// <summary>A new organiser account, signed in through the real form (Enter in the password field).</summary>
    internal static Task SignInAsync(IPage page, AllStatesSite site, string email) => SignInAsync(page, site.Site, email);

    private Task SignInAsync(IPage page, string email) => SignInAsync(page, site.Site, email);

    /// <summary>A new organiser account on <paramref name="served"/>, signed in through the real form.</summary>
    internal static async Task SignInAsync(IPage page, ServedApp served, string email)
    {
        await Organisers.CreateAsync(served.App, email);
        await page.OpenAsync("/organiser/sign-in");
        await SubmitSignInAsync(page, email);
    }

    /// <summary>Writes a message in Finnish and Swedish to the confirmed of the open workshop and shows its preview (sends nothing).</summary>
    internal static async Task PreviewMessageAsync(IPage page)
    {
        await page.OpenAsync($"/organiser/workshops/{Workshop}/message");
        await page.Locator("#Input_SubjectFi").FillAsync("Pysäköinti muuttuu");
        await page.Locator("#Input_BodyFi").FillAsync("Hei kaikki,\n\npysäköinti on nyt takapihalla, sisäänkäynti Kauppakadun puolelta.\n\nTervetuloa!");
        await page.Locator("#Input_SubjectSv").FillAsync("Parkeringen ändras");
        await page.Locator("#Input_BodySv").FillAsync("Hej alla,\n\nparkeringen finns nu på bakgården.\n\nVälkomna!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Esikatsele" }).ClickAsync();
        await Assertions.Expect(page.Locator(".message-preview pre").First).ToBeVisibleAsync();
    }

    /// <summary>Writes practical information in Finnish and English for the open workshop and shows its preview (saves nothing).</summary>
    internal static async Task PreviewPracticalInformationAsync(IPage page)
    {
        await page.OpenAsync($"/organiser/workshops/{Workshop}/practical-information");
        await page.Locator("#Input_Fi").FillAsync("Pysäköinti kaupungintalon takapihalla.\nSisäänkäynti Kanalinrannan puolelta.\n\nLounas klo 12 alakerran ravintolassa; kerro erityisruokavaliosta ilmoittautuessasi.");
        await page.Locator("#Input_En").FillAsync("Parking behind the town hall.\nEntrance from Kanalinranta.\n\nLunch at 12 in the restaurant downstairs.");
        await page.Locator("form.words-form button[type=submit]").ClickAsync(); // "Esikatsele", in the page's language
        await Assertions.Expect(page.Locator(".words-preview")).ToBeVisibleAsync();
    }

    private static async Task SubmitSignInAsync(IPage page, string email)
    {
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Organisers.Password);
        await page.Locator("#Input_Password").PressAsync("Enter");
        await page.ArriveAtAsync("/organiser");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string linkName)
    {
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = linkName }).ClickAsync());
        Assert.Null(await download.FailureAsync());
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }

    /// <summary>Registers someone through the public form over plain HTTP.</summary>
    private async Task RegisterAsync(string slug, string name)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = site.Site.BaseAddress,
        };
        var form = await Html.GetAsync(client, $"/workshops/{slug}");
        var values = People.Registration(name: name, email: site.NewEmail());
        values["Input.Needs"] = null;
        var response = await Html.SubmitAsync(client, form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
