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

/// <summary>What each email says and carries (bodies, manage links, calendar invitations), over a real SMTP server on 127.0.0.1.</summary>
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

/// <summary>The same message and promotion tests on PostgreSQL.</summary>
public sealed class EmailTestsOnPostgreSQL : EmailTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
