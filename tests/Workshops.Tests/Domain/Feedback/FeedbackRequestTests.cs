using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Feedback;

/// <summary>
/// Feedback on the method over real SMTP, real forms and a real SQLite file: the organiser's "send now", the automatic
/// request on the fake clock (and not again after a restart), one answer per person, editing, closing.
/// </summary>
public sealed class FeedbackRequestTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;

    /// <summary>
    /// Aino and Bertil confirmed, Cecilia waiting, Dora cancelled (capacity 2); their emails drained; unless told otherwise,
    /// the clock at 1.6. 01.00, after Rauma's day (all day: it ended at midnight) and before the automatic request is due
    /// (two hours after the end).
    /// </summary>
    private async Task ArrangeFourPeopleAsync(bool afterRauma = true)
    {
        await App.UpdateWorkshopAsync(Rauma, w => w.Capacity = 2);
        foreach (var (name, email) in new[] { ("Aino", "aino@example.fi"), ("Bertil", "bertil@example.fi"), ("Cecilia", "cecilia@example.fi"), ("Dora", "dora@example.fi") })
        {
            await RegistrationSteps.ThroughFormAsync(App, name, email);
        }

        await FeedbackSteps.OutboxAtRestAsync(App); // Dora's waiting-list email leaves before she cancels
        await FeedbackSteps.CancelAsync(App, "dora@example.fi");
        await FeedbackSteps.OutboxAtRestAsync(App);
        Assert.Equal(5, Smtp.ReceivedCount);
        for (var i = 0; i < 5; i++)
        {
            await Smtp.NextMessageAsync();
        }

        if (afterRauma)
        {
            App.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 6, 1, 1, 0, 0)));
        }
    }

    [Fact]
    public async Task SendingRequestsNowEmailsEachConfirmedParticipantOnceEvenWhenPressedTwice()
    {
        await ArrangeFourPeopleAsync();
        var organiser = await Organisers.SignedInAsync(App);

        var first = await FeedbackSteps.PressAsync(organiser, Rauma, "send-feedback-form");
        var second = await FeedbackSteps.PressAsync(organiser, Rauma, "send-feedback-form");

        Assert.Contains("Palautepyyntö lähti 2 osallistujalle.", first.Text(".outcome"));
        Assert.Contains("Palautepyyntö lähti 0 osallistujalle.", second.Text(".outcome"));
        var requests = new[] { await Smtp.NextMessageAsync(), await Smtp.NextMessageAsync() };
        Assert.Equal(["aino@example.fi", "bertil@example.fi"], requests.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(requests, m =>
        {
            Assert.StartsWith("Miten työpaja onnistui? Yhdessä yksinäisyyttä vastaan", m.Subject);
            Assert.DoesNotContain(m.BodyParts, p => p.ContentType.MediaSubtype == "calendar");
        });
        await FeedbackSteps.OutboxAtRestAsync(App);
        Assert.Equal(7, Smtp.ReceivedCount); // 4 registrations + 1 cancellation + 2 requests: nothing for Cecilia or Dora
        Assert.Equal(2, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == EmailKind.FeedbackRequest)));

        // The personal link opens the form in a browser with no cookies.
        var form = await Html.GetAsync(App.Browser(), FeedbackSteps.FeedbackPath(requests[0]));
        Assert.NotNull(form.QuerySelector("form.feedback-form fieldset legend"));
    }

    [Fact]
    public async Task AnAnswerIsStoredOnceCanBeEditedAndIsRefusedAfterFeedbackCloses()
    {
        await ArrangeFourPeopleAsync();
        var organiser = await Organisers.SignedInAsync(App);
        await FeedbackSteps.PressAsync(organiser, Rauma, "send-feedback-form");
        var path = FeedbackSteps.FeedbackPath(await Smtp.NextMessageAsync());
        var browser = App.Browser();

        var saved = await Html.SubmitAsync(browser, await Html.GetAsync(browser, path), FeedbackSteps.Answer(4, 5, "Pienryhmät", "Enemmän aikaa", "Yes"));
        var edited = await Html.SubmitAsync(browser, await Html.ParseAsync(saved), FeedbackSteps.Answer(2, 3, "Kahvi", null, "Maybe"));

        Assert.Contains("Kiitos palautteestasi!", (await Html.ParseAsync(saved)).Text(".outcome"));
        Assert.Contains("Muutoksesi on tallennettu.", (await Html.ParseAsync(edited)).Text(".outcome"));
        var answer = await App.WithDbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync());
        Assert.Equal((2, 3, "Kahvi", null, ComeAgain.Maybe, FeedbackSource.Participant),
            (answer.OverallRating, answer.MethodRating, answer.WhatWorked, answer.WhatToImprove, answer.WouldComeAgain, answer.Source));

        var stale = await Html.GetAsync(browser, path);
        await FeedbackSteps.PressAsync(organiser, Rauma, "close-feedback-form");
        var refused = await Html.SubmitAsync(browser, stale, FeedbackSteps.Answer(5, 5, "Myöhässä"));

        Assert.Equal("Palaute on suljettu", (await Html.ParseAsync(refused)).Text("h1"));
        Assert.Equal("Palaute on suljettu", (await Html.GetAsync(browser, path)).Text("h1"));
        var unchanged = await App.WithDbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync());
        Assert.Equal((2, "Kahvi"), (unchanged.OverallRating, unchanged.WhatWorked));
    }

    [Fact]
    public async Task TheFormListsEveryErrorAtOnceNextToItsFieldAndStoresNothing()
    {
        await ArrangeFourPeopleAsync();
        var organiser = await Organisers.SignedInAsync(App);
        await FeedbackSteps.PressAsync(organiser, Rauma, "send-feedback-form");
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, FeedbackSteps.FeedbackPath(await Smtp.NextMessageAsync()));

        var response = await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.WhatWorked"] = new string('x', 2001),
            ["Input.WouldComeAgain"] = "Often",
        });

        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, page.QuerySelectorAll(".error-summary li").Length);
        foreach (var field in new[] { "OverallRating", "MethodRating", "WhatWorked", "WouldComeAgain" })
        {
            Assert.False(string.IsNullOrWhiteSpace(page.Text($"#Input_{field}-error")), field);
        }

        Assert.False(await App.WithDbAsync(db => db.FeedbackAnswers.AnyAsync()));
    }

    [Fact]
    public async Task TheAutomaticRequestGoesOutTheDelayAfterTheEndAndNotAgainAfterARestart()
    {
        await ArrangeFourPeopleAsync(afterRauma: false);
        await App.UpdateWorkshopAsync(Rauma, w => (w.StartTime, w.EndTime) = (new TimeOnly(13, 0), new TimeOnly(16, 0)));
        var workshop = await App.WorkshopAsync(Rauma);
        var due = FeedbackSteps.Helsinki(workshop.Date.ToDateTime(new TimeOnly(16, 0)).AddHours(2)); // Feedback__DelayHours defaults to 2
        var scan = App.Services.GetServices<IHostedService>().OfType<FeedbackRequestScan>().Single();

        App.Time.SetUtcNow(due.AddMinutes(-1));
        Assert.Equal(0, await scan.ScanAsync(CancellationToken.None));
        Assert.False(await App.WithDbAsync(db => db.Registrations.AnyAsync(r => r.FeedbackRequestedAtUtc != null)));

        // From here the hosted job, waking on the fake clock, does the sending.
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromMinutes(1),
            () => App.WithDbAsync(db => db.Registrations.CountAsync(r => r.FeedbackRequestedAtUtc != null)).ContinueWith(t => t.Result == 2),
            "the automatic requests were queued");
        var requests = new[] { await Smtp.NextMessageAsync(), await Smtp.NextMessageAsync() };
        Assert.Equal(["aino@example.fi", "bertil@example.fi"], requests.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(await App.WithDbAsync(db => db.Registrations.Where(r => r.FeedbackRequestedAtUtc != null).ToListAsync()),
            r => Assert.True(r.FeedbackRequestedAtUtc >= due.UtcDateTime, $"asked at {r.FeedbackRequestedAtUtc:o}, due {due:o}"));
        await FeedbackSteps.OutboxAtRestAsync(App);
        var received = Smtp.ReceivedCount;

        // A restart on the same database, a day later: the new process's scan finds everyone already asked.
        App.Dispose();
        App = new WorkshopsFactory(App.Folder, Smtp.Settings);
        App.Time.SetUtcNow(due.AddDays(1));
        var restarted = App.Services.GetServices<IHostedService>().OfType<FeedbackRequestScan>().Single();
        Assert.Equal(0, await restarted.ScanAsync(CancellationToken.None));
        await FeedbackSteps.OutboxAtRestAsync(App);
        Assert.Equal(received, Smtp.ReceivedCount);
        Assert.Equal(2, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == EmailKind.FeedbackRequest)));
    }

    [Fact]
    public async Task AWalkInVisitorAnswersWithoutRegisteringAndABotFillingTheHoneypotIsDropped()
    {
        const string WalkIn = "suomiareena-penkkikahvila";
        var workshop = await App.WorkshopAsync(WalkIn);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Browser().GetAsync($"/workshops/{Rauma}/feedback")).StatusCode);
        App.Time.SetUtcNow(FeedbackSteps.Helsinki(workshop.Date.ToDateTime(new TimeOnly(12, 0))));
        var visitor = App.Browser();

        var page = await Html.GetAsync(visitor, $"/workshops/{WalkIn}/feedback");
        var response = await Html.SubmitAsync(visitor, page, FeedbackSteps.Answer(5, 4, "Penkillä oli helppo jutella", null, "Yes"));
        var bot = await Html.SubmitAsync(App.Browser(), page, new Dictionary<string, string?>(FeedbackSteps.Answer(1, 1)) { ["Input.Website"] = "http://spam.example" });

        Assert.Contains("Kiitos palautteestasi!", (await Html.ParseAsync(response)).Text(".outcome"));
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        var answer = await App.WithDbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync());
        Assert.Equal((workshop.Id, null, FeedbackSource.WalkIn, 5, 4, "Penkillä oli helppo jutella"),
            (answer.WorkshopId, answer.RegistrationId, answer.Source, answer.OverallRating, answer.MethodRating, answer.WhatWorked));
        Assert.Equal(0, Smtp.ReceivedCount);
    }
}
