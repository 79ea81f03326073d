using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Tests.Support;
using Workshops.Tests.Support.Browser;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Tests.Pages.Manage;

/// <summary>
/// Feedback on the method in Chromium with axe: the personal form empty and with errors at 360 px and on a desktop, the
/// walk-in form, the organiser's feedback page and the comparison of the methods. Its own site, since it moves the clock.
/// Also takes the docs' pictures of the form and the comparison (see <see cref="DocsScreenshots"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class FeedbackBrowserTests(ChromiumFixture chromium)
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";
    private const string WalkIn = "suomiareena-penkkikahvila";

    [Fact]
    public async Task TheFeedbackFormsAndTheComparisonHaveNoAxeViolations()
    {
        // Automatic requests off (the test asks), and a retention time that outlasts the clock's jump past the webinar.
        await using var site = ServedApp.Start(new Dictionary<string, string?> { ["Feedback:Enabled"] = "false", ["Privacy:RetentionDays"] = "365" });
        var app = site.App;
        await RegisterAsync(site, "aino@example.fi");
        await ArrangeAnswersAsync(app);
        var path = await FeedbackPathAsync(site, "aino@example.fi");

        foreach (var width in new[] { 360, 1280 })
        {
            await using var visitor = await chromium.NewVisitorAsync(site, width: width, height: width == 360 ? 740 : 900);
            var page = await visitor.NewPageAsync();
            await page.OpenAsync(path);
            await Accessibility.AssertAccessibleAsync(page, $"feedback form, empty, {width} px");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"the feedback form is {widths[0]} px wide in a {widths[1]} px window");
            if (width == 360)
            {
                await page.EvaluateAsync("() => document.activeElement?.blur()");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DocsScreenshots.Folder(), "feedback-phone.png"), FullPage = true });
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Lähetä palaute" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            Assert.Equal(2, await page.Locator(".error-summary li").CountAsync());
            await Accessibility.AssertAccessibleAsync(page, $"feedback form with errors, {width} px");
        }

        // The walk-in form: open from the bench café's day on (the clock is past it by now).
        await using (var visitor = await chromium.NewVisitorAsync(site, width: 360, height: 740))
        {
            var page = await visitor.NewPageAsync();
            await page.OpenAsync($"/workshops/{WalkIn}/feedback");
            await Accessibility.AssertAccessibleAsync(page, "walk-in feedback form, 360 px");
        }

        await using (var organiser = await chromium.NewVisitorAsync(site, width: 1280, height: 900))
        {
            var page = await organiser.NewPageAsync();
            await Organisers.CreateAsync(app, "browser-outcomes@example.fi");
            await page.OpenAsync("/organiser/sign-in");
            await page.Locator("#Input_Email").FillAsync("browser-outcomes@example.fi");
            await page.Locator("#Input_Password").FillAsync(Organisers.Password);
            await page.Locator("#Input_Password").PressAsync("Enter");
            await page.ArriveAtAsync("/organiser");

            await page.OpenAsync($"/organiser/workshops/{Rauma}/feedback");
            await Accessibility.AssertAccessibleAsync(page, "organiser's feedback page");
            await page.OpenAsync("/organiser/outcomes");
            Assert.NotEmpty(await page.Locator("main figure.chart").AllAsync());
            await Accessibility.AssertAccessibleAsync(page, "comparing the methods");
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DocsScreenshots.Folder(), "outcomes-desktop.png"), FullPage = true });
        }
    }

    /// <summary>Registers through the form over plain HTTP (the request comes later, once the workshop is over: <see cref="FeedbackPathAsync"/>).</summary>
    private static async Task RegisterAsync(ServedApp site, string email)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = site.BaseAddress };
        var form = await Html.GetAsync(client, $"/workshops/{Rauma}");
        var response = await Html.SubmitAsync(client, form, People.Registration(email: email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The personal feedback path in the feedback request that reached <paramref name="email"/>.</summary>
    private static async Task<string> FeedbackPathAsync(ServedApp site, string email)
    {
        while (true)
        {
            var message = await site.Smtp.NextMessageAsync();
            if (message.To.Mailboxes.Single().Address == email && message.Subject?.StartsWith("Miten työpaja onnistui?", StringComparison.Ordinal) == true)
            {
                return FeedbackSteps.FeedbackPath(message);
            }
        }
    }

    /// <summary>
    /// A few answers in two workshops, so the comparison has numbers, charts and written answers to show: the people are
    /// registered straight away (registration closed when each workshop started), then asked and answering after the webinar.
    /// </summary>
    private static async Task ArrangeAnswersAsync(WorkshopsFactory app)
    {
        (string Slug, int Overall, int Method, string? Worked, string? Improve, ComeAgain? Again)[] answers =
        [
            (Rauma, 5, 4, "Pienryhmissä oli helppo puhua.", "Enemmän aikaa loppukeskustelulle.", ComeAgain.Yes),
            (Rauma, 4, 5, "Kaupunginjohtajan avaus innosti.", null, ComeAgain.Yes),
            (Rauma, 3, 3, null, "Tauko puolivälissä.", ComeAgain.Maybe),
            (Webinar, 4, 2, "Chatissa kysyminen oli helppoa.", "Kamerat päälle keskusteluosuudessa.", ComeAgain.Maybe),
            (Webinar, 2, 2, null, "Liian lyhyt.", ComeAgain.No),
        ];
        await using var scope = app.Services.CreateAsyncScope();
        var feedback = scope.ServiceProvider.GetRequiredService<FeedbackService>();
        var people = new List<int>();
        foreach (var (a, i) in answers.Select((a, i) => (a, i + 1)))
        {
            var outcome = await RegistrationSteps.DirectAsync(app, RegistrationSteps.Request($"Vastaaja {i}", $"answer{i}@example.fi"), a.Slug);
            Assert.NotEqual(RegistrationOutcomeKind.Closed, outcome.Kind);
            people.Add(outcome.RegistrationId!.Value);
        }

        app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 9, 6, 12, 0, 0))); // both have been held
        foreach (var (a, person) in answers.Zip(people))
        {
            await feedback.SendNowAsync((await app.WorkshopAsync(a.Slug)).Id, "test");
            Assert.Equal(FeedbackSaveOutcome.Saved,
                await feedback.SaveParticipantAsync(person, new FeedbackResponse(a.Overall, a.Method, a.Worked, a.Improve, a.Again), "fi"));
        }
    }
}
