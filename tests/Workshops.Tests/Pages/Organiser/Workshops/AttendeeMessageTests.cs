using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Email;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// An organiser's message to attendees, through the real forms and a real SMTP server: the chosen group only, each
/// person once, in their registration's language, however often the send button is pressed.
/// </summary>
public class AttendeeMessageTests : AppWithMailServer
{
    private const string Page = $"/organiser/workshops/{RegistrationSteps.Rauma}/message";

    private static readonly Dictionary<string, string?> Texts = new()
    {
        ["Input.Recipients"] = "Confirmed",
        ["Input.SubjectFi"] = "Pysäköinti muuttuu",
        ["Input.BodyFi"] = "Hei kaikki,\r\n\r\npysäköinti on nyt takapihalla.\r\nTervetuloa!",
        ["Input.SubjectSv"] = "Parkeringen ändras",
        ["Input.BodySv"] = "Hej alla,\r\n\r\nparkeringen finns nu på bakgården.",
        ["Input.SubjectEn"] = "Parking has moved",
        ["Input.BodyEn"] = "Hello all,\r\n\r\nparking is now in the back yard.",
    };

    [Fact]
    public async Task AMessageToTheConfirmedReachesEachOfThemOnceInTheirOwnLanguage()
    {
        await ThreeConfirmedAndTwoWaitingAsync();
        var organiser = await Organisers.SignedInAsync(App);

        var preview = await PreviewAsync(organiser, Texts);
        var result = await Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.send-form");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);

        var received = await ReceiveAsync(3);
        Assert.Equal(["aino@example.fi", "bertil@example.fi", "chris@example.fi"], received.Keys.Order());
        Assert.Equal("Pysäköinti muuttuu", received["aino@example.fi"].Subject);
        Assert.Equal("Parkeringen ändras", received["bertil@example.fi"].Subject);
        Assert.Equal("Parking has moved", received["chris@example.fi"].Subject);
        Assert.Contains("Hej alla,\n\nparkeringen finns nu på bakgården.\n", Lf(received["bertil@example.fi"].TextBody));
        Assert.Contains("/manage/", received["chris@example.fi"].TextBody);
        Assert.Contains("Workshop page:", received["chris@example.fi"].TextBody); // the frame is in the reader's language too
        await NothingElseSentAsync(expectedTotal: 5 + 3);
    }

    [Fact]
    public async Task APersonWithoutAVersionInTheirLanguageGetsTheFinnishText()
    {
        await ThreeConfirmedAndTwoWaitingAsync();
        var organiser = await Organisers.SignedInAsync(App);

        var preview = await PreviewAsync(organiser, new Dictionary<string, string?>(Texts) { ["Input.SubjectSv"] = "", ["Input.BodySv"] = "" });
        await Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.send-form");

        var received = await ReceiveAsync(3);
        Assert.Equal("Pysäköinti muuttuu", received["bertil@example.fi"].Subject);
        Assert.Contains("pysäköinti on nyt takapihalla.", received["bertil@example.fi"].TextBody);
        Assert.Contains("Workshoppens sida:", received["bertil@example.fi"].TextBody);
    }

    [Fact]
    public async Task PressingSendTwiceSendsTheMessageOnceAndShowsTheSameResult()
    {
        await ThreeConfirmedAndTwoWaitingAsync();
        var organiser = await Organisers.SignedInAsync(App);

        var preview = await PreviewAsync(organiser, Texts);
        var first = await Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.send-form");
        var second = await Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.send-form");

        Assert.Equal(first.RequestMessage!.RequestUri, second.RequestMessage!.RequestUri);
        Assert.Contains("lähtee 3 vastaanottajalle", (await Html.ParseAsync(second)).Text(".outcome"));
        await ReceiveAsync(3);
        await NothingElseSentAsync(expectedTotal: 5 + 3);
        Assert.Equal(1, await App.WithDbAsync(db => db.AttendeeMessages.CountAsync()));
    }

    [Fact]
    public async Task TwoSimultaneousSendsOfTheSameFormSendTheMessageOnce()
    {
        await ThreeConfirmedAndTwoWaitingAsync();
        var organiser = await Organisers.SignedInAsync(App);

        var preview = await PreviewAsync(organiser, Texts);
        var answers = await Task.WhenAll(
            Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.send-form"),
            Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.send-form"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await ReceiveAsync(3);
        await NothingElseSentAsync(expectedTotal: 5 + 3);
        Assert.Equal(3, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == EmailKind.AttendeeMessage)));
    }

    [Fact]
    public async Task ThePreviewShowsTheTextAndTheCountsAndSendsNothing()
    {
        await ThreeConfirmedAndTwoWaitingAsync();
        var organiser = await Organisers.SignedInAsync(App);

        var preview = await PreviewAsync(organiser, new Dictionary<string, string?>(Texts) { ["Input.Recipients"] = "AllActive" });

        Assert.Equal("Vastaanottajia 5: suomeksi 3, ruotsiksi 1, englanniksi 1.", preview.Text("[data-count=recipients]"));
        Assert.Contains("pysäköinti on nyt takapihalla.", preview.Text("pre[data-language=fi]"));
        Assert.Contains("parkeringen finns nu på bakgården.", preview.Text("pre[data-language=sv]"));
        Assert.Contains("Lähetä viesti 5 vastaanottajalle", preview.Text("form.send-form button"));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == EmailKind.AttendeeMessage)));
        Assert.Equal(0, await App.WithDbAsync(db => db.AttendeeMessages.CountAsync()));
    }

    [Fact]
    public async Task WaitingListAndCheckedInReachOnlyTheirOwnGroup()
    {
        await ThreeConfirmedAndTwoWaitingAsync();
        var organiser = await Organisers.SignedInAsync(App);

        var preview = await PreviewAsync(organiser, new Dictionary<string, string?>(Texts) { ["Input.Recipients"] = "Waitlisted" });
        await Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.send-form");

        var received = await ReceiveAsync(2);
        Assert.Equal(["dora@example.fi", "eero@example.fi"], received.Keys.Order());
        Assert.All(received.Values, m => Assert.Empty(m.Attachments)); // a note changes nothing in anyone's calendar
    }

    [Fact]
    public async Task ASubjectWithALineBreakIsRefusedNextToTheFieldAndNothingIsSent()
    {
        await ThreeConfirmedAndTwoWaitingAsync();
        var organiser = await Organisers.SignedInAsync(App);
        var form = await Html.GetAsync(organiser, Page);

        var values = new Dictionary<string, string?>(Texts) { ["Input.SubjectFi"] = "Hei\r\nBcc: victim@example.org", ["Input.BodySv"] = "" };
        var page = await Html.ParseAsync(await Html.SubmitAsync(organiser, form, values, "form.message-form"));

        Assert.Equal("Poista tekstistä rivinvaihdot ja erikoismerkit.", page.Text("#Input_SubjectFi-error"));
        Assert.Equal("Kirjoita myös viesti tälle kieliversiolle, tai jätä sen aihe tyhjäksi.", page.Text("#Input_BodySv-error"));
        Assert.Equal("true", page.QuerySelector("#Input_SubjectFi")!.GetAttribute("aria-invalid"));
        Assert.Equal(2, page.QuerySelectorAll(".error-summary li").Length);
        Assert.Null(page.QuerySelector("form.send-form"));

        // A crafted POST straight to the send handler is refused the same way.
        var forged = await Html.SubmitAsync(organiser, form, values, "form.message-form");
        Assert.Equal(0, await App.WithDbAsync(db => db.AttendeeMessages.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
    }

    [Fact]
    public async Task HostileTextArrivesExactlyAndBreaksNoHeaderAndNoMarkup()
    {
        await ThreeConfirmedAndTwoWaitingAsync();
        var organiser = await Organisers.SignedInAsync(App);
        const string subject = "=?utf-8?b?SGk=?= <script>alert(1)</script> \"'><img src=x onerror=alert(1)> 🎉 漢字 {{7*7}} @(1+1)";
        const string body = "</textarea><svg onload=alert(1)>\n%0d%0aBcc:x@y.z\n\n  indented ${jndi:ldap://x/a}\n--\n&amp; &#0; =1+1 Robert'); DROP TABLE Workshops;--\n.\nFrom the start";

        var preview = await PreviewAsync(organiser, new Dictionary<string, string?>
        {
            ["Input.Recipients"] = "Confirmed",
            ["Input.SubjectFi"] = subject,
            ["Input.BodyFi"] = body,
            ["Input.SubjectSv"] = "",
            ["Input.BodySv"] = "",
            ["Input.SubjectEn"] = "",
            ["Input.BodyEn"] = "",
        });
        Assert.Contains(body, preview.Text("pre[data-language=fi]"));
        await Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.send-form");

        foreach (var message in (await ReceiveAsync(3)).Values)
        {
            Assert.Equal(subject, message.Subject);
            Assert.Single(message.To);
            Assert.Empty(message.Bcc);
            Assert.DoesNotContain(message.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
            Assert.StartsWith(body + "\n", Lf(message.TextBody));
            Assert.DoesNotContain("<svg", message.HtmlBody);
            Assert.DoesNotContain("<script", message.HtmlBody);
            Assert.Contains("&lt;/textarea&gt;&lt;svg onload=alert(1)&gt;<br>", message.HtmlBody);
        }
    }

    /// <summary>
    /// The recipients are read in one place (<c>MessagingService.Recipients</c>: not erased, not cancelled), which the
    /// form's group sizes, the preview's count and the send all use: a person who cancelled through their link and a
    /// person erased through the organiser's form are in none of them, nor in the outbox, nor in the audit entry's count.
    /// </summary>
    [Fact]
    public async Task NeitherACancelledNorAnErasedPersonIsCountedPreviewedQueuedOrAudited()
    {
        // Capacity 4: Aino, Bertil, Chris and Dora get seats, Eero and Fanni wait.
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Capacity = 4);
        var confirmations = new Dictionary<string, MimeMessage>();
        foreach (var (name, email, language) in new[]
        {
            ("Aino", "aino@example.fi", "fi"), ("Bertil", "bertil@example.fi", "sv"), ("Chris", "chris@example.fi", "en"),
            ("Dora", "dora@example.fi", "fi"), ("Eero", "eero@example.fi", "fi"), ("Fanni", "fanni@example.fi", "fi"),
        })
        {
            await RegistrationSteps.ThroughFormAsync(App, name, email, language: language);
            var confirmation = await Smtp.NextMessageAsync();
            confirmations[confirmation.To.Mailboxes.Single().Address] = confirmation;
        }

        // Dora cancels through her own link (Eero gets her seat); the organiser erases Chris (who keeps his seat in the counts).
        var dora = App.Browser();
        var cancel = await Html.GetAsync(dora, Mail.ManagePath(confirmations["dora@example.fi"]) + "/cancel");
        Assert.Equal(HttpStatusCode.OK, (await Html.SubmitAsync(dora, cancel, new Dictionary<string, string?>())).StatusCode);
        Assert.Equal(["dora@example.fi", "eero@example.fi"], (await ReceiveAsync(2)).Keys.Order()); // her cancellation, his seat
        var organiser = await Organisers.SignedInAsync(App);
        var chris = await App.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "chris@example.fi"));
        var attendees = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}");
        var erased = await Html.SubmitAsync(organiser, attendees, new Dictionary<string, string?> { ["id"] = chris.Id.ToString(CultureInfo.InvariantCulture) }, $"#r-{chris.Id} form.erase-form");
        Assert.Contains("Henkilötiedot poistettiin.", (await Html.ParseAsync(erased)).Text(".outcome"));
        var people = await App.WithDbAsync(db => db.Registrations.AsNoTracking().ToDictionaryAsync(r => r.Id));
        Assert.Equal(RegistrationStatus.Cancelled, people.Values.Single(r => r.Email == "dora@example.fi").Status);
        Assert.Equal((RegistrationStatus.Confirmed, true), (people[chris.Id].Status, people[chris.Id].ErasedAtUtc is not null));
        Assert.Equal(RegistrationStatus.Confirmed, people.Values.Single(r => r.Email == "eero@example.fi").Status);
        string[] reached = ["aino@example.fi", "bertil@example.fi", "eero@example.fi", "fanni@example.fi"];

        // Every count first, then one assertion over all of them, so a failure shows which of them counted whom.
        var form = await Html.GetAsync(organiser, Page);
        var groupSizes = (form.Text("label[for=Input_Recipients]"), form.Text("label[for=Input_Recipients_AllActive]")[^3..]);
        var preview = await PreviewAsync(organiser, new Dictionary<string, string?>(Texts) { ["Input.Recipients"] = "AllActive" });
        var previewCount = preview.Text("[data-count=recipients]");
        var sent = await Html.ParseAsync(await Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.send-form"));
        var message = await App.WithDbAsync(db => db.AttendeeMessages.SingleAsync());
        var queuedTo = await App.WithDbAsync(db => db.OutgoingEmails.Where(e => e.AttendeeMessageId == message.Id).Select(e => e.RegistrationId!.Value).ToListAsync());
        var entry = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.AttendeeMessageSent));
        Assert.Equal(
            (("Vahvistetut (3)", "(4)"), "Vastaanottajia 4: suomeksi 3, ruotsiksi 1, englanniksi 0.", 4, 4, "4"),
            (groupSizes, previewCount, queuedTo.Count, message.RecipientCount, AuditDetail.Parse(entry.Detail)!.Args[2]));
        Assert.Equal(reached, queuedTo.Select(id => people[id].Email).Order());

        // (1) The preview's count is the send button's; (2) the outbox holds one copy for each of the four and none for
        // Dora or Chris (by registration or address), and the mail server gets those four; (3) the audit page says four.
        Assert.Contains("Lähetä viesti 4 vastaanottajalle", preview.Text("form.send-form button"));
        Assert.Contains("lähtee 4 vastaanottajalle", sent.Text(".outcome"));
        Assert.False(await App.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.AttendeeMessageId != null
            && (e.RegistrationId == chris.Id || e.Registration!.Status == RegistrationStatus.Cancelled || e.RecipientEmail == "dora@example.fi" || e.RecipientEmail == "chris@example.fi"))));
        Assert.Equal(reached, (await ReceiveAsync(4)).Keys.Order());
        Assert.Contains("ryhmä AllActive, 4 vastaanottajaa", (await Html.GetAsync(organiser, "/organiser/audit")).Text("main"));
        await NothingElseSentAsync(expectedTotal: 6 + 2 + 4); // confirmations; Dora's cancellation and Eero's seat; the message
    }

    /// <summary>Capacity 3: Aino (fi), Bertil (sv) and Chris (en) get seats, Dora and Eero wait.</summary>
    private async Task ThreeConfirmedAndTwoWaitingAsync()
    {
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Capacity = 3);
        foreach (var (name, email, language) in new[]
        {
            ("Aino", "aino@example.fi", "fi"), ("Bertil", "bertil@example.fi", "sv"), ("Chris", "chris@example.fi", "en"),
            ("Dora", "dora@example.fi", "fi"), ("Eero", "eero@example.fi", "fi"),
        })
        {
            await RegistrationSteps.ThroughFormAsync(App, name, email, language: language);
        }

        for (var i = 0; i < 5; i++)
        {
            await Smtp.NextMessageAsync();
        }
    }

    private async Task<IDocument> PreviewAsync(HttpClient organiser, IDictionary<string, string?> values)
    {
        var form = await Html.GetAsync(organiser, Page);
        var response = await Html.SubmitAsync(organiser, form, values, "form.message-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("form.send-form"));
        return page;
    }

    private async Task<Dictionary<string, MimeMessage>> ReceiveAsync(int count)
    {
        var messages = new List<MimeMessage>();
        for (var i = 0; i < count; i++)
        {
            messages.Add(await Smtp.NextMessageAsync());
        }

        return messages.ToDictionary(m => m.To.Mailboxes.Single().Address);
    }

    /// <summary>Waits until the outbox has nothing left to send, then checks the server got exactly that many messages.</summary>
    private async Task NothingElseSentAsync(int expectedTotal)
    {
        await Eventually.TrueAsync(
            () => App.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent)),
            "every queued message is sent");
        Assert.Equal(expectedTotal, Smtp.ReceivedCount);
        Assert.True(Smtp.NothingMoreReceived);
    }

    private static string Lf(string? text) => (text ?? "").ReplaceLineEndings("\n");
}

public sealed class AttendeeMessageTestsOnPostgreSQL : AttendeeMessageTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
