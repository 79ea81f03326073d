using Microsoft.Playwright;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages;

/// <summary>
/// Issue 24 in pictures, for docs/email.md and docs/organisers.md: the group form on a phone (filled, no script needed),
/// the group's result page, the seat offer email (its HTML part, as a mail client shows it) and the attendee list with an
/// open offer. <c>WORKSHOPS_SCREENSHOTS=docs/screenshots</c> writes them into the docs (see <see cref="DocsScreenshots"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class GroupAndOfferScreenshots(ChromiumFixture chromium)
{
    private const string Rauma = RegistrationSteps.Rauma;

    [Fact]
    public async Task TheGroupFormItsResultTheOfferEmailAndTheOpenOfferAreCapturedAndAccessible()
    {
        var folder = DocsScreenshots.Folder();
        await using var site = ServedApp.Start();
        await OfferSteps.SettingsAsync(site.App, Rauma, offers: true, hours: 24, capacity: 2);

        // A contact registers three colleagues on a phone: two seats, so two wait.
        await using var phone = await chromium.NewVisitorAsync(site, "fi", 360, 740);
        var page = await phone.NewPageAsync();
        await page.OpenAsync($"/workshops/{Rauma}");
        await page.Locator("#Input_Name").FillAsync("Aino Ääkkönen");
        await page.Locator("#Input_Email").FillAsync("aino@example.fi");
        await page.Locator("#Input_Organisation").FillAsync("Rauman kaupunki");
        await page.Locator("#Input_Group").CheckAsync();
        await page.Locator("#Input_Consent").CheckAsync();
        foreach (var (name, i) in new[] { "Bertil Blom", "Cecilia Carlsson", "David Dahl" }.Select((n, i) => (n, i)))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Lisää henkilö" }).ClickAsync();
            var nameField = page.Locator($"#Input_Others_{i}__Name");
            await Assertions.Expect(nameField).ToBeFocusedAsync();
            await nameField.FillAsync(name);
            await page.Locator($"#Input_Others_{i}__Email").FillAsync($"{name.Split(' ')[0].ToLowerInvariant()}@example.fi");
            await page.Locator($"#Input_Others_{i}__Organisation").FillAsync("Rauman kaupunki");
            await page.Locator($"#Input_Others_{i}__Group").CheckAsync();
        }

        Assert.Equal("Aino Ääkkönen", await page.Locator("#Input_Name").InputValueAsync());
        await page.Locator("#Input_OthersInformed").CheckAsync();
        await Accessibility.AssertAccessibleAsync(page, "group form with three more people");
        await ShotAsync(page, Path.Combine(folder, "group-form-phone.png"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Ilmoita kaikki" }).ClickAsync();
        await page.ArriveAtAsync($"/workshops/{Rauma}/registered");
        Assert.Equal("Ilmoittautumiset on tehty", await page.Locator("h1").InnerTextAsync());
        await Accessibility.AssertAccessibleAsync(page, "group result");
        await ShotAsync(page, Path.Combine(folder, "group-result-phone.png"));

        // Bertil cancels: Cecilia, first in the queue, is offered his seat.
        var mail = new Dictionary<string, MimeMessage>();
        for (var i = 0; i < 4; i++)
        {
            var message = await site.Smtp.NextMessageAsync();
            mail[message.To.Mailboxes.Single().Address] = message;
        }

        await page.OpenAsync(Mail.ManagePath(mail["bertil@example.fi"]) + "/cancel");
        await page.Locator("main button[type=submit]").ClickAsync();
        MimeMessage? offer = null;
        for (var i = 0; i < 2; i++)
        {
            var message = await site.Smtp.NextMessageAsync();
            offer = message.To.Mailboxes.Single().Address == "cecilia@example.fi" ? message : offer;
        }

        Assert.NotNull(offer);
        await using var reader = await chromium.NewVisitorAsync(site, "fi", 640, 900);
        var email = await reader.NewPageAsync();
        await email.SetContentAsync(offer.HtmlBody!);
        Assert.Contains("Vastaa viimeistään", await email.Locator("body").InnerTextAsync());
        await ShotAsync(email, Path.Combine(folder, "offer-email.png"));

        // The organiser sees the open offer with its deadline, and can extend or withdraw it.
        await Organisers.CreateAsync(site.App, "screenshots-offer@example.fi");
        await using var desk = await chromium.NewVisitorAsync(site, "fi", 1280, 900);
        var organiser = await desk.NewPageAsync();
        await organiser.OpenAsync("/organiser/sign-in");
        await organiser.Locator("#Input_Email").FillAsync("screenshots-offer@example.fi");
        await organiser.Locator("#Input_Password").FillAsync(Organisers.Password);
        await organiser.Locator("#Input_Password").PressAsync("Enter");
        await organiser.ArriveAtAsync("/organiser");
        await organiser.OpenAsync($"/organiser/workshops/{Rauma}?status=active");
        await organiser.Locator("table.attendees details summary", new() { HasText = "Paikkatarjous" }).ClickAsync();
        await Assertions.Expect(organiser.Locator(".open-offer")).ToContainTextAsync("paikkatarjous voimassa");
        await Accessibility.AssertAccessibleAsync(organiser, "attendee list with an open offer");
        await ShotAsync(organiser, Path.Combine(folder, "organiser-offer-desktop.png"));

        Assert.All(new[] { "group-form-phone.png", "group-result-phone.png", "offer-email.png", "organiser-offer-desktop.png" },
            f => Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 10_000, f));
    }

    private static async Task ShotAsync(IPage page, string path)
    {
        // No blinking caret or focus ring in the picture.
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
