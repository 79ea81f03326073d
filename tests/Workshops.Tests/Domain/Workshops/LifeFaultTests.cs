using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Results;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Workshops;

/// <summary>
/// The faults of issue 21, one test each, found by moving the clock: features that were right when built but disagreed
/// as a workshop moved through its life. Real forms, real SMTP, a real SQLite file.
/// </summary>
public sealed class LifeFaultTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string WalkIn = "suomiareena-penkkikahvila";
    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";

    /// <summary>Rauma on Wednesday 31.5.2028, 13.00–16.00 Helsinki time.</summary>
    private static readonly DateTime RaumaStart = new(2028, 5, 31, 13, 0, 0);

    private Task TimedRaumaAsync() =>
        App.UpdateWorkshopAsync(Rauma, w => (w.StartTime, w.EndTime) = (new TimeOnly(13, 0), new TimeOnly(16, 0)));

    private void At(DateTime helsinki) => App.Time.SetUtcNow(FeedbackSteps.Helsinki(helsinki));

    /// <summary>Registers through the form and returns the personal link's path from the confirmation email.</summary>
    private async Task<string> RegisterAsync(string name, string email, string slug = Rauma)
    {
        await RegistrationSteps.ThroughFormAsync(App, name, email, slug: slug);
        return Mail.ManagePath(await NextToAsync(email));
    }

    private async Task<MimeMessage> NextToAsync(string email)
    {
        var message = await Smtp.NextMessageAsync();
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        return message;
    }

    private async Task CheckInAsync(string email)
    {
        var person = await FeedbackSteps.PersonAsync(App, email);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CheckInService>().SetCheckedInAsync(person.Id, true, Organisers.Email));
    }

    private async Task PublishResultsAsync(string slug)
    {
        var workshop = await App.WorkshopAsync(slug);
        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ResultsService>().SaveAsync(
            workshop.Id, new LocalizedText { Fi = "Tulokset." }, publish: true, Organisers.Email);
        Assert.Equal(ResultsSaveOutcome.Saved, outcome);
    }

    [Fact]
    public async Task CancellingFromAnOldLinkSixDaysAfterTheWorkshopIsRefusedAndTheAttendanceStays()
    {
        await TimedRaumaAsync();
        var manage = await RegisterAsync("Aino", "aino@example.fi");
        var browser = App.Browser();
        var cancelForm = await Html.GetAsync(browser, manage + "/cancel"); // opened from the email before the day
        At(RaumaStart.AddHours(1));
        await CheckInAsync("aino@example.fi");

        At(RaumaStart.AddDays(6));
        var response = await Html.SubmitAsync(browser, cancelForm, new Dictionary<string, string?>());

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var aino = await FeedbackSteps.PersonAsync(App, "aino@example.fi");
        Assert.Equal((RegistrationStatus.Confirmed, true), (aino.Status, aino.CheckedInAtUtc is not null));
        Assert.False(await App.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.Kind == EmailKind.Cancelled)));
        var organiser = await Organisers.SignedInAsync(App);
        var report = await Html.GetAsync(organiser, "/organiser");
        Assert.Equal("1", report.Text($"tr[data-slug='{Rauma}'] [data-count='attended']"));
    }

    [Fact]
    public async Task FeedbackRequestsCannotBeSentHoursBeforeTheWorkshopStarts()
    {
        await TimedRaumaAsync();
        await RegisterAsync("Aino", "aino@example.fi");
        At(RaumaStart.AddHours(-3));
        var organiser = await Organisers.SignedInAsync(App);

        var page = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/feedback");
        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<FeedbackService>().SendNowAsync((await App.WorkshopAsync(Rauma)).Id, Organisers.Email);

        Assert.Null(page.QuerySelector("form.send-feedback-form"));
        Assert.Contains("31.5.2028 16.00", page.Text("[data-send='not-yet']"));
        Assert.True(outcome.TooEarly); // the write seam refuses whatever a page offers
        Assert.False(await App.WithDbAsync(db => db.Registrations.AnyAsync(r => r.FeedbackRequestedAtUtc != null)));
        Assert.False(await App.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.Kind == EmailKind.FeedbackRequest)));
    }

    [Fact]
    public async Task WhereCheckInWasUsedOnlyThoseWhoCameAreAskedForFeedback()
    {
        await TimedRaumaAsync();
        await RegisterAsync("Aino", "aino@example.fi");
        await RegisterAsync("Bertil", "bertil@example.fi");
        At(RaumaStart.AddMinutes(10));
        await CheckInAsync("aino@example.fi");
        At(RaumaStart.AddHours(4));
        var organiser = await Organisers.SignedInAsync(App);

        await FeedbackSteps.PressAsync(organiser, Rauma, "send-feedback-form");

        var asked = await App.WithDbAsync(db => db.Registrations.Where(r => r.FeedbackRequestedAtUtc != null).Select(r => r.Email).ToListAsync());
        Assert.Equal(["aino@example.fi"], asked);
    }

    [Fact]
    public async Task AFeedbackAnswerFromSomeoneWhoNeverCameIsRefusedAndLeavesTheMeanAlone()
    {
        await TimedRaumaAsync();
        await RegisterAsync("Aino", "aino@example.fi");
        var bertil = await RegisterAsync("Bertil", "bertil@example.fi");
        At(RaumaStart.AddMinutes(10));
        await CheckInAsync("aino@example.fi");
        At(RaumaStart.AddHours(4));
        var organiser = await Organisers.SignedInAsync(App);
        await FeedbackSteps.PressAsync(organiser, Rauma, "send-feedback-form");
        var browser = App.Browser();
        var aino = FeedbackSteps.FeedbackPath(await NextToAsync("aino@example.fi"));
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, aino), FeedbackSteps.Answer(5, 5));

        var noShow = App.Browser();
        var page = await noShow.GetAsync(bertil + "/feedback");
        if (await Html.ParseAsync(page) is var form && form.QuerySelector("form.feedback-form") is not null)
        {
            await Html.SubmitAsync(noShow, form, FeedbackSteps.Answer(1, 1));
        }

        Assert.Equal(1, await App.WithDbAsync(db => db.FeedbackAnswers.CountAsync()));
        var outcomes = await Html.GetAsync(organiser, "/organiser/outcomes");
        Assert.Equal("5,00 (1)", outcomes.Text($"table.outcomes-workshops tr[data-key='{Rauma}'] td[data-col='overall']"));
    }

    [Fact]
    public async Task TheComparisonShowsADashForAWorkshopNobodyHasBeenAskedAbout()
    {
        await RegisterAsync("Aino", "aino@example.fi");
        var organiser = await Organisers.SignedInAsync(App);

        var outcomes = await Html.GetAsync(organiser, "/organiser/outcomes");
        var feedback = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/feedback");

        string Cell(string column) => outcomes.Text($"table.outcomes-workshops tr[data-key='{Rauma}'] td[data-col='{column}']");
        Assert.Equal("0", feedback.Text("[data-count='requested']"));
        Assert.Equal("–", Cell("asked"));
        Assert.Equal("–", Cell("response-rate"));
        Assert.Equal("1", Cell("registered"));
    }

    [Fact]
    public async Task AfterTheFirstWorkshopsTheProgrammeListsUpcomingOnesFirstAndHeldOnesUnderTheirOwnHeading()
    {
        At(new DateTime(2028, 7, 3, 12, 0, 0)); // Rauma (31.5.) and the bench café (30.6.) are over

        var page = await Html.GetAsync(App.Browser(), "/");

        var lists = page.QuerySelectorAll("ol.programme");
        Assert.Equal(2, lists.Length);
        Assert.Equal(Webinar, Slugs(lists[0])[0]);
        Assert.Equal([Rauma, WalkIn], Slugs(lists[1]));
        Assert.NotNull(page.QuerySelector("#held-title"));

        static List<string> Slugs(AngleSharp.Dom.IElement list) =>
            list.QuerySelectorAll("li h3 a").Select(a => a.GetAttribute("href")!.Split('/')[2]).ToList();
    }

    [Fact]
    public async Task AHeldWalkInEventSaysNothingAboutRegistrationAndItsCardLeadsToItsResults()
    {
        At(new DateTime(2028, 7, 3, 12, 0, 0));
        await PublishResultsAsync(WalkIn);

        var page = await Html.GetAsync(App.Browser(), "/");

        var card = page.QuerySelectorAll(".programme > li").Single(li => li.QuerySelector($"a[href='/workshops/{WalkIn}']") is not null);
        Assert.DoesNotContain("lmoittautu", card.TextContent); // neither "Ilmoittautuminen" nor "ilmoittautumista"
        Assert.NotNull(card.QuerySelector($"a[href='/workshops/{WalkIn}/results']"));
    }

    [Fact]
    public async Task TheReminderPageDoesNotSayTheReminderWillBeSentAtAMomentAlreadyPast()
    {
        await TimedRaumaAsync();
        At(RaumaStart.AddHours(-5)); // the 48-hour reminder moment was 29.5. 13.00
        var organiser = await Organisers.SignedInAsync(App);

        var page = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/reminder");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Automaattinen muistutus lähtee", text);
        Assert.Contains("Automaattinen muistutus lähti", text);
    }

    [Fact]
    public async Task ResultsOfAHeldWorkshopWithNoAnnouncedTimeDoNotSayTheTimeIsStillToBeAnnounced()
    {
        At(new DateTime(2028, 6, 2, 12, 0, 0)); // Rauma (31.5., no time announced) is over
        await PublishResultsAsync(Rauma);

        var page = await Html.GetAsync(App.Browser(), $"/workshops/{Rauma}/results");

        Assert.Equal("ke 31.5.2028 · Rauma", page.Text(".results-when"));
    }

    [Fact]
    public async Task TheCancellationEmailDoesNotOfferToCancelARegistrationAlreadyCancelled()
    {
        await RegisterAsync("Aino", "aino@example.fi");
        await FeedbackSteps.CancelAsync(App, "aino@example.fi");

        var cancellation = await NextToAsync("aino@example.fi");

        Assert.StartsWith("Ilmoittautumisesi on peruttu", cancellation.Subject);
        Assert.DoesNotContain("voit perua", cancellation.TextBody);
        Assert.DoesNotContain("voit perua", cancellation.HtmlBody);
    }
}
