using AngleSharp.Dom;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Workshops.Tests.Calendar;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Domain.Workshops;

/// <summary>
/// One workshop's whole life on a fake clock, over real forms, real SMTP and a real SQLite file: announce, register,
/// postpone, remind, start, check in, end, feedback, results, purge. At each step it asserts what the programme, the
/// workshop page, the personal page, the organiser's pages, the reminder and feedback jobs, the emails and the calendar
/// files (parsed with Ical.Net) say, so that they agree with one another and with the moment.
/// </summary>
public sealed class WorkshopLifeTests : AppWithMailServer
{
    private const string Slug = "porin-kevat";
    private readonly List<MimeMessage> _mail = [];
    private HttpClient _organiser = null!;

    private void At(DateTime helsinki) => App.Time.SetUtcNow(FeedbackSteps.Helsinki(helsinki));

    /// <summary>Signs the organiser in again: the session has a lifetime, and the clock jumps weeks.</summary>
    private async Task OrganiserAsync() => await Organisers.SubmitSignInAsync(_organiser, Organisers.Email, Organisers.Password);

    /// <summary>Waits until everything queued has reached the SMTP server, then keeps what arrived.</summary>
    private async Task<List<MimeMessage>> NewMailAsync()
    {
        await FeedbackSteps.OutboxAtRestAsync(App);
        var arrived = new List<MimeMessage>();
        while (!Smtp.NothingMoreReceived)
        {
            arrived.Add(await Smtp.NextMessageAsync());
        }

        _mail.AddRange(arrived);
        return arrived;
    }

    private static MimeMessage To(IEnumerable<MimeMessage> mail, string email) =>
        mail.Single(m => m.To.Mailboxes.Single().Address == email);

    private static CalendarEvent Entry(MimeMessage message, out string method)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => a.FileName?.EndsWith(".ics", StringComparison.Ordinal) == true);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        var calendar = Ics.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        method = calendar.Method ?? "";
        return calendar.Events.Single();
    }

    private async Task<CalendarEvent> FeedEntryAsync()
    {
        var feed = Ics.Parse(await App.Browser().GetStringAsync("/calendar.ics"));
        return feed.Events.Single(e => e.Url!.AbsolutePath.EndsWith(Slug, StringComparison.Ordinal));
    }

    private async Task<IElement> CardAsync()
    {
        var programme = await Html.GetAsync(App.Browser(), "/");
        return programme.QuerySelectorAll(".programme > li").Single(li => li.QuerySelector($"h3 a[href='/workshops/{Slug}']") is not null);
    }

    private async Task<string> ListOfCardAsync()
    {
        var programme = await Html.GetAsync(App.Browser(), "/");
        var list = programme.QuerySelectorAll("ol.programme").Single(l => l.QuerySelector($"h3 a[href='/workshops/{Slug}']") is not null);
        return list.GetAttribute("aria-labelledby")!;
    }

    private static string TextIn(IElement element, string selector) =>
        element.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No '{selector}' in the card");

    private Task<IDocument> PersonalAsync(string managePath) => Html.GetAsync(App.Browser(), managePath);

    private async Task RegisterAsync(string name, string email) =>
        await RegistrationSteps.ThroughFormAsync(App, name, email, slug: Slug);

    [Fact]
    public async Task OneWorkshopFromAnnouncementToPurgeSaysWhatIsTrueAtEveryStep()
    {
        // 1. Announce: an organiser makes the workshop through the real form, ten weeks ahead.
        _organiser = await Organisers.SignedInAsync(App);
        var created = await Html.SubmitAsync(_organiser, await Html.GetAsync(_organiser, "/organiser/workshops/new"), new Dictionary<string, string?>
        {
            ["Input.Slug"] = Slug,
            ["Input.TitleFi"] = "Porin kevättyöpaja",
            ["Input.DescriptionFi"] = "Kuvaus.",
            ["Input.Date"] = "2027-03-10",
            ["Input.StartTime"] = "13:00",
            ["Input.EndTime"] = "16:00",
            ["Input.Format"] = "InPerson",
            ["Input.Audience"] = "Citizens",
            ["Input.Place"] = "Pori",
            ["Input.Capacity"] = "2",
        }, "form.workshop-form");
        Assert.True(created.IsSuccessStatusCode);
        var card = await CardAsync();
        Assert.Equal("ahead-title", await ListOfCardAsync());
        Assert.Contains("ke 10.3.2027 klo 13.00–16.00", TextIn(card, ".facts-when"));
        Assert.Equal("2 paikkaa jäljellä", TextIn(card, ".availability"));
        Assert.NotNull((await Html.GetAsync(App.Browser(), $"/workshops/{Slug}")).QuerySelector("section.register form"));
        var announced = Ics.Parse(await App.Browser().GetStringAsync($"/workshops/{Slug}/calendar.ics")).Events.Single();
        Assert.Equal((new DateTime(2027, 3, 10, 13, 0, 0), "Europe/Helsinki", 0), (announced.DtStart!.Value, announced.DtStart.TzId, announced.Sequence));

        // 2. Register: two seats, a third person waits. Each gets a calendar REQUEST (or the waiting list's PUBLISH).
        await RegisterAsync("Aino", "aino@example.fi");
        await RegisterAsync("Bertil", "bertil@example.fi");
        await RegisterAsync("Cecilia", "cecilia@example.fi");
        var confirmations = await NewMailAsync();
        var aino = Mail.ManagePath(To(confirmations, "aino@example.fi"));
        var bertil = Mail.ManagePath(To(confirmations, "bertil@example.fi"));
        var cecilia = Mail.ManagePath(To(confirmations, "cecilia@example.fi"));
        Entry(To(confirmations, "aino@example.fi"), out var method);
        Assert.Equal("REQUEST", method);
        Assert.Contains("voit perua ilmoittautumisen", To(confirmations, "aino@example.fi").TextBody);
        var ainoPage = await PersonalAsync(aino);
        Assert.Equal("Sinulla on paikka työpajassa.", ainoPage.Text(".status-panel"));
        Assert.NotNull(ainoPage.QuerySelector($"a[href='{aino}/cancel']"));
        Assert.NotNull(ainoPage.QuerySelector($"a[href='{aino}/correct']"));
        Assert.Equal("Täynnä – ilmoittaudu jonoon", TextIn(await CardAsync(), ".availability"));
        var ceciliaCancelForm = App.Browser();
        var ceciliaOldPage = await Html.GetAsync(ceciliaCancelForm, cecilia + "/cancel"); // kept open in a tab until after the workshop

        // 3. Postpone by a week: everyone is told, the calendar entry moves (SEQUENCE 1) in the emails and the feed.
        var edit = await Html.GetAsync(_organiser, $"/organiser/workshops/{Slug}/edit");
        Assert.True((await Html.SubmitAsync(_organiser, edit, new Dictionary<string, string?> { ["Input.Date"] = "2027-03-17" }, "form.workshop-form")).IsSuccessStatusCode);
        var changes = await NewMailAsync();
        Assert.Equal(3, changes.Count);
        var moved = Entry(To(changes, "aino@example.fi"), out method);
        Assert.Equal(("REQUEST", new DateTime(2027, 3, 17, 13, 0, 0), 1), (method, moved.DtStart!.Value, moved.Sequence));
        Assert.Contains("Aiemmin: ke 10.3.2027 klo 13.00–16.00", To(changes, "aino@example.fi").TextBody);
        Assert.Equal((new DateTime(2027, 3, 17, 13, 0, 0), 1), ((await FeedEntryAsync()).DtStart!.Value, (await FeedEntryAsync()).Sequence));
        Assert.Contains("ke 17.3.2027 klo 13.00–16.00", TextIn(await CardAsync(), ".facts-when"));

        // Bertil cannot come: he cancels before the start; his seat goes to Cecilia.
        var cancelling = App.Browser();
        Assert.True((await Html.SubmitAsync(cancelling, await Html.GetAsync(cancelling, bertil + "/cancel"), new Dictionary<string, string?>())).IsSuccessStatusCode);
        var afterCancel = await NewMailAsync();
        var cancellation = To(afterCancel, "bertil@example.fi");
        Entry(cancellation, out method);
        Assert.Equal("CANCEL", method);
        Assert.DoesNotContain("voit perua", cancellation.TextBody);
        Assert.Contains("Voit ilmoittautua uudelleen työpajan sivulla.", cancellation.TextBody);
        Assert.StartsWith("Sinulle vapautui paikka", To(afterCancel, "cecilia@example.fi").Subject);

        // 4. Remind: 48 hours before the start the job reminds those with a seat; the organiser's page says it went.
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromMinutes(10), async () =>
        {
            if (App.Time.GetUtcNow() < FeedbackSteps.Helsinki(new DateTime(2027, 3, 15, 13, 0, 0)))
            {
                At(new DateTime(2027, 3, 15, 12, 55, 0));
            }

            return await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.ReminderSentAtUtc != null)) == 2;
        }, "the reminder job reminded Aino and Cecilia");
        var reminders = await NewMailAsync();
        Assert.Equal(["aino@example.fi", "cecilia@example.fi"], reminders.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(reminders, m => Assert.StartsWith("Muistutus: Porin kevättyöpaja", m.Subject));
        Assert.Contains("voit perua ilmoittautumisen", To(reminders, "aino@example.fi").TextBody); // still true before the start
        await OrganiserAsync();
        var reminderPage = await Html.GetAsync(_organiser, $"/organiser/workshops/{Slug}/reminder");
        Assert.Contains("Automaattinen muistutus lähti 15.3.2027 13.00", reminderPage.Text("[data-reminder='gone']"));

        // 5. Start: registration, cancelling and correcting end; the pages say it is under way.
        At(new DateTime(2027, 3, 17, 13, 0, 0));
        await OrganiserAsync();
        card = await CardAsync();
        Assert.Equal(("ahead-title", "Käynnissä nyt"), (await ListOfCardAsync(), TextIn(card, ".availability")));
        var page = await Html.GetAsync(App.Browser(), $"/workshops/{Slug}");
        Assert.Equal("Työpaja on käynnissä", page.Text("#closed-title"));
        Assert.Null(page.QuerySelector("section.register"));
        ainoPage = await PersonalAsync(aino);
        Assert.Null(ainoPage.QuerySelector($"a[href='{aino}/cancel']"));
        Assert.Null(ainoPage.QuerySelector($"a[href='{aino}/correct']"));
        Assert.NotNull(ainoPage.QuerySelector("[data-life='started']"));
        Assert.Equal(aino, (await App.Browser().GetAsync(aino + "/cancel")).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Työpaja on jo alkanut, joten muistutuksia ei enää lähetetä.",
            (await Html.GetAsync(_organiser, $"/organiser/workshops/{Slug}/reminder")).Text("[data-reminder='over']"));
        var attendees = await Html.GetAsync(_organiser, $"/organiser/workshops/{Slug}");
        Assert.Empty(attendees.QuerySelectorAll("form.cancel-form"));
        Assert.Equal("Käynnissä", attendees.Text("[data-stage]"));

        // 6. Check in: Aino arrives at 13.05 (the door's page); Cecilia never comes.
        At(new DateTime(2027, 3, 17, 13, 5, 0));
        await OrganiserAsync();
        var ainoId = (await FeedbackSteps.PersonAsync(App, "aino@example.fi")).Id;
        var door = await Html.GetAsync(_organiser, $"/organiser/workshops/{Slug}/check-in");
        Assert.True((await Html.SubmitAsync(_organiser, door, new Dictionary<string, string?>(), $"#r-{ainoId} form")).IsSuccessStatusCode);
        Assert.Contains("Saapumisesi on kirjattu ke 17.3.2027 klo 13.05", (await PersonalAsync(aino)).Text("[data-attendance='attended']"));

        // 7. End: held; the feedback job asks only those who came, two hours after the end.
        At(new DateTime(2027, 3, 17, 16, 0, 0));
        await OrganiserAsync();
        card = await CardAsync();
        Assert.Equal(("held-title", "Pidetty"), (await ListOfCardAsync(), TextIn(card, ".availability")));
        Assert.Equal("Työpaja on pidetty", (await Html.GetAsync(App.Browser(), $"/workshops/{Slug}")).Text("#closed-title"));
        Assert.Equal("Olit mukana: saapumisesi kirjattiin ke 17.3.2027 klo 13.05.", (await PersonalAsync(aino)).Text("[data-attendance='attended']"));
        Assert.Equal("Olit ilmoittautunut työpajaan, ja sinulla oli paikka.", (await PersonalAsync(cecilia)).Text("[data-attendance='registered']"));
        var feedbackPage = await Html.GetAsync(_organiser, $"/organiser/workshops/{Slug}/feedback");
        Assert.Equal("checked-in", feedbackPage.QuerySelector("[data-asked]")!.GetAttribute("data-asked"));
        Assert.Equal(("1", "0"), (feedbackPage.Text("[data-count='participants']"), feedbackPage.Text("[data-count='requested']")));
        var scan = App.Services.GetServices<IHostedService>().OfType<FeedbackRequestScan>().Single();
        Assert.Equal(0, await scan.ScanAsync(CancellationToken.None)); // due at 18.00
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromMinutes(5),
            async () => await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.FeedbackRequestedAtUtc != null)) == 1, "the feedback job asked Aino");
        var requests = await NewMailAsync();
        var request = Assert.Single(requests);
        Assert.Equal("aino@example.fi", request.To.Mailboxes.Single().Address);
        Assert.StartsWith("Miten työpaja onnistui?", request.Subject);
        var browser = App.Browser();
        var answered = await Html.SubmitAsync(browser, await Html.GetAsync(browser, FeedbackSteps.FeedbackPath(request)), FeedbackSteps.Answer(5, 4, "Pienryhmät"));
        Assert.Contains("Kiitos palautteestasi!", (await Html.ParseAsync(answered)).Text(".outcome"));
        Assert.Null((await PersonalAsync(cecilia + "/feedback")).QuerySelector("form.feedback-form")); // a no-show is not asked, nor may answer

        // Cecilia's tab from before the start: the cancel is refused, nothing is sent, the counts stay.
        var late = await Html.SubmitAsync(ceciliaCancelForm, ceciliaOldPage, new Dictionary<string, string?>());
        Assert.Contains("Työpaja on jo alkanut", (await Html.ParseAsync(late)).Text(".outcome"));

        // 8. Results: published from the organiser's page; the programme, the workshop page and the personal page link to them.
        await OrganiserAsync();
        var results = await Html.GetAsync(_organiser, $"/organiser/workshops/{Slug}/results");
        Assert.True((await Html.SubmitAsync(_organiser, results, new Dictionary<string, string?>
        {
            ["Input.SummaryFi"] = "Yhteiset havainnot.",
            ["Input.Publish"] = "true",
        }, "form[action*='handler=Save']")).IsSuccessStatusCode);
        card = await CardAsync();
        Assert.NotNull(card.QuerySelector($"a[href='/workshops/{Slug}/results']"));
        Assert.Equal("ke 17.3.2027 klo 13.00–16.00 · Pori", (await Html.GetAsync(App.Browser(), $"/workshops/{Slug}/results")).Text(".results-when"));
        Assert.NotNull((await PersonalAsync(aino)).QuerySelector($"a[href='/workshops/{Slug}/results']"));
        var outcomes = await Html.GetAsync(_organiser, "/organiser/outcomes");
        string Cell(string column) => outcomes.Text($"table.outcomes-workshops tr[data-key='{Slug}'] td[data-col='{column}']");
        Assert.Equal(("2", "1", "1", "100 %", "5,00 (1)"), (Cell("registered"), Cell("checked-in"), Cell("asked"), Cell("response-rate"), Cell("overall")));
        var dashboard = await Html.GetAsync(_organiser, "/organiser");
        Assert.Equal(("1", "Pidetty, tulokset julkaistu"),
            (dashboard.Text($"tr[data-slug='{Slug}'] [data-count='attended']"), dashboard.QuerySelector($"tr[data-slug='{Slug}'] td:nth-child(3)")!.TextContent.Trim()));
        var feed = await FeedEntryAsync();
        Assert.Equal(("CONFIRMED", 1), (feed.Status, feed.Sequence));

        // No calendar CANCEL ever went for the held workshop: the only one is Bertil's, before the start.
        await NewMailAsync();
        Assert.Equal(["bertil@example.fi"], _mail.Where(m => m.Attachments.OfType<MimePart>().Any(p => p.ContentType.Parameters.TryGetValue("method", out string? sent) && sent == "CANCEL"))
            .Select(m => m.To.Mailboxes.Single().Address));

        // 9. Purge: on the purge date the personal data goes; the arrival and the status stay in the counts.
        At(new DateTime(2027, 6, 16, 3, 0, 0));
        await App.Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None);

        var ainoAfter = await FeedbackSteps.PersonAsync(App, $"erased-{ainoId}@invalid");
        Assert.Equal((PersonalData.ErasedName, RegistrationStatus.Confirmed, true), (ainoAfter.Name, ainoAfter.Status, ainoAfter.CheckedInAtUtc is not null));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await App.Browser().GetAsync(aino)).StatusCode);
        await OrganiserAsync();
        dashboard = await Html.GetAsync(_organiser, "/organiser");
        Assert.Equal("1", dashboard.Text($"tr[data-slug='{Slug}'] [data-count='attended']"));
        outcomes = await Html.GetAsync(_organiser, "/organiser/outcomes");
        Assert.Equal("5,00 (1)", Cell("overall"));
        Assert.Null(await App.WithDbAsync(db => db.FeedbackAnswers.Select(a => a.WhatWorked).SingleAsync()));
    }
}
