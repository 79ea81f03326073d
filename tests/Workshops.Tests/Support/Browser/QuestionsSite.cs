using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;

namespace Workshops.Tests.Support.Browser;

/// <summary>
/// A site of its own whose open workshop asks custom questions of every kind (the shared <see cref="AllStatesSite"/>
/// must keep a form that other tests fill without them), and an organiser signed in to it in a browser.
/// </summary>
public static class QuestionsSite
{
    public const string Workshop = AllStatesSite.Open;
    public const string Email = "questions@example.fi";

    /// <summary>Starts the site and adds four questions through the organiser service.</summary>
    public static async Task<ServedApp> StartAsync()
    {
        var site = ServedApp.Start();
        var workshop = await site.App.WorkshopAsync(Workshop);
        await using var scope = site.App.Services.CreateAsyncScope();
        var questions = scope.ServiceProvider.GetRequiredService<QuestionService>();
        static LocalizedText T(string fi, string sv = "", string en = "") => new() { Fi = fi, Sv = sv, En = en };
        static OptionDraft O(string fi, string sv, string en) => new(null, T(fi, sv, en));
        QuestionDraft[] drafts =
        [
            new(QuestionKind.OneChoice, T("Mihin aikaan pääset paikalle?", "När kan du komma?", "When can you come?"),
                T("Järjestämme ohjelman tämän mukaan.", "Vi ordnar programmet enligt det.", "We plan the programme by it."), true,
                [O("Aamupäivä", "Förmiddag", "Morning"), O("Iltapäivä", "Eftermiddag", "Afternoon")]),
            new(QuestionKind.SeveralChoices, T("Mitkä teemat kiinnostavat?", "Vilka teman intresserar dig?", "Which themes interest you?"), T(""), true,
                [O("Yksinäisyys", "Ensamhet", "Loneliness"), O("Vapaaehtoistyö", "Frivilligarbete", "Volunteering"), O("Rahoitus", "Finansiering", "Funding")]),
            new(QuestionKind.YesNo, T("Tarvitsetko pysäköintipaikan?", "Behöver du en parkeringsplats?", "Do you need a parking space?"), T(""), false, []),
            new(QuestionKind.LongText, T("Mitä toivot työpajalta?", "Vad önskar du av workshoppen?", "What do you hope for from the workshop?"), T(""), false, []),
        ];
        foreach (var draft in drafts)
        {
            await questions.AddAsync(workshop.Id, draft, "arrange@example.fi");
        }

        await Organisers.CreateAsync(site.App, Email);
        return site;
    }

    /// <summary>Signs in through the real form.</summary>
    public static async Task SignInAsync(IPage page)
    {
        await page.OpenAsync("/organiser/sign-in");
        await page.Locator("#Input_Email").FillAsync(Email);
        await page.Locator("#Input_Password").FillAsync(Organisers.Password);
        await page.Locator("#Input_Password").PressAsync("Enter");
        await page.ArriveAtAsync("/organiser");
    }
}
