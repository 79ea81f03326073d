using Microsoft.Playwright;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>The question editor and the public form with custom questions, both showing errors, under axe.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class QuestionBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task QuestionEditorAndPublicFormWithQuestionsShowTheirErrorsWithNoAxeViolations()
    {
        await using var site = await QuestionsSite.StartAsync();
        await using var visitor = await chromium.NewVisitorAsync(site);
        var page = await visitor.NewPageAsync();
        await QuestionsSite.SignInAsync(page);

        await page.OpenAsync($"/organiser/workshops/{QuestionsSite.Workshop}/questions");
        await Assertions.Expect(page.Locator("ol.questions > li")).ToHaveCountAsync(4);
        await Accessibility.AssertAccessibleAsync(page, "question list");

        await page.OpenAsync($"/organiser/workshops/{QuestionsSite.Workshop}/question");
        await page.Locator("#Input_Kind_SeveralChoices").CheckAsync();
        await page.Locator("#Input_Options_0__Sv").FillAsync("Bara på svenska");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary li")).ToHaveCountAsync(3);
        await Accessibility.AssertAccessibleAsync(page, "question editor with errors");

        await page.OpenAsync($"/workshops/{QuestionsSite.Workshop}");
        await page.Locator("#Input_Name").FillAsync("Aino Ääkkönen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ilmoittaudu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Valitse vastaus: Mihin aikaan pääset paikalle?");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Valitse ainakin yksi vaihtoehto: Mitkä teemat kiinnostavat?");
        await Accessibility.AssertAccessibleAsync(page, "public form with custom questions and errors");
    }
}
