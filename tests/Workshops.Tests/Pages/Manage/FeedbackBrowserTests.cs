using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Tests.Support;
using Workshops.Tests.Support.Browser;
using Workshops.Web.Domain.Feedback;

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
        await using var site = ServedApp.Start();
        var app = site.App;
        var path = await RegisterAndAskAsync(site, "aino@example.fi");
        await ArrangeAnswersAsync(app);

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

        // The walk-in form on the bench café's day.
        var cafe = await app.WorkshopAsync(WalkIn);
        app.Time.SetUtcNow(FeedbackSteps.Helsinki(cafe.Date.ToDateTime(new TimeOnly(12, 0))));
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

    /// <summary>Registers through the form over plain HTTP, asks for feedback now, and returns the personal feedback path.</summary>
    private static async Task<string> RegisterAndAskAsync(ServedApp site, string email)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = site.BaseAddress };
        var form = await Html.GetAsync(client, $"/workshops/{Rauma}");
        var response = await Html.SubmitAsync(client, form, People.Registration(email: email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var managePath = Mail.ManagePath(await site.Smtp.NextMessageAsync());
        await using var scope = site.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FeedbackService>().SendNowAsync((await site.App.WorkshopAsync(Rauma)).Id, "test");
        return FeedbackSteps.FeedbackPath(await site.Smtp.NextMessageAsync());
    }

    /// <summary>A few answers in two workshops, so the comparison has numbers, charts and written answers to show.</summary>
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
        var i = 0;
        foreach (var a in answers)
        {
            var outcome = await RegistrationSteps.DirectAsync(app, RegistrationSteps.Request($"Vastaaja {++i}", $"answer{i}@example.fi"), a.Slug);
            await feedback.SendNowAsync((await app.WorkshopAsync(a.Slug)).Id, "test");
            Assert.Equal(FeedbackSaveOutcome.Saved,
                await feedback.SaveParticipantAsync(outcome.RegistrationId!.Value, new FeedbackResponse(a.Overall, a.Method, a.Worked, a.Improve, a.Again), "fi"));
        }
    }
}
