using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workshops.Tests.Pages.Organiser;
using Workshops.Tests.Support;
using Workshops.Tests.Support.Browser;
using Workshops.Web.Domain;
using Workshops.Web.Domain.IdeasWall;

namespace Workshops.Tests.Pages;

/// <summary>
/// Pictures of the main pages at desktop and phone widths, from the site arranged with one workshop in each
/// state. Every run writes them under the test output (bin/…/screenshots) for a look at what changed;
/// <c>WORKSHOPS_SCREENSHOTS=docs/screenshots</c> writes them into the docs instead (see README).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
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
            ("manage-correct-phone.png", "fi", Phone, "own page: correction form"),
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

    [Fact]
    public async Task OrganiserToolsAreCaptured()
    {
        var folder = Folder();
        await using var questionsSite = await QuestionsSite.StartAsync();
        await using var visitor = await chromium.NewVisitorAsync(questionsSite, "fi", Desktop, 900);
        var page = await visitor.NewPageAsync();
        await QuestionsSite.SignInAsync(page);
        var workshop = QuestionsSite.Workshop;

        async Task ShotAsync(string file)
        {
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file), FullPage = true });
        }

        await page.OpenAsync($"/organiser/workshops/{workshop}/questions");
        await ShotAsync("organiser-questions-desktop.png");
        await page.Locator("ol.questions > li").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.ArriveAtAsync(new System.Text.RegularExpressions.Regex("/question/[^/?#]+$"));
        await ShotAsync("organiser-question-editor-desktop.png");

        await page.OpenAsync($"/organiser/workshops/{workshop}");
        await page.Locator(".copy-form").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "organiser-copy-button.png") });
        await page.Locator(".copy-form button").ClickAsync();
        await page.ArriveAtAsync($"/organiser/workshops/{workshop}-kopio/edit");
        await ShotAsync("organiser-copied-desktop.png");

        // The copy is a draft: its delete confirmation is checked here, where a draft exists (not a screenshot).
        await page.OpenAsync($"/organiser/workshops/{workshop}-kopio/delete");
        await Assertions.Expect(page.Locator("form.delete-form")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page, "delete a draft: confirmation");

        // The audit log's details follow the organiser's language (here Swedish: "källa …, kopia …, 2 frågor").
        await page.OpenAsync("/organiser/audit?culture=sv");
        await ShotAsync("organiser-audit-sv-desktop.png");
        await page.OpenAsync("/organiser/audit?culture=fi");

        await using var phone = await chromium.NewVisitorAsync(questionsSite, "fi", Phone, 740);
        var form = await phone.NewPageAsync();
        await form.OpenAsync($"/workshops/{workshop}");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu" }).ClickAsync();
        await Assertions.Expect(form.Locator(".error-summary")).ToBeVisibleAsync();
        await form.EvaluateAsync("() => document.activeElement?.blur()");
        await form.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "form-questions-errors-phone.png"), FullPage = true });

        // Registered with answers, the person corrects them on their own page: the form comes pre-filled.
        await form.Locator("#Input_Name").FillAsync("Aino Ääkkönen");
        await form.Locator("#Input_Email").FillAsync("aino@example.fi");
        await form.Locator("#Input_Group").CheckAsync();
        await form.Locator("#Input_Consent").CheckAsync();
        await form.Locator("fieldset.question").Nth(0).Locator("input").Nth(1).CheckAsync();
        await form.Locator("fieldset.question").Nth(1).Locator("input").Nth(0).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu" }).ClickAsync();
        await form.ArriveAtAsync("/registered");
        await form.OpenAsync(Mail.ManagePath(await questionsSite.Smtp.NextMessageAsync()) + "/correct");
        await form.EvaluateAsync("() => document.activeElement?.blur()");
        await form.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "manage-correct-questions-phone.png"), FullPage = true });

        Assert.All(new[] { "organiser-questions-desktop.png", "organiser-question-editor-desktop.png", "organiser-copied-desktop.png", "organiser-audit-sv-desktop.png", "form-questions-errors-phone.png", "manage-correct-questions-phone.png" },
            f => Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 10_000, f));
    }

    [Fact]
    public async Task TheAccessibilityBlockAndTheNeedsChecklistAreCapturedAtPhoneAndDesktopWithoutAxeViolations()
    {
        var folder = Folder();
        await using var questionsSite = await QuestionsSite.StartAsync();
        var workshop = QuestionsSite.Workshop;
        await using (var organiser = await chromium.NewVisitorAsync(questionsSite, "fi", Desktop, 900))
        {
            var page = await organiser.NewPageAsync();
            await QuestionsSite.SignInAsync(page);
            await page.OpenAsync($"/organiser/workshops/{workshop}/accessibility");
            await Accessibility.AssertAccessibleAsync(page, "the organiser's accessibility block");
            await page.Locator("#Input_Answers_StepFreeAccess_Yes").CheckAsync();
            await page.Locator("#Input_Answers_InductionLoop_Yes").CheckAsync();
            await page.Locator("#Input_Answers_QuietSpace_No").CheckAsync();
            await page.Locator("#Input_NotesFi").FillAsync("Sisäänkäynti pihan puolelta, hissi toiseen kerrokseen.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
            await Assertions.Expect(page.Locator(".outcome")).ToBeVisibleAsync();
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "organiser-accessibility-desktop.png"), FullPage = true });
        }

        foreach (var (width, suffix) in new[] { (320, "phone"), (Desktop, "desktop") })
        {
            await using var visitor = await chromium.NewVisitorAsync(questionsSite, "fi", width, 900);
            var page = await visitor.NewPageAsync();
            await page.OpenAsync($"/workshops/{workshop}");
            await Accessibility.AssertAccessibleAsync(page, $"workshop page with the accessibility block at {width} px");
            Assert.Equal(width, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
            await page.Locator(".accessibility-block").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, $"accessibility-block-{suffix}.png") });
            await page.Locator(".needs-checklist").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, $"needs-checklist-{suffix}.png") });
        }

        Assert.All(new[] { "organiser-accessibility-desktop.png", "accessibility-block-phone.png", "accessibility-block-desktop.png", "needs-checklist-phone.png", "needs-checklist-desktop.png" },
            f => Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 2_000, f));
    }

    [Fact]
    public async Task TheOrganiserTeamIsCaptured()
    {
        var folder = Folder();
        await using var visitor = await chromium.NewVisitorAsync(site.Site, "fi", Desktop, height: 900);
        var page = await visitor.NewPageAsync();
        await OrganiserBrowserTests.SignInAsync(page, site, "yllapito@example.fi");

        await page.OpenAsync("/organiser/members");
        await page.Locator("#Input_Email").FillAsync("ovella@example.fi");
        await page.Locator("input[name='Input.Role'][value='DoorHelper']").CheckAsync();
        await page.Locator("form.invite-form input[name='Input.Workshops']").First.CheckAsync();
        await page.Locator("form.invite-form button[type=submit]").ClickAsync();
        await page.ArriveAtAsync("/organiser/members");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "organiser-members-desktop.png"), FullPage = true });

        // The invitation as a mail program shows it: its HTML part.
        var invitation = await site.MessageToAsync("ovella@example.fi");
        await page.SetContentAsync(invitation.HtmlBody!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "invitation-email.png"), FullPage = true });

        Assert.All(new[] { "organiser-members-desktop.png", "invitation-email.png" },
            f => Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 5_000, f));
    }

    [Fact]
    public async Task TheNotificationSettingsAreCapturedAtDesktopAnd320Pixels()
    {
        var folder = Folder();
        foreach (var (file, width) in new[] { ("notifications-desktop.png", Desktop), ("notifications-phone.png", 320) })
        {
            await using var visitor = await chromium.NewVisitorAsync(site.Site, "fi", width, height: 900);
            var page = await visitor.NewPageAsync();
            await OrganiserBrowserTests.SignInAsync(page, site, $"ilmoitukset-{width}@example.fi");
            await page.OpenAsync("/organiser/notifications");
            await page.Locator("form.notifications-form input[value='Digest']").First.CheckAsync();
            await page.Locator("form.notifications-form button[type=submit]").ClickAsync();
            await page.ArriveAtAsync("/organiser/notifications");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, file), FullPage = true });
            Assert.True(new FileInfo(Path.Combine(folder, file)).Length > 5_000, file);
        }
    }

    [Fact]
    public async Task MessageToolsAreCaptured()
    {
        var folder = Folder();
        await using var visitor = await chromium.NewVisitorAsync(site.Site, "fi", Desktop, height: 900);
        var page = await visitor.NewPageAsync();
        await OrganiserBrowserTests.SignInAsync(page, site, "screenshots@example.fi");

        await OrganiserBrowserTests.PreviewMessageAsync(page);
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "organiser-message-preview-desktop.png"), FullPage = true });

        await page.OpenAsync($"/organiser/workshops/{AllStatesSite.Open}/reminder");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "organiser-reminder-desktop.png"), FullPage = true });

        Assert.All(new[] { "organiser-message-preview-desktop.png", "organiser-reminder-desktop.png" },
            f => Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 10_000, f));
    }

    [Fact]
    public async Task TheIdeasWallIsCapturedOnAPhoneATabletThePosterAndTheModerationList()
    {
        var folder = Folder();
        const string bench = AllStatesSite.WalkIn;
        await site.Site.App.WithDbAsync(async db =>
        {
            var workshop = await db.Workshops.SingleAsync(w => w.Slug == bench);
            var now = site.Site.App.Time.GetUtcNow().UtcDateTime;
            foreach (var (text, theme, name) in new[]
            {
                ("Joustavat työajat ja mahdollisuus etätyöhön, kun työ sen sallii.", "Hyvä työpaikka", (string?)null),
                ("Esihenkilö, joka kuuntelee ja kysyy, miten jaksat.", "Hyvä työelämä", "Maija Mehiläinen"),
                ("Osatyökykyisille oikeasti sopivia tehtäviä.", null, null),
            })
            {
                db.Proposals.Add(Proposal.Create(workshop.Id, new ProposalRequest(text, theme, name, null, name is not null, HelixGroup.Citizen, "fi"), now));
            }

            await db.SaveChangesAsync();
        });

        var shots = new (string File, int Width, int Height, string Path, bool Organiser)[]
        {
            ("stand-phone.png", Phone, 740, $"/workshops/{bench}/stand", false),
            ("stand-tablet.png", 820, 1180, $"/workshops/{bench}/stand", false),
            ("poster.png", Desktop, 900, $"/organiser/workshops/{bench}/poster", true),
            ("proposals-desktop.png", Desktop, 900, $"/organiser/workshops/{bench}/proposals", true),
        };
        foreach (var (file, width, height, path, organiser) in shots)
        {
            await using var visitor = await chromium.NewVisitorAsync(site.Site, "fi", width, height);
            var page = await visitor.NewPageAsync();
            if (organiser)
            {
                await OrganiserBrowserTests.SignInAsync(page, site.Site, $"screenshots-{file}@example.fi");
            }

            await page.OpenAsync(path);
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(folder, file), FullPage = true });
        }

        Assert.All(shots, s => Assert.True(new FileInfo(System.IO.Path.Combine(folder, s.File)).Length > 10_000, s.File));
    }

    [Fact]
    public async Task TheHybridFormAndThePersonalPagesSwitchAreCapturedAtPhoneAndDesktopWithoutAxeViolations()
    {
        var folder = Folder();
        await using var hybrid = ServedApp.Start();
        const string rauma = AllStatesSite.Open;
        await hybrid.App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Workshops\" SET \"Format\" = 'Hybrid', \"Capacity\" = 20, \"Hybrid_OnlineCapacity\" = 50, \"OnlineJoinUrl\" = 'https://meet.example.fi/j/rauma' WHERE \"Slug\" = {0}", rauma));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = hybrid.BaseAddress };
        var values = People.Registration(email: "hybrid@example.fi");
        values["Input.Mode"] = "OnSite";
        Assert.True((await Html.SubmitAsync(client, await Html.GetAsync(client, $"/workshops/{rauma}"), values)).IsSuccessStatusCode);
        var manage = Mail.ManagePath(await hybrid.Smtp.NextMessageAsync());

        foreach (var (width, suffix) in new[] { (320, "phone"), (Desktop, "desktop") })
        {
            await using var visitor = await chromium.NewVisitorAsync(hybrid, "fi", width, 900);
            var page = await visitor.NewPageAsync();
            await page.OpenAsync($"/workshops/{rauma}");
            await Accessibility.AssertAccessibleAsync(page, $"hybrid workshop page at {width} px");
            Assert.Equal(width, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
            await page.Locator("section.register").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, $"hybrid-form-{suffix}.png") });

            await page.OpenAsync(manage);
            await Accessibility.AssertAccessibleAsync(page, $"own page of a hybrid workshop at {width} px");
            Assert.Equal(width, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"hybrid-manage-{suffix}.png"), FullPage = true });
        }

        await using (var organiser = await chromium.NewVisitorAsync(hybrid, "fi", Desktop, 900))
        {
            var page = await organiser.NewPageAsync();
            await OrganiserBrowserTests.SignInAsync(page, hybrid, "hybrid-screens@example.fi");
            foreach (var path in new[] { $"/organiser/workshops/{rauma}", $"/organiser/workshops/{rauma}/edit", $"/organiser/workshops/{rauma}/add" })
            {
                await page.OpenAsync(path);
                await Accessibility.AssertAccessibleAsync(page, $"hybrid: {path}");
            }

            await page.OpenAsync($"/organiser/workshops/{rauma}");
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "hybrid-attendees-desktop.png"), FullPage = true });
        }

        Assert.All(new[] { "hybrid-form-phone.png", "hybrid-form-desktop.png", "hybrid-manage-phone.png", "hybrid-manage-desktop.png", "hybrid-attendees-desktop.png" },
            f => Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 2_000, f));
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
