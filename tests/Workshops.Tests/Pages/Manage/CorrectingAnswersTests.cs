using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Workshops.Tests.Exports;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Email;

namespace Workshops.Tests.Pages.Manage;

/// <summary>
/// A person corrects their answers to the workshop's questions on their own page, through the real correction form
/// (antiforgery token and all): the registration form's rules, one write with the other details, answers to archived
/// questions untouched.
/// </summary>
public sealed class CorrectingAnswersTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Wording = "Mihin aikaan pääset paikalle?";

    private Task<WorkshopQuestion> AddTimeQuestionAsync(HttpClient organiser, bool required) => QuestionSteps.AddAsync(App, organiser, new()
    {
        ["Input.Kind"] = "OneChoice",
        ["Input.TextFi"] = Wording,
        ["Input.Required"] = required ? "true" : null,
        ["Input.Options[0].Fi"] = "Aamupäivä",
        ["Input.Options[1].Fi"] = "Iltapäivä",
    });

    /// <summary>Registers through the public form with <paramref name="answers"/> and returns the personal link.</summary>
    private async Task<string> RegisterAsync(Dictionary<string, string?>? answers = null)
    {
        var visitor = App.Browser();
        var values = People.Registration();
        foreach (var (field, value) in answers ?? [])
        {
            values[field] = value;
        }

        var response = await Html.SubmitAsync(visitor, await Html.GetAsync(visitor, $"/workshops/{Rauma}"), values);
        Assert.EndsWith("/registered", response.RequestMessage!.RequestUri!.AbsolutePath);
        return Mail.ManagePath(await Smtp.NextMessageAsync());
    }

    /// <summary>The answer the personal page shows to <paramref name="question"/>, or null when it shows none.</summary>
    private static string? PersonalAnswer(IDocument page, string question) =>
        page.QuerySelectorAll("dl.answers div").FirstOrDefault(d => d.QuerySelector("dt")?.TextContent.Trim() == question)?.QuerySelector("dd")?.TextContent.Trim();

    private Task<List<EmailKind>> OutboxKindsAsync() =>
        App.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().OrderBy(e => e.CreatedAtUtc).Select(e => e.Kind).ToListAsync());

    private Task<List<RegistrationAnswer>> AnswersAsync() =>
        App.WithDbAsync(db => db.RegistrationAnswers.AsNoTracking().OrderBy(a => a.QuestionId).ToListAsync());

    [Fact]
    public async Task ARequiredChoiceLeftEmptyIsShownNextToItWithTheOtherErrorsAndNothingIsSaved()
    {
        var link = await RegisterAsync();
        var organiser = await Organisers.SignedInAsync(App);
        var question = await AddTimeQuestionAsync(organiser, required: true); // asked after the person registered
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, link + "/correct");
        var field = $"Input_Q{question.Id}";
        Assert.NotNull(form.QuerySelector($"#{field}"));

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?> { ["Input.Name"] = "Aino Åkerlund", ["Input.Group"] = "Bogus" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var error = page.QuerySelector($"#{field}-error")!;
        Assert.Equal($"Valitse vastaus: {Wording}", error.TextContent.Trim());
        Assert.Same(page.QuerySelector($"#{field}")!.Closest("fieldset"), error.Closest("fieldset"));
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Equal(["#Input_Group", $"#{field}"], page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Aino Ääkkönen", (await App.WithDbAsync(db => db.Registrations.SingleAsync())).Name);
        Assert.Empty(await AnswersAsync());
        Assert.Equal([EmailKind.Confirmed], await OutboxKindsAsync());
    }

    [Fact]
    public async Task AChangedAnswerIsStoredShownOnThePersonalPageAndInTheCsvAndAnArchivedQuestionsAnswerStays()
    {
        var organiser = await Organisers.SignedInAsync(App);
        var time = await AddTimeQuestionAsync(organiser, required: true);
        var heard = await QuestionSteps.AddAsync(App, organiser, new() { ["Input.Kind"] = "ShortText", ["Input.TextFi"] = "Mistä kuulit työpajasta?" });
        var (morning, afternoon) = (time.Options[0].Key, time.Options[1].Key);
        var link = await RegisterAsync(new() { [$"Input.Q{time.Id}"] = morning, [$"Input.Q{heard.Id}"] = "Lehdestä" });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // Removing an answered question archives it: it leaves the form, its answers stay.
            Assert.Equal(QuestionRemoval.Archived, await scope.ServiceProvider.GetRequiredService<QuestionService>().RemoveAsync(time.WorkshopId, heard.Id, Organisers.Email));
        }

        var browser = App.Browser();
        var form = await Html.GetAsync(browser, link + "/correct");
        Assert.True(form.QuerySelector<IHtmlInputElement>($"#Input_Q{time.Id}")!.IsChecked); // pre-filled with the stored answer
        Assert.Null(form.QuerySelector($"#Input_Q{heard.Id}"));

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?> { [$"Input.Q{time.Id}"] = afternoon });

        Assert.Equal(link, response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Tietosi on päivitetty.", page.Text("[role=status]"));
        Assert.Contains("Iltapäivä", page.Text("main"));
        Assert.DoesNotContain("Aamupäivä", page.Text("main"));
        var answers = await AnswersAsync();
        Assert.Equal([(time.Id, afternoon, "Iltapäivä"), (heard.Id, null, "Lehdestä")], answers.Select(a => (a.QuestionId, a.OptionKeys, a.Text)));
        var csv = ExportTests.ParseCsv(Encoding.UTF8.GetString(await organiser.GetByteArrayAsync($"/organiser/workshops/{Rauma}?handler=Csv")).TrimStart('\uFEFF'));
        Assert.Equal("Iltapäivä", csv[1][csv[0].IndexOf(Wording)]);
        Assert.Equal([EmailKind.Confirmed, EmailKind.DetailsCorrected], await OutboxKindsAsync());
        var confirmation = (await Smtp.NextMessageAsync()).TextBody;
        Assert.Contains($"{Wording}: Iltapäivä", confirmation);
        Assert.Contains("Mistä kuulit työpajasta?: Lehdestä", confirmation);
    }

    [Fact]
    public async Task AnOptionalAnswerEmptiedOnCorrectionIsRemoved()
    {
        var organiser = await Organisers.SignedInAsync(App);
        var heard = await QuestionSteps.AddAsync(App, organiser, new() { ["Input.Kind"] = "ShortText", ["Input.TextFi"] = "Mistä kuulit työpajasta?" });
        var link = await RegisterAsync(new() { [$"Input.Q{heard.Id}"] = "Lehdestä" });
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, link + "/correct");
        Assert.Equal("Lehdestä", form.QuerySelector<IHtmlInputElement>($"#Input_Q{heard.Id}")!.Value);

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?> { [$"Input.Q{heard.Id}"] = "  " });

        Assert.Contains("Tietosi on päivitetty.", (await Html.ParseAsync(response)).Text("[role=status]"));
        Assert.Empty(await AnswersAsync());
        Assert.Equal([EmailKind.Confirmed, EmailKind.DetailsCorrected], await OutboxKindsAsync());
    }

    [Fact]
    public async Task SavingTheAnswersAsTheyWereSaysNothingChangedAndSendsNothing()
    {
        var organiser = await Organisers.SignedInAsync(App);
        var time = await AddTimeQuestionAsync(organiser, required: false);
        var link = await RegisterAsync(new() { [$"Input.Q{time.Id}"] = time.Options[1].Key });
        var browser = App.Browser();

        var response = await Html.SubmitAsync(browser, await Html.GetAsync(browser, link + "/correct"), new Dictionary<string, string?>());

        var page = await Html.ParseAsync(response);
        Assert.Contains("Et muuttanut tietojasi, joten mitään ei tallennettu eikä viestiä lähetetty.", page.Text("[role=status]"));
        Assert.Equal("Iltapäivä", Assert.Single(await AnswersAsync()).Text);
        Assert.Equal([EmailKind.Confirmed], await OutboxKindsAsync());
    }
    [Fact]
    public async Task AnAnsweredTextQuestionIsNotTurnedIntoAChoiceAndItsAnswerOutlivesANameOnlyCorrection()
    {
        const string Heard = "Mistä kuulit työpajasta?";
        var organiser = await Organisers.SignedInAsync(App);
        var heard = await QuestionSteps.AddAsync(App, organiser, new() { ["Input.Kind"] = "ShortText", ["Input.TextFi"] = Heard });
        var link = await RegisterAsync(new() { [$"Input.Q{heard.Id}"] = "Lehdestä" });

        // Its answers are text: as a choice question they would fit none of its options and show empty everywhere.
        var editor = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/question/{heard.Id}");
        var response = await Html.SubmitAsync(organiser, editor, new Dictionary<string, string?>
        {
            ["Input.Kind"] = "SeveralChoices",
            ["Input.Options[0].Fi"] = "Lehdestä",
            ["Input.Options[1].Fi"] = "Somesta",
        }, "form.question-form");

        var refused = await Html.ParseAsync(response);
        Assert.Equal((HttpStatusCode.OK, $"/organiser/workshops/{Rauma}/question/{heard.Id}"), (response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath));
        Assert.StartsWith("Kysymykseen on jo vastattu", refused.Text("#Input_Kind-error"));
        Assert.Equal(["#Input_Kind"], refused.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(QuestionKind.ShortText, (await App.WithDbAsync(db => db.WorkshopQuestions.AsNoTracking().SingleAsync(q => q.Id == heard.Id))).Kind);

        // The person corrects their name only: the answer they did not touch stays.
        var browser = App.Browser();
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, link + "/correct"), new Dictionary<string, string?> { ["Input.Name"] = "Aino Åkerlund" });

        Assert.Equal([(heard.Id, "Lehdestä")], (await AnswersAsync()).Select(a => (a.QuestionId, a.Text)));
        Assert.Equal("Lehdestä", PersonalAnswer(await Html.GetAsync(browser, link), Heard));
        Assert.Equal("Lehdestä", (await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}")).Text($"table.attendees [data-question='{heard.Id}']"));
        var csv = ExportTests.ParseCsv(Encoding.UTF8.GetString(await organiser.GetByteArrayAsync($"/organiser/workshops/{Rauma}?handler=Csv")).TrimStart('\uFEFF'));
        Assert.Equal("Lehdestä", csv[1][csv[0].IndexOf(Heard)]);
        var xlsx = await organiser.GetByteArrayAsync($"/organiser/workshops/{Rauma}?handler=Xlsx");
        Assert.Equal("Lehdestä", new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single()[Heard]);
    }

    [Fact]
    public async Task AnAnsweredOptionTakenOffTheFormKeepsItsAnswerEverywhereAndThroughANameOnlyCorrection()
    {
        var organiser = await Organisers.SignedInAsync(App);
        var time = await AddTimeQuestionAsync(organiser, required: true);
        var (morning, afternoon) = (time.Options[0].Key, time.Options[1].Key);
        var link = await RegisterAsync(new() { [$"Input.Q{time.Id}"] = morning });

        // The organiser empties the morning row and adds an evening: the morning leaves the form, its answer stays.
        var editor = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/question/{time.Id}");
        await Html.SubmitAsync(organiser, editor, new Dictionary<string, string?>
        {
            ["Input.Options[0].Fi"] = "",
            ["Input.Options[2].Fi"] = "Ilta",
        }, "form.question-form");
        var form = await Html.GetAsync(App.Browser(), $"/workshops/{Rauma}");
        Assert.Equal([afternoon, "o3"], form.QuerySelectorAll($"input[name='Input.Q{time.Id}']").Select(i => i.GetAttribute("value")));

        var browser = App.Browser();
        var correct = await Html.GetAsync(browser, link + "/correct");
        Assert.Empty(correct.QuerySelectorAll($"input[name='Input.Q{time.Id}'][checked]"));
        Assert.Equal("Vastauksesi ”Aamupäivä” ei ole enää vaihtoehtona lomakkeella, mutta se on tallessa.", correct.Text($"#Input_Q{time.Id}-kept"));
        var response = await Html.SubmitAsync(browser, correct, new Dictionary<string, string?> { ["Input.Name"] = "Aino Åkerlund" });

        Assert.Contains("Tietosi on päivitetty.", (await Html.ParseAsync(response)).Text("[role=status]"));
        Assert.Equal([(time.Id, morning, "Aamupäivä")], (await AnswersAsync()).Select(a => (a.QuestionId, a.OptionKeys, a.Text)));
        Assert.Equal("Aino Åkerlund", (await App.WithDbAsync(db => db.Registrations.SingleAsync())).Name);
        Assert.Equal("Aamupäivä", PersonalAnswer(await Html.GetAsync(browser, link), Wording));
        Assert.Equal("Aamupäivä", (await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}")).Text($"table.attendees [data-question='{time.Id}']"));
        var csv = ExportTests.ParseCsv(Encoding.UTF8.GetString(await organiser.GetByteArrayAsync($"/organiser/workshops/{Rauma}?handler=Csv")).TrimStart('\uFEFF'));
        Assert.Equal("Aamupäivä", csv[1][csv[0].IndexOf(Wording)]);
        var report = await Html.GetAsync(organiser, $"/organiser/report?workshop={Rauma}");
        Assert.Equal("1", report.Text($"table.report-answers[data-question='{time.Id}'] tr[data-option='{morning}'] td"));
        Assert.Contains("Aamupäivä", (await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/questions")).Text($"#q-{time.Id}"));
    }
}
