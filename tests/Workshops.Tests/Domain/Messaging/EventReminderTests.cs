using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Tests.Calendar;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Messaging;

/// <summary>
/// The reminder before the start, over real SMTP with a fake clock: once per confirmed person, from the hosted scan,
/// never again after a restart, never to someone who registered inside the window, never when switched off.
/// </summary>
public class EventReminderTests : AppWithMailServer
{
    /// <summary>Rauma is on Wednesday 31.5.2028, time to be announced: its day starts 30.5. 21.00 UTC (EEST), 48 h before is 28.5. 21.00 UTC.</summary>
    private static readonly DateTimeOffset RaumaReminderTime = new(2028, 5, 28, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EachConfirmedPersonIsRemindedOnce48HoursBeforeAndNotAgainAfterARestart()
    {
        await RegisterAsync(("Aino", "aino@example.fi", "fi"), ("Bertil", "bertil@example.fi", "sv"), ("Dora", "dora@example.fi", "fi"));
        var confirmation = Calendar(await Smtp.NextMessageAsync());
        await Smtp.NextMessageAsync();
        await Smtp.NextMessageAsync();

        App.Time.SetUtcNow(RaumaReminderTime - TimeSpan.FromMinutes(5));
        Assert.Equal(0, await SendDueAsync(App));

        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromMinutes(1), () => Task.FromResult(Smtp.ReceivedCount >= 5), "the scan sends the reminders");
        var reminders = new[] { await Smtp.NextMessageAsync(), await Smtp.NextMessageAsync() }.ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal(["aino@example.fi", "bertil@example.fi"], reminders.Keys.Order()); // Dora waits for a seat: no reminder
        Assert.Equal("Muistutus: Yhdessä yksinäisyyttä vastaan", Before(reminders["aino@example.fi"].Subject ?? "", " –"));
        Assert.StartsWith("Påminnelse: ", reminders["bertil@example.fi"].Subject);
        var text = reminders["aino@example.fi"].TextBody;
        Assert.Contains("ke 31.5.2028, aika tarkentuu", text);
        Assert.Contains("Paikka: ", text);
        Mail.ManagePath(reminders["aino@example.fi"]);
        var entry = Calendar(reminders["aino@example.fi"]);
        Assert.Equal(Ics.Property(confirmation, "UID"), Ics.Property(entry, "UID"));
        Assert.Equal(Ics.Property(confirmation, "SEQUENCE"), Ics.Property(entry, "SEQUENCE"));
        await AllSentAsync(App);

        App.Dispose();
        App = new WorkshopsFactory(App.Folder, Smtp.Settings);
        App.Time.SetUtcNow(RaumaReminderTime + TimeSpan.FromHours(3));
        Assert.Equal(0, await SendDueAsync(App));
        App.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await SendDueAsync(App));
        Assert.Equal(2, await RemindersAsync());
        await AllSentAsync(App);
        Assert.Equal(5, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task ADraftWorkshopSendsNoAutomaticReminderOrFeedbackRequest()
    {
        // A draft (a copy not yet published) with a confirmed person in it: what it says is not yet true, so nothing
        // automatic goes out until an organiser publishes it.
        await RegisterAsync(("Aino", "aino@example.fi", "fi"));
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "Workshops" SET "PublishedAtUtc" = NULL WHERE "Slug" = {0}""", RegistrationSteps.Rauma));

        App.Time.SetUtcNow(RaumaReminderTime + TimeSpan.FromHours(1));
        Assert.Equal(0, await SendDueAsync(App));
        App.Time.SetUtcNow(new DateTimeOffset(2028, 6, 1, 12, 0, 0, TimeSpan.Zero)); // the day after: a request would be due
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<FeedbackService>().RequestDueAsync());
        }

        Assert.Equal(0, await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == EmailKind.EventReminder || e.Kind == EmailKind.FeedbackRequest)));
    }

    [Fact]
    public async Task SomeoneWhoRegistersInsideTheWindowIsNotReminded()
    {
        await RegisterAsync(("Aino", "aino@example.fi", "fi"));
        App.Time.SetUtcNow(RaumaReminderTime + TimeSpan.FromHours(1));
        await SendDueAsync(App); // or the hosted scan, woken by the clock, got there first
        Assert.Equal(1, await RemindersAsync());

        await RegisterAsync(("Late Lasse", "lasse@example.fi", "fi"));
        App.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await SendDueAsync(App));

        var reminded = await App.WithDbAsync(db => db.OutgoingEmails.Where(e => e.Kind == EmailKind.EventReminder).Select(e => e.Registration!.Email).ToListAsync());
        Assert.Equal(["aino@example.fi"], reminded);
    }

    [Fact]
    public async Task AWorkshopWithRemindersSwitchedOffInTheEditorGetsNone()
    {
        await RegisterAsync(("Aino", "aino@example.fi", "fi"));
        var organiser = await Organisers.SignedInAsync(App);
        var edit = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/edit");
        Assert.True(edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_RemindersEnabled")!.IsChecked);
        await Html.SubmitAsync(organiser, edit, new Dictionary<string, string?> { ["Input.RemindersEnabled"] = "false" }, "form.workshop-form");
        Assert.False((await App.WorkshopAsync(RegistrationSteps.Rauma)).Reminders.Enabled);

        App.Time.SetUtcNow(RaumaReminderTime + TimeSpan.FromHours(1));
        Assert.Equal(0, await SendDueAsync(App));
        Assert.Equal(0, await RemindersAsync());
    }

    [Fact]
    public async Task TheOrganiserCanSendTheReminderNowAndPressingTwiceRemindsNobodyTwice()
    {
        await RegisterAsync(("Aino", "aino@example.fi", "fi"), ("Bertil", "bertil@example.fi", "sv"));
        var organiser = await Organisers.SignedInAsync(App);
        var page = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/reminder");
        Assert.Equal("2", page.Text("[data-count=not-yet]"));

        await Task.WhenAll(
            Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), "form.reminder-form"),
            Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), "form.reminder-form"));
        var after = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/reminder");

        Assert.Equal("2", after.Text("[data-count=reminded]"));
        Assert.Null(after.QuerySelector("form.reminder-form"));
        Assert.Equal(2, await RemindersAsync());
        App.Time.SetUtcNow(RaumaReminderTime + TimeSpan.FromHours(1));
        Assert.Equal(0, await SendDueAsync(App)); // the automatic one knows they have had it
    }

    [Fact]
    public async Task APostponedWorkshopRemindsItsPeopleOnceMoreForTheNewDate()
    {
        await RegisterAsync(("Aino", "aino@example.fi", "fi"), ("Bertil", "bertil@example.fi", "sv"));
        App.Time.SetUtcNow(RaumaReminderTime + TimeSpan.FromHours(1));
        await SendDueAsync(App); // or the hosted scan, woken by the clock, got there first
        Assert.Equal(2, await RemindersAsync());
        await AllSentAsync(App);

        // Two weeks later, with a start time: the reminder they had named the old day.
        var organiser = await Organisers.SignedInAsync(App);
        var edit = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/edit");
        await Html.SubmitAsync(organiser, edit, new Dictionary<string, string?> { ["Input.Date"] = "2028-06-14", ["Input.StartTime"] = "13:00" }, "form.workshop-form");
        Assert.Equal(1, (await App.WorkshopAsync(RegistrationSteps.Rauma)).Sequence);

        var page = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/reminder");
        Assert.Equal(("0", "2"), (page.Text("[data-count=reminded]"), page.Text("[data-count=not-yet]")));
        Assert.NotNull(page.QuerySelector("form.reminder-form"));
        Assert.Equal(0, await SendDueAsync(App)); // the new date is two weeks away

        App.Time.SetUtcNow(new DateTimeOffset(2028, 6, 12, 10, 0, 0, TimeSpan.Zero)); // 48 h before 14.6. 13.00 EEST
        await SendDueAsync(App);
        App.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await SendDueAsync(App)); // once for this schedule
        Assert.Equal(4, await RemindersAsync());
        await AllSentAsync(App);

        // 2 confirmations, 2 reminders for 31.5., 2 change notices, 2 reminders for 14.6., in that order.
        Assert.Equal(8, Smtp.ReceivedCount);
        var messages = new List<MimeMessage>();
        for (var i = 0; i < 8; i++)
        {
            messages.Add(await Smtp.NextMessageAsync());
        }

        var ainos = messages.Where(m => m.To.Mailboxes.Single().Address == "aino@example.fi" && m.Subject!.StartsWith("Muistutus: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ainos.Count);
        Assert.Contains("ke 31.5.2028, aika tarkentuu", ainos[0].TextBody);
        Assert.Contains("ke 14.6.2028 klo 13.00", ainos[1].TextBody);
        Assert.DoesNotContain("31.5.2028", ainos[1].TextBody);
        Assert.Equal(("SEQUENCE:0", "SEQUENCE:1"), (Ics.Property(Calendar(ainos[0]), "SEQUENCE"), Ics.Property(Calendar(ainos[1]), "SEQUENCE")));
        Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "bertil@example.fi" && m.Subject!.StartsWith("Påminnelse: ", StringComparison.Ordinal)
            && (m.TextBody ?? "").Contains("14.6.2028", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOnlineWorkshopsReminderCarriesTheJoinLink()
    {
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => (w.Format, w.OnlineJoinUrl) = (WorkshopFormat.Online, "https://meet.example.fi/rauma"));
        await RegisterAsync(("Aino", "aino@example.fi", "fi"));
        await Smtp.NextMessageAsync();

        App.Time.SetUtcNow(RaumaReminderTime);
        await SendDueAsync(App);

        var reminder = await Smtp.NextMessageAsync();
        Assert.StartsWith("Muistutus: ", reminder.Subject);
        Assert.Contains("Liittymislinkki: https://meet.example.fi/rauma", reminder.TextBody);
    }

    private async Task RegisterAsync(params (string Name, string Email, string Language)[] people)
    {
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Capacity = 2);
        foreach (var (name, email, language) in people)
        {
            await RegistrationSteps.ThroughFormAsync(App, name, email, language: language);
        }
    }

    /// <summary>The scan the hosted job runs, called directly to see what it queued.</summary>
    private static async Task<int> SendDueAsync(WorkshopsFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventReminders>().SendDueAsync();
    }

    private Task<int> RemindersAsync() => App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == EmailKind.EventReminder));

    private static Task AllSentAsync(WorkshopsFactory app) =>
        Eventually.TrueAsync(() => app.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent)), "every queued message is sent");

    private static string Calendar(MimeMessage message)
    {
        var attachment = message.Attachments.OfType<MimePart>().Single(a => a.FileName?.EndsWith(".ics", StringComparison.Ordinal) == true);
        using var stream = new MemoryStream();
        attachment.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Before(string text, string separator) =>
        text.Contains(separator, StringComparison.Ordinal) ? text[..text.IndexOf(separator, StringComparison.Ordinal)] : text;
}

public sealed class EventReminderTestsOnPostgreSQL : EventReminderTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
