using System.Net;
using AngleSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Tests.Support.Browser;
using Workshops.Web.Data;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Email;

/// <summary>Emails over a real SMTP server on 127.0.0.1, through the outbox.</summary>
public class EmailTests : AppWithMailServer
{
    private const string Rauma = "rauma-yksinaisyys";
    private async Task<HttpResponseMessage> RegisterAsync(Dictionary<string, string?> values, WorkshopsFactory? app = null)
    {
        var browser = (app ?? App).Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        var response = await Html.SubmitAsync(browser, form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static OutboxDispatcher Dispatcher(WorkshopsFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();

    private Task<List<OutgoingEmail>> OutboxAsync(WorkshopsFactory? app = null) =>
        (app ?? App).WithDbAsync(db => db.OutgoingEmails.AsNoTracking().OrderBy(e => e.CreatedAtUtc).ToListAsync());

    [Fact]
    public async Task ConfirmationArrivesWithBothBodiesAndAManageLinkThatOpensTheRegistration()
    {
        await RegisterAsync(People.Registration());

        var message = await Smtp.NextMessageAsync();

        Assert.Equal("aino@example.fi", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Aino Ääkkönen", message.To.Mailboxes.Single().Name);
        Assert.Equal("tyopajat@example.fi", message.From.Mailboxes.Single().Address);
        Assert.Equal("info@example.fi", message.ReplyTo.Mailboxes.Single().Address);
        Assert.StartsWith("Paikkasi on vahvistettu: Yhdessä yksinäisyyttä vastaan", message.Subject);
        Assert.Contains("Hei Aino Ääkkönen,", message.TextBody);
        Assert.Contains("ke 31.5.2028, aika tarkentuu", message.TextBody);
        Assert.Contains("Paikka: Rauma", message.TextBody);
        Assert.Contains("Paikkasi työpajaan on vahvistettu.", message.HtmlBody);
        Assert.Contains("ke 31.5.2028, aika tarkentuu", message.HtmlBody);
        Assert.DoesNotContain("&#", message.TextBody); // decoded text, no entities

        var page = await Html.GetAsync(App.Browser(), Mail.ManagePath(message));
        Assert.Equal("Oma ilmoittautumiseni", page.Text("h1"));
        Assert.Contains("Sinulla on paikka työpajassa.", page.Text("main"));
        Assert.Contains("aino@example.fi", page.Text("main"));

        var sent = Assert.Single(await OutboxAsync());
        Assert.Equal(EmailState.Sent, sent.State);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal($"<{sent.MessageId("workshops.test")}>", "<" + message.MessageId + ">");
    }

    private static Ical.Net.Calendar CalendarIn(MimeMessage message, out string method)
    {
        var attachment = message.Attachments.OfType<MimePart>().Single(a => a.FileName?.EndsWith(".ics", StringComparison.Ordinal) == true && a.FileName.EndsWith(".ics", StringComparison.Ordinal));
        using var stream = new MemoryStream();
        attachment.Content!.DecodeTo(stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        method = text.Split("\r\n").Single(l => l.StartsWith("METHOD:", StringComparison.Ordinal))["METHOD:".Length..];
        return Ical.Net.Calendar.Load(text)!;
    }

    [Fact]
    public async Task ConfirmationCarriesTheWorkshopAsACalendarInvitationWithTheSameUidAsTheDownload()
    {
        await RegisterAsync(People.Registration());
        var message = await Smtp.NextMessageAsync();

        var invite = CalendarIn(message, out var method);
        Assert.Equal("REQUEST", method);
        var entry = Assert.Single(invite.Events);
        var workshop = await App.WorkshopAsync(Rauma);
        Assert.Equal($"{workshop.Id}@workshops.test", entry.Uid);
        Assert.Equal(new DateTime(2028, 5, 31), entry.DtStart!.Value.Date);
        Assert.Equal("aino@example.fi", entry.Attendees.Single().Value!.AbsoluteUri["mailto:".Length..]);
        var inline = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar" && !p.IsAttachment);
        Assert.Equal("REQUEST", inline.ContentType.Parameters["method"]);

        var download = await App.Browser().GetStringAsync($"/workshops/{Rauma}/calendar.ics");
        Assert.Equal(entry.Uid, Ical.Net.Calendar.Load(download)!.Events.Single().Uid);
        var own = await App.Browser().GetStringAsync(Mail.ManagePath(message) + "/calendar.ics");
        Assert.Equal(entry.Uid, Ical.Net.Calendar.Load(own)!.Events.Single().Uid);
    }

    [Fact]
    public async Task CancellationMessageRemovesTheSameCalendarEntry()
    {
        await RegisterAsync(People.Registration());
        var confirmation = await Smtp.NextMessageAsync();
        var browser = App.Browser();
        var link = Mail.ManagePath(confirmation);
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, link + "/cancel"), new Dictionary<string, string?>());

        var cancellation = await Smtp.NextMessageAsync();

        var added = CalendarIn(confirmation, out _).Events.Single();
        var removed = CalendarIn(cancellation, out var method).Events.Single();
        Assert.Equal("CANCEL", method);
        Assert.Equal(added.Uid, removed.Uid);
        Assert.True(removed.Sequence > added.Sequence, $"SEQUENCE {removed.Sequence} must outrank {added.Sequence}");
    }

    [Fact]
    public async Task RegisteringAgainAfterCancellingSendsAnInvitationThatOutranksTheCancellation()
    {
        await RegisterAsync(People.Registration());
        var first = await Smtp.NextMessageAsync();
        var browser = App.Browser();
        var link = Mail.ManagePath(first);
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, link + "/cancel"), new Dictionary<string, string?>());
        var cancellation = await Smtp.NextMessageAsync();

        await RegisterAsync(People.Registration());
        var again = await Smtp.NextMessageAsync();

        var removed = CalendarIn(cancellation, out _).Events.Single();
        var added = CalendarIn(again, out var method).Events.Single();
        Assert.Equal("REQUEST", method);
        Assert.Equal(removed.Uid, added.Uid);
        Assert.True(added.Sequence > removed.Sequence, $"SEQUENCE {added.Sequence} must outrank the cancellation's {removed.Sequence}");
    }

    [Fact]
    public async Task ThePersonalLinkOpensInTheLanguageOfTheRegistrationAndTheSwitchStillWorks()
    {
        var values = People.Registration();
        values["Input.Language"] = "sv";
        await RegisterAsync(values);
        var link = Mail.ManagePath(await Smtp.NextMessageAsync());

        var browser = App.Browser();
        browser.DefaultRequestHeaders.Add("Accept-Language", "en");
        var page = await Html.GetAsync(browser, link);
        Assert.Equal("sv", page.DocumentElement.GetAttribute("lang"));

        var switched = await Html.GetAsync(browser, $"/language/en?returnUrl={Uri.EscapeDataString(link)}");
        Assert.Equal(link, switched.Location.PathName);
        Assert.Equal("en", switched.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task WaitingListMessageGivesThePosition()
    {
        await App.UpdateWorkshopAsync(Rauma, w => w.Capacity = 1);
        await RegisterAsync(People.Registration(email: "first@example.fi"));
        await Smtp.NextMessageAsync();
        await RegisterAsync(People.Registration(email: "second@example.fi"));

        var message = await Smtp.NextMessageAsync();

        Assert.StartsWith("Olet jonossa:", message.Subject);
        Assert.Contains("olet jonossa sijalla 1.", message.TextBody);
        // No seat yet: the public file as a plain attachment, no invitation that would fill the calendar.
        Assert.DoesNotContain(message.BodyParts.OfType<TextPart>(), p => p.ContentType.MimeType == "text/calendar" && !p.IsAttachment);
        CalendarIn(message, out var method);
        Assert.Equal("PUBLISH", method);
    }

    [Fact]
    public async Task SameAddressAgainGetsItsDetailsAndAFreshWorkingLinkInsteadOfASecondSeat()
    {
        await RegisterAsync(People.Registration());
        var first = await Smtp.NextMessageAsync();
        App.Time.Advance(RegistrationRules.DoubleSubmitWindow); // sooner, it is the same submission sent twice
        await RegisterAsync(People.Registration(email: "AINO@example.fi"));

        var again = await Smtp.NextMessageAsync();

        Assert.StartsWith("Ilmoittautumisesi tiedot:", again.Subject);
        Assert.Contains("Olet jo ilmoittautunut tähän työpajaan, ja sinulla on paikka.", again.TextBody);
        Assert.NotEqual(Mail.ManagePath(first), Mail.ManagePath(again));
        foreach (var link in new[] { Mail.ManagePath(first), Mail.ManagePath(again) })
        {
            Assert.Equal("Oma ilmoittautumiseni", (await Html.GetAsync(App.Browser(), link)).Text("h1"));
        }

        Assert.Single(await App.RegistrationsInFileAsync(Rauma));
    }

    [Fact]
    public async Task CancellingThroughTheEmailedLinkFreesTheSeatAndPromotesAndNotifiesTheNextPerson()
    {
        await App.UpdateWorkshopAsync(Rauma, w => w.Capacity = 1);
        await RegisterAsync(People.Registration(name: "Aino", email: "aino@example.fi"));
        var ainoMail = await Smtp.NextMessageAsync();
        await RegisterAsync(People.Registration(name: "Bertil", email: "bertil@example.fi"));
        await Smtp.NextMessageAsync();

        var browser = App.Browser();
        var manage = Mail.ManagePath(ainoMail);
        var confirm = await Html.GetAsync(browser, manage + "/cancel");
        Assert.Equal("Confirmed", (await App.RegistrationsInFileAsync(Rauma))[0].Status); // asking changed nothing
        var response = await Html.SubmitAsync(browser, confirm, new Dictionary<string, string?>());
        var after = await Html.ParseAsync(response);

        Assert.Contains("Ilmoittautumisesi on peruttu.", after.Text("main"));
        var messages = new[] { await Smtp.NextMessageAsync(), await Smtp.NextMessageAsync() }
            .ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.StartsWith("Ilmoittautumisesi on peruttu:", messages["aino@example.fi"].Subject);
        Assert.StartsWith("Sinulle vapautui paikka:", messages["bertil@example.fi"].Subject);
        Assert.Equal(2, messages.Count);
        var rows = await App.RegistrationsInFileAsync(Rauma);
        Assert.Equal(["Cancelled", "Confirmed"], rows.Select(r => r.Status));

        var bertilPage = await Html.GetAsync(App.Browser(), Mail.ManagePath(messages["bertil@example.fi"]));
        Assert.Contains("Sinulla on paikka työpajassa.", bertilPage.Text("main"));
        await Eventually.TrueAsync(async () => (await OutboxAsync()).All(e => e.State == EmailState.Sent), "all sent");
        Assert.Equal(4, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task UsedUnknownAndMalformedLinksGetAClearPage()
    {
        await RegisterAsync(People.Registration());
        var link = Mail.ManagePath(await Smtp.NextMessageAsync());
        var browser = App.Browser();
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, link + "/cancel"), new Dictionary<string, string?>());

        var used = await Html.GetAsync(App.Browser(), link);
        Assert.Contains("Ilmoittautumisesi on peruttu.", used.Text("main"));
        Assert.Null(used.QuerySelector("a[href$='/cancel']"));

        foreach (var bad in new[] { "/manage/" + new string('A', 43), "/manage/short", "/manage/%3Cscript%3E%0d%0a", "/manage/" + new string('x', 5000) })
        {
            var response = await App.Browser().GetAsync(bad);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Linkki ei ole voimassa", (await Html.ParseAsync(response)).Text("h1"));
        }
    }

    [Fact]
    public async Task WithTheServerDownRegistrationSucceedsAndTheMessageArrivesOnceItIsBack()
    {
        await Smtp.StopAsync();

        var response = await RegisterAsync(People.Registration());

        Assert.Equal("Paikkasi on vahvistettu", (await Html.ParseAsync(response)).Text("h1"));
        await Eventually.TrueAsync(async () => (await OutboxAsync()).Single() is { Attempts: 1, LastError: not null }, "the first try failed");
        var queued = (await OutboxAsync()).Single();
        Assert.Equal(EmailState.Queued, queued.State);
        Assert.NotNull(queued.LastError);

        Smtp.Start();
        await Eventually.TrueWhileAdvancingAsync(App.Time, OutgoingEmail.DelayAfter(1),
            async () => (await OutboxAsync()).Single().State == EmailState.Sent, "sent once the server is back");

        var message = await Smtp.NextMessageAsync();
        Assert.Equal("aino@example.fi", message.To.Mailboxes.Single().Address);
        Assert.Equal(2, (await OutboxAsync()).Single().Attempts);

        App.Time.Advance(TimeSpan.FromHours(3));
        await Dispatcher(App).SendDueAsync(CancellationToken.None);
        Assert.Equal(1, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task ABurstWhileTheServerIsDownIsDeliveredOnceEachWhenItReturns()
    {
        await Smtp.StopAsync();
        var emails = Enumerable.Range(0, 20).Select(i => $"burst{i:00}@example.fi").ToList();
        await Task.WhenAll(emails.Select(email => RegisterAsync(People.Registration(email: email))));
        await Eventually.TrueAsync(async () => (await OutboxAsync()) is { Count: 20 } all && all.All(e => e is { Attempts: >= 1, State: EmailState.Queued }),
            "all twenty tried and queued again");

        Smtp.Start();
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromSeconds(10),
            async () => (await OutboxAsync()).All(e => e.State == EmailState.Sent), "all sent once the server is back");

        var received = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            received.Add((await Smtp.NextMessageAsync()).To.Mailboxes.Single().Address);
        }

        Assert.Equal(emails, received.Order());
        App.Time.Advance(TimeSpan.FromHours(3));
        await Dispatcher(App).SendDueAsync(CancellationToken.None);
        Assert.Equal(20, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task TemporaryRefusalIsRetriedWithGrowingDelaysAndDeliveredOnce()
    {
        Smtp.RefuseWith = 451;
        await RegisterAsync(People.Registration());
        await Eventually.TrueAsync(async () => (await OutboxAsync()).Single() is { Attempts: 1, State: EmailState.Queued }, "first try refused");
        var first = (await OutboxAsync()).Single();
        Assert.Equal(first.ClaimedAtUtc + OutgoingEmail.DelayAfter(1), first.NextAttemptAtUtc);

        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromSeconds(5),
            async () => (await OutboxAsync()).Single() is { Attempts: 2, State: EmailState.Queued }, "second try refused");
        var second = (await OutboxAsync()).Single();
        Assert.True(second.ClaimedAtUtc >= first.NextAttemptAtUtc, "the second try waited for its time");
        Assert.True(second.NextAttemptAtUtc - second.ClaimedAtUtc >= OutgoingEmail.DelayAfter(2));
        Assert.True(OutgoingEmail.DelayAfter(2) > OutgoingEmail.DelayAfter(1));
        Assert.Contains("451", second.LastError);

        Smtp.RefuseWith = null;
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromSeconds(5),
            async () => (await OutboxAsync()).Single().State == EmailState.Sent, "sent once accepted");
        await Smtp.NextMessageAsync();
        Assert.Equal(1, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task PermanentRefusalFailsAtOnceAndIsKeptForTheOrganisers()
    {
        Smtp.RefuseWith = 550;
        await RegisterAsync(People.Registration());

        await Eventually.TrueAsync(async () => (await OutboxAsync()).Single().State == EmailState.Failed, "marked failed");
        var failed = (await OutboxAsync()).Single();
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError);
    }

    [Fact]
    public async Task AfterTheLastTryTheMessageIsFailedForGood()
    {
        App.Dispose();
        App = new WorkshopsFactory(new TestFolder(Provider), new Dictionary<string, string?>(Smtp.Settings) { ["Email:MaxAttempts"] = "2" });
        await Smtp.StopAsync();
        await RegisterAsync(People.Registration());
        await Eventually.TrueWhileAdvancingAsync(App.Time, OutgoingEmail.DelayAfter(1),
            async () => (await OutboxAsync()).Single().State == EmailState.Failed, "failed for good");
        Assert.Equal(2, (await OutboxAsync()).Single().Attempts);
    }

    [Fact]
    public async Task ARestartWhileTheServerIsDownLosesNothingAndDuplicatesNothing()
    {
        await Smtp.StopAsync();
        await RegisterAsync(People.Registration(email: "one@example.fi"));
        await RegisterAsync(People.Registration(email: "two@example.fi"));
        await Eventually.TrueAsync(async () => (await OutboxAsync()).All(e => e is { Attempts: >= 1, State: EmailState.Queued }), "both tried once");
        App.Dispose();

        Smtp.Start();
        using var restarted = new WorkshopsFactory(App.Folder, Smtp.Settings);
        restarted.Time.SetUtcNow(App.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        _ = restarted.Services; // start the host: the dispatcher picks up what was queued

        var received = new[] { await Smtp.NextMessageAsync(), await Smtp.NextMessageAsync() };
        Assert.Equal(["one@example.fi", "two@example.fi"], received.Select(m => m.To.Mailboxes.Single().Address).Order());
        await Eventually.TrueAsync(async () => (await OutboxAsync(restarted)).All(e => e.State == EmailState.Sent), "all sent");
        restarted.Time.Advance(TimeSpan.FromHours(3));
        await Dispatcher(restarted).SendDueAsync(CancellationToken.None);
        Assert.Equal(2, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task AMessageLeftSendingByACrashIsSentAgainAfterTheTimeout()
    {
        await Smtp.StopAsync();
        await RegisterAsync(People.Registration());
        await Eventually.TrueAsync(async () => (await OutboxAsync()).Single() is { Attempts: 1, State: EmailState.Queued }, "tried once");
        // As if the process died between claiming the row and hearing from the server.
        await App.WithDbAsync(db => db.OutgoingEmails.ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Sending)
            .SetProperty(e => e.ClaimedAtUtc, App.Time.GetUtcNow().UtcDateTime)));
        Smtp.Start();

        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromMinutes(1),
            async () => (await OutboxAsync()).Single().State == EmailState.Sent, "sent again after the timeout");
        var message = await Smtp.NextMessageAsync();
        Assert.Equal("aino@example.fi", message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task HostileNamesNeitherBreakHeadersNorInjectMarkup()
    {
        var name = "Zoë \"The <b>Boss</b>\" O'Brien-Őz 漢字 🎉";
        var values = People.Registration(name: name);
        values["Input.Organisation"] = "<script>alert(1)</script>";
        await RegisterAsync(values);

        var message = await Smtp.NextMessageAsync();

        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal(name, to.Name);
        Assert.Equal("aino@example.fi", to.Address);
        Assert.Single(message.Headers, h => h.Id == HeaderId.To);
        Assert.Null(message.Headers[HeaderId.Bcc]);
        var html = await BrowsingContext.New().OpenAsync(r => r.Content(message.HtmlBody));
        Assert.Equal($"Hei {name},", html.QuerySelector("p")!.TextContent);
        Assert.Empty(html.QuerySelectorAll("b, script"));
        Assert.DoesNotContain("<b>Boss</b>", message.HtmlBody);
        Assert.Contains($"Hei {name},", message.TextBody);
    }
}

/// <summary>The same outbox, promotion and retry tests on PostgreSQL.</summary>
public sealed class EmailTestsOnPostgreSQL : EmailTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
