using System.Data.Common;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Questions;

/// <summary>
/// An organiser adds a required question after a page read the questions and before its post is stored. The answers are
/// checked again inside the write transaction against the questions as they are there: nothing is stored, and the form
/// comes back with the question as it is now and its error next to it, the person's typed values kept.
/// </summary>
public sealed class QuestionsChangedMeanwhileTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Wording = "Mihin aikaan pääset paikalle?";
    private const string Heard = "Mistä kuulit työpajasta?";
    private const string Changed = "Lomakkeen kysymyksiä muutettiin sillä välin, kun täytit sitä, joten mitään ei tallennettu. Vastaa merkittyihin kysymyksiin ja lähetä lomake uudelleen.";

    private readonly AfterThePageReadTheQuestions _afterTheRead = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(_afterTheRead);

    [Fact]
    public async Task ARequiredQuestionAddedAfterTheFormWasLoadedIsAskedBeforeAnythingIsStored()
    {
        // The organiser works on a second instance over the same database. This instance's cached workshop page keeps the
        // old questions until it hears of the change (under PostgreSQL a moment later; here never), so its early check
        // passes and only the transaction sees the new question. The form must come back with it all the same.
        using var organiserSite = new WorkshopsFactory(App.Folder, Smtp.Settings);
        var organiser = await Organisers.SignedInAsync(organiserSite);
        var heard = await QuestionSteps.AddAsync(organiserSite, organiser, new() { ["Input.Kind"] = "ShortText", ["Input.TextFi"] = Heard });
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, $"/workshops/{Rauma}");
        var time = await QuestionSteps.AddAsync(organiserSite, organiser, new()
        {
            ["Input.Kind"] = "OneChoice",
            ["Input.TextFi"] = Wording,
            ["Input.Required"] = "true",
            ["Input.Options[0].Fi"] = "Aamupäivä",
            ["Input.Options[1].Fi"] = "Iltapäivä",
        });
        Assert.Null(form.QuerySelector($"#Input_Q{time.Id}"));
        var values = People.Registration();
        values[$"Input.Q{heard.Id}"] = "Lehdestä";

        var response = await Html.SubmitAsync(visitor, form, values);

        Assert.Empty(await App.RegistrationsInFileAsync(Rauma));
        Assert.Equal((HttpStatusCode.OK, $"/workshops/{Rauma}"), (response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath));
        var page = await Html.ParseAsync(response);
        AssertAskedAgain(page, time);
        Assert.Equal("Aino Ääkkönen", page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal("Lehdestä", page.QuerySelector<IHtmlInputElement>($"#Input_Q{heard.Id}")!.Value);

        values[$"Input.Q{time.Id}"] = time.Options[1].Key;
        var accepted = await Html.SubmitAsync(visitor, page, values);

        Assert.EndsWith("/registered", accepted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal([(heard.Id, "Lehdestä"), (time.Id, "Iltapäivä")], (await AnswersAsync()).Select(a => (a.QuestionId, a.Text)));
    }

    [Fact]
    public async Task ARequiredQuestionAddedWhileACorrectionIsPostedSavesNothingAndIsAskedOnTheFormAgain()
    {
        var link = await RegisterAsync();
        var workshopId = (await App.WorkshopAsync(Rauma)).Id;
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, link + "/correct");
        // The correction page reads the questions uncached; the organiser's change lands right after that read.
        AddTimeQuestionAfterThePageReadTheQuestions(workshopId);

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?> { ["Input.Name"] = "Aino Åkerlund" });

        Assert.False(_afterTheRead.IsArmed, "the organiser's change ran");
        Assert.Equal("Aino Ääkkönen", (await App.WithDbAsync(db => db.Registrations.SingleAsync())).Name);
        Assert.Empty(await AnswersAsync());
        Assert.Equal([EmailKind.Confirmed], await OutboxKindsAsync());
        Assert.Equal((HttpStatusCode.OK, link + "/correct"), (response.StatusCode, response.RequestMessage!.RequestUri!.AbsolutePath));
        var page = await Html.ParseAsync(response);
        AssertAskedAgain(page, await App.WithDbAsync(db => db.WorkshopQuestions.AsNoTracking().SingleAsync()));
        Assert.Equal("Aino Åkerlund", page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);

        var time = await App.WithDbAsync(db => db.WorkshopQuestions.AsNoTracking().SingleAsync());
        var corrected = await Html.SubmitAsync(browser, page, new Dictionary<string, string?> { [$"Input.Q{time.Id}"] = time.Options[0].Key });

        Assert.Equal(link, corrected.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Tietosi on päivitetty.", (await Html.ParseAsync(corrected)).Text("[role=status]"));
        Assert.Equal("Aino Åkerlund", (await App.WithDbAsync(db => db.Registrations.SingleAsync())).Name);
        Assert.Equal("Aamupäivä", Assert.Single(await AnswersAsync()).Text);
        Assert.Equal([EmailKind.Confirmed, EmailKind.DetailsCorrected], await OutboxKindsAsync());
    }

    [Fact]
    public async Task TheOrganisersAddFormIsRefusedTheSameWay()
    {
        var organiser = await Organisers.SignedInAsync(App);
        var workshopId = (await App.WorkshopAsync(Rauma)).Id;
        var form = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/add");
        AddTimeQuestionAfterThePageReadTheQuestions(workshopId);

        var response = await Html.SubmitAsync(organiser, form, People.Registration(), "form.add-form");

        Assert.Empty(await App.RegistrationsInFileAsync(Rauma));
        var page = await Html.ParseAsync(response);
        AssertAskedAgain(page, await App.WithDbAsync(db => db.WorkshopQuestions.AsNoTracking().SingleAsync()));
        Assert.Equal("Aino Ääkkönen", page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
    }

    /// <summary>Arms the organiser's change: a required one-choice question added through the domain service.</summary>
    private void AddTimeQuestionAfterThePageReadTheQuestions(Guid workshopId) => _afterTheRead.Arm(async () =>
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QuestionService>().AddAsync(workshopId, new QuestionDraft(
            QuestionKind.OneChoice, new LocalizedText { Fi = Wording }, new LocalizedText(), Required: true,
            [new OptionDraft(null, new LocalizedText { Fi = "Aamupäivä" }), new OptionDraft(null, new LocalizedText { Fi = "Iltapäivä" })]), Organisers.Email);
    });

    /// <summary>The question is on the form with its error next to it and in the error summary, after the page's message.</summary>
    private static void AssertAskedAgain(IDocument page, WorkshopQuestion question)
    {
        var field = $"Input_Q{question.Id}";
        Assert.Equal($"Valitse vastaus: {Wording}", page.Text($"#{field}-error"));
        var error = page.QuerySelector($"#{field}-error")!;
        Assert.Same(page.QuerySelector($"#{field}")!.Closest("fieldset"), error.Closest("fieldset"));
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Equal([(Changed, null), ($"Valitse vastaus: {Wording}", $"#{field}")],
            page.QuerySelectorAll(".error-summary li").Select(li => (li.TextContent.Trim(), li.QuerySelector("a")?.GetAttribute("href"))));
    }

    /// <summary>Registers through the public form and returns the personal link.</summary>
    private async Task<string> RegisterAsync()
    {
        var visitor = App.Browser();
        var response = await Html.SubmitAsync(visitor, await Html.GetAsync(visitor, $"/workshops/{Rauma}"), People.Registration());
        Assert.EndsWith("/registered", response.RequestMessage!.RequestUri!.AbsolutePath);
        return Mail.ManagePath(await Smtp.NextMessageAsync());
    }

    private Task<List<RegistrationAnswer>> AnswersAsync() =>
        App.WithDbAsync(db => db.RegistrationAnswers.AsNoTracking().OrderBy(a => a.QuestionId).ToListAsync());

    private Task<List<EmailKind>> OutboxKindsAsync() =>
        App.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().OrderBy(e => e.CreatedAtUtc).Select(e => e.Kind).ToListAsync());

    /// <summary>
    /// Runs a change once, right after a page has read a workshop's questions outside any write transaction: the window
    /// between what the page checked and the transaction that stores, made to be hit every time.
    /// </summary>
    private sealed class AfterThePageReadTheQuestions : DbCommandInterceptor
    {
        private Func<Task>? _change;

        public bool IsArmed => Volatile.Read(ref _change) is not null;

        public void Arm(Func<Task> change) => Volatile.Write(ref _change, change);

        public override async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (command.Transaction is null && command.CommandText.Contains("\"WorkshopQuestions\"", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _change, null) is { } change)
            {
                await change();
            }

            return result;
        }
    }
}
