using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Workshops.Tests.Exports;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>Custom questions, through the real forms: the organiser's editor, the public form, the lists, exports and report.</summary>
public sealed class QuestionTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Wording = "Mihin aikaan pääset paikalle?";

    [Fact]
    public async Task RequiredOneChoiceQuestionIsAskedRefusedWhenMissingAndItsAnswerListedExportedAndCounted()
    {
        var question = await AddQuestionAsync(new()
        {
            ["Input.Kind"] = "OneChoice",
            ["Input.TextFi"] = Wording,
            ["Input.TextSv"] = "När kan du komma?",
            ["Input.Required"] = "true",
            ["Input.Options[0].Fi"] = "Aamupäivä",
            ["Input.Options[1].Fi"] = "Iltapäivä",
        });
        var afternoon = question.Options.Single(o => o.Text.Fi == "Iltapäivä").Key;

        // The public form refuses a registration without the answer, with the error next to the field and in the summary.
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, $"/workshops/{Rauma}");
        var refused = await Html.SubmitAsync(visitor, form, People.Registration());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        var field = $"Input_Q{question.Id}";
        var error = page.QuerySelector($"#{field}-error")!;
        Assert.Equal($"Valitse vastaus: {Wording}", error.TextContent.Trim());
        var fieldset = page.QuerySelector($"#{field}")!.Closest("fieldset")!;
        Assert.Same(fieldset, error.Closest("fieldset"));
        Assert.Equal($"{Wording} *", fieldset.QuerySelector("legend")!.TextContent.Trim());
        Assert.Contains($"{field}-error", fieldset.GetAttribute("aria-describedby") ?? "");
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Contains($"#{field}", page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Empty(await App.RegistrationsInFileAsync(Rauma));

        // Answered, it is stored and shown wherever the registration is.
        var values = People.Registration();
        values[$"Input.Q{question.Id}"] = afternoon;
        var accepted = await Html.SubmitAsync(visitor, await Html.ParseAsync(refused), values);
        Assert.EndsWith("/registered", accepted.RequestMessage!.RequestUri!.AbsolutePath);

        var list = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}");
        Assert.Equal("Iltapäivä", list.Text($"[data-question='{question.Id}']"));

        var csv = ExportTests.ParseCsv(Encoding.UTF8.GetString(await Organiser.GetByteArrayAsync($"/organiser/workshops/{Rauma}?handler=Csv")).TrimStart('\uFEFF'));
        var column = csv[0].IndexOf(Wording);
        Assert.True(column >= 0, "the CSV has a column headed by the question");
        Assert.Equal("Iltapäivä", csv[1][column]);

        var xlsx = await Organiser.GetByteArrayAsync($"/organiser/workshops/{Rauma}?handler=Xlsx");
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Iltapäivä", rows.Single()[Wording]);

        var report = await Html.GetAsync(Organiser, $"/organiser/report?workshop={Rauma}");
        var table = report.QuerySelector($"table.report-answers[data-question='{question.Id}']")!;
        Assert.Equal("1", table.QuerySelector($"tr[data-option='{afternoon}'] td")!.TextContent.Trim());
        Assert.Equal("0", table.QuerySelector($"tr[data-option='{question.Options[0].Key}'] td")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheOrganisersAddFormAsksTheQuestionsToo()
    {
        var question = await AddQuestionAsync(new() { ["Input.Kind"] = "YesNo", ["Input.TextFi"] = "Tarvitsetko pysäköintipaikan?", ["Input.Required"] = "true" });

        var form = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/add");
        var refused = await Html.ParseAsync(await Html.SubmitAsync(Organiser, form, People.Registration(), "form.add-form"));
        Assert.Equal("Valitse vastaus: Tarvitsetko pysäköintipaikan?", refused.Text($"#Input_Q{question.Id}-error"));

        var values = People.Registration();
        values[$"Input.Q{question.Id}"] = "yes";
        await Html.SubmitAsync(Organiser, refused, values, "form.add-form");
        var list = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}");
        Assert.Equal("Kyllä", list.Text($"[data-question='{question.Id}']"));
    }

    [Fact]
    public async Task EveryErrorOfTheQuestionEditorShowsAtOnce()
    {
        var form = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/question");
        var response = await Html.SubmitAsync(Organiser, form, new Dictionary<string, string?>
        {
            ["Input.Kind"] = "SeveralChoices",
            ["Input.TextFi"] = "",
            ["Input.Options[0].Sv"] = "Bara på svenska",
        }, "form.question-form");

        var page = await Html.ParseAsync(response);
        Assert.Equal(["#Input_TextFi", "#Input_Options", "#Input_Options_0__Fi"], page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Kirjoita vaihtoehto suomeksi, tai tyhjennä koko rivi.", page.Text("#Input_Options_0__Fi-error"));
        Assert.Equal("Bara på svenska", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Options_0__Sv")!.Value);
        Assert.Empty(await App.WithDbAsync(db => db.WorkshopQuestions.ToListAsync()));
    }

    [Fact]
    public async Task RemovingAnAnsweredQuestionTakesItOffTheFormButKeepsItsAnswersInTheExport()
    {
        var question = await AddQuestionAsync(new() { ["Input.Kind"] = "ShortText", ["Input.TextFi"] = "Mistä kuulit työpajasta?" });
        var values = People.Registration();
        values[$"Input.Q{question.Id}"] = "Lehdestä";
        var visitor = App.Browser();
        await Html.SubmitAsync(visitor, await Html.GetAsync(visitor, $"/workshops/{Rauma}"), values);

        var questions = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/questions");
        await Html.SubmitAsync(Organiser, questions, new Dictionary<string, string?>(), "form.remove-question-form");

        Assert.NotNull((await App.WithDbAsync(db => db.WorkshopQuestions.SingleAsync())).ArchivedAtUtc);
        Assert.Null((await Html.GetAsync(App.Browser(), $"/workshops/{Rauma}")).QuerySelector($"#Input_Q{question.Id}"));
        var csv = ExportTests.ParseCsv(Encoding.UTF8.GetString(await Organiser.GetByteArrayAsync($"/organiser/workshops/{Rauma}?handler=Csv")).TrimStart('\uFEFF'));
        Assert.Equal("Lehdestä", csv[1][csv[0].IndexOf("Mistä kuulit työpajasta?")]);
    }

    [Fact]
    public async Task ErasingAPersonDeletesTheirAnswers()
    {
        var question = await AddQuestionAsync(new() { ["Input.Kind"] = "LongText", ["Input.TextFi"] = "Mitä toivot työpajalta?" });
        var values = People.Registration();
        values[$"Input.Q{question.Id}"] = "Vertaistukea";
        var visitor = App.Browser();
        await Html.SubmitAsync(visitor, await Html.GetAsync(visitor, $"/workshops/{Rauma}"), values);
        Assert.Single(await App.WithDbAsync(db => db.RegistrationAnswers.ToListAsync()));

        var list = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}");
        await Html.SubmitAsync(Organiser, list, new Dictionary<string, string?>(), "form.erase-form");

        Assert.Empty(await App.WithDbAsync(db => db.RegistrationAnswers.ToListAsync()));
    }

    [Fact]
    public async Task CopyingMakesAClosedWorkshopWithTheQuestionsAndOpensItInTheEditor()
    {
        await AddQuestionAsync(new() { ["Input.Kind"] = "YesNo", ["Input.TextFi"] = "Tarvitsetko pysäköintipaikan?" });
        await RegistrationSteps.ThroughFormAsync(App, "Aino", "aino@example.fi");

        var page = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}");
        var response = await Html.SubmitAsync(Organiser, page, new Dictionary<string, string?>(), "form.copy-form");
        Assert.EndsWith($"/organiser/workshops/{Rauma}-kopio/edit", response.RequestMessage!.RequestUri!.AbsolutePath);
        var again = await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}"), new Dictionary<string, string?>(), "form.copy-form");
        Assert.EndsWith($"/organiser/workshops/{Rauma}-kopio-2/edit", again.RequestMessage!.RequestUri!.AbsolutePath);

        var source = await App.WorkshopAsync(Rauma);
        var copy = await App.WorkshopAsync($"{Rauma}-kopio");
        Assert.Equal(WorkshopStatus.Closed, copy.Status);
        Assert.Equal((source.Title.Fi, source.Description.Sv, source.Date, source.Capacity, source.Format, source.Audience),
            (copy.Title.Fi, copy.Description.Sv, copy.Date, copy.Capacity, copy.Format, copy.Audience));
        Assert.Empty(await App.RegistrationsInFileAsync(copy.Slug));
        Assert.Equal("Tarvitsetko pysäköintipaikan?", (await App.WithDbAsync(db => db.WorkshopQuestions.SingleAsync(q => q.WorkshopId == copy.Id))).Text.Fi);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.ToListAsync()), a => a.Action == AuditAction.WorkshopCopied && a.WorkshopId == copy.Id);
    }

    [Fact]
    public async Task ACopyKeepsTheIdeasWallAndTheReminderSettingButNotTheResults()
    {
        await App.UpdateWorkshopAsync(Rauma, w =>
        {
            w.Reminders.Enabled = false;
            w.IdeasWall.Enabled = true;
            w.IdeasWall.Public = true;
            w.IdeasWall.Themes = new LocalizedText { Fi = "Yksinäisyys\nYhteisöt", Sv = "Ensamhet\nGemenskaper", En = "" };
            w.Results.Summary = new LocalizedText { Fi = "Viime vuoden tulokset" };
            w.Results.Published = true;
        });

        await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}"), new Dictionary<string, string?>(), "form.copy-form");

        var copy = await App.WorkshopAsync($"{Rauma}-kopio");
        Assert.Equal((false, true, true, "Yksinäisyys\nYhteisöt", "Ensamhet\nGemenskaper"),
            (copy.Reminders.Enabled, copy.IdeasWall.Enabled, copy.IdeasWall.Public, copy.IdeasWall.Themes.Fi, copy.IdeasWall.Themes.Sv));
        // The results belong to the workshop that was held, not to the next one.
        Assert.Equal(("", false), (copy.Results.Summary.Fi, copy.Results.Published));
    }

    private Task<WorkshopQuestion> AddQuestionAsync(Dictionary<string, string?> values) => QuestionSteps.AddAsync(App, Organiser, values);
}
