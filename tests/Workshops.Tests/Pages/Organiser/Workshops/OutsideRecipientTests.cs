using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Email;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// Results leave the site only for the outside recipients a workshop lists (issue 22: a stolen organiser session was a
/// mail relay), each added after a confirmation and audited with the address; an organiser sends to them a few times an
/// hour at most; their data goes on request and with the workshop's retention. Through the real forms, a real SQLite
/// file and a real SMTP server.
/// </summary>
public class OutsideRecipientTests : AppWithMailServer
{
    private const string Bench = Outcome.BenchCafe;
    private const string ResultsPath = $"/organiser/workshops/{Bench}/results";

    private Task<List<OutgoingEmail>> ResultsRowsAsync() =>
        App.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Where(e => e.Kind == EmailKind.Results).ToListAsync());

    private Task<List<string?>> AuditAsync(AuditAction action) =>
        App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == action).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());

    private static string Stranger(int i) => $"vieras{i}@example.net";

    /// <summary>Presses "send the results" on the row of <paramref name="email"/>; returns the notice it ends with.</summary>
    private async Task<string> SendAsync(HttpClient organiser, string email)
    {
        var page = await Html.GetAsync(organiser, ResultsPath);
        var response = await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), $"tr[data-email='{email}'] form.send-recipient");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).Text(".outcome");
    }

    [Fact]
    public async Task FortyStrangersGetAtMostTheHourlyLimitAndEveryAddressIsInTheAuditLog()
    {
        var organiser = await Organisers.SignedInAsync(App);

        // The attack as it worked: the results form posted with any address, 40 times.
        var page = await Html.GetAsync(organiser, ResultsPath);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        for (var i = 0; i < 40; i++)
        {
            await organiser.PostAsync($"{ResultsPath}?handler=Recipient", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Recipient.FormKey"] = Guid.NewGuid().ToString(),
                ["Recipient.Name"] = $"Vieras {i}",
                ["Recipient.Email"] = Stranger(i),
                ["Recipient.Language"] = "fi",
            }));
        }

        Assert.Empty(await ResultsRowsAsync());

        // Through the list: each address added after its confirmation, then "send" pressed for every one of them.
        for (var i = 0; i < 40; i++)
        {
            await Outcome.AddRecipientAsync(organiser, $"Vieras {i}", Stranger(i));
        }

        var notices = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            notices.Add(await SendAsync(organiser, Stranger(i)));
        }

        Assert.All(notices[..5], n => Assert.Contains("Tulokset lähtevät 1 vastaanottajalle.", n));
        Assert.All(notices[5..], n => Assert.Contains("Olet lähettänyt tuloksia ulkopuolisille jo 5 kertaa tunnin sisällä.", n));
        var rows = await ResultsRowsAsync();
        Assert.Equal(Enumerable.Range(0, 5).Select(Stranger), rows.Select(r => r.RecipientEmail!).Order());
        await FeedbackSteps.OutboxAtRestAsync(App);
        Assert.Equal(5, Smtp.ReceivedCount);

        // Every address added is in the audit log, and so is every address sent to.
        var added = await AuditAsync(AuditAction.OutsideRecipientAdded);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => AuditDetail.Of(AuditDetailKind.OutsideRecipient, Stranger(i), "fi").ToJson()), added);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => AuditDetail.Of(AuditDetailKind.ResultsToRecipient, Stranger(i)).ToJson()), await AuditAsync(AuditAction.ResultsSent));

        // The budget is per rolling hour: an hour after the first sends, the next one goes.
        App.Time.Advance(TimeSpan.FromMinutes(61));
        await Organisers.SubmitSignInAsync(organiser, Organisers.Email, Organisers.Password);
        Assert.Contains("Tulokset lähtevät 1 vastaanottajalle.", await SendAsync(organiser, Stranger(5)));
        Assert.Equal(6, (await ResultsRowsAsync()).Count);
    }

    [Fact]
    public async Task ARecipientIsListedOnlyAfterTheConfirmationAndOnlyOnce()
    {
        var organiser = await Organisers.SignedInAsync(App);
        var form = await Html.GetAsync(organiser, $"/organiser/workshops/{Bench}/recipients/new");
        var confirm = await Html.ParseAsync(await Html.SubmitAsync(organiser, form, new Dictionary<string, string?>
        {
            ["Recipient.Name"] = "Lauri Inna",
            ["Recipient.Email"] = "Kaupunginjohtaja@Pori.example.fi",
            ["Recipient.Language"] = "sv",
        }, "form.add-recipient"));

        // The confirmation shows what will be kept and stores nothing.
        Assert.Equal("Kaupunginjohtaja@Pori.example.fi", confirm.Text(".confirm-recipient [data-field='email']"));
        Assert.Equal("Svenska", confirm.Text(".confirm-recipient [data-field='language']"));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutsideRecipients.CountAsync()));
        Assert.Empty(await AuditAsync(AuditAction.OutsideRecipientAdded));

        var results = await Html.ParseAsync(await Html.SubmitAsync(organiser, confirm, new Dictionary<string, string?>(), "form.confirm-form"));
        Assert.Contains("Lauri Inna lisättiin tulosten vastaanottajiin.", results.Text(".outcome"));
        Assert.NotNull(results.QuerySelector("tr[data-email='Kaupunginjohtaja@Pori.example.fi'] form.send-recipient"));
        Assert.Equal([AuditDetail.Of(AuditDetailKind.OutsideRecipient, "Kaupunginjohtaja@Pori.example.fi", "sv").ToJson()], await AuditAsync(AuditAction.OutsideRecipientAdded));
        Assert.Empty(await ResultsRowsAsync()); // listed, not sent

        // The same address again, in other letters: refused at the field.
        var again = await Html.ParseAsync(await Html.SubmitAsync(organiser, confirm, new Dictionary<string, string?> { ["Recipient.Email"] = "kaupunginjohtaja@pori.example.fi" }, "form.confirm-form"));
        Assert.Equal("Tämä osoite on jo työpajan vastaanottajalistalla.", again.Text("#Recipient_Email-error"));
        Assert.Equal(1, await App.WithDbAsync(db => db.OutsideRecipients.CountAsync()));
    }

    [Fact]
    public async Task ResultsGoOnlyToRecipientsOnTheWorkshopsOwnList()
    {
        var organiser = await Organisers.SignedInAsync(App);
        await Outcome.AddRecipientAsync(organiser, "Lauri Inna", "lauri@example.fi", slug: RegistrationSteps.Rauma);
        var rauma = await App.WithDbAsync(db => db.OutsideRecipients.SingleAsync());
        var page = await Html.GetAsync(organiser, ResultsPath);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await organiser.PostAsync($"{ResultsPath}?handler=Send", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["key"] = Guid.NewGuid().ToString(),
            ["recipient"] = rauma.Id.ToString(CultureInfo.InvariantCulture),
        }));

        Assert.Contains("Vastaanottajaa ei ole enää listalla.", (await Html.ParseAsync(response)).Text(".outcome"));
        Assert.Empty(await ResultsRowsAsync());
    }

    [Fact]
    public async Task ARecipientsDataGoesOnRequestAndWithTheWorkshopsRetentionEverywhereItWasCopied()
    {
        App.Time.SetUtcNow(Outcome.AfterTheBenchCafe);
        var organiser = await Organisers.SignedInAsync(App);
        await Outcome.AddRecipientAsync(organiser, "Lauri Inna", "lauri@example.fi");
        await Outcome.AddRecipientAsync(organiser, "Kaisa Kaupunki", "kaisa@example.fi");
        await SendAsync(organiser, "lauri@example.fi");
        await SendAsync(organiser, "kaisa@example.fi");
        await FeedbackSteps.OutboxAtRestAsync(App);

        // On request: Lauri is taken off the list, and the outbox's copy of his name and address goes.
        var page = await Html.GetAsync(organiser, ResultsPath);
        var erased = await Html.ParseAsync(await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), "tr[data-email='lauri@example.fi'] form.erase-recipient"));
        Assert.Contains("Vastaanottaja poistettiin listalta", erased.Text(".outcome"));
        Assert.Null(erased.QuerySelector("tr[data-email='lauri@example.fi']"));
        var rows = await ResultsRowsAsync();
        Assert.Single(rows, r => r.RecipientEmail == "kaisa@example.fi");
        Assert.Single(rows, r => (r.RecipientEmail!.ToLowerInvariant(), r.RecipientName) == ($"erased-{r.Id}@invalid", null));
        var lauri = await App.WithDbAsync(db => db.OutsideRecipients.AsNoTracking().SingleAsync(r => r.ErasedAtUtc != null));
        Assert.Equal((PersonalData.ErasedName, $"erased-{lauri.Id}@invalid", $"erased-{lauri.Id}@invalid"), (lauri.Name, lauri.Email, lauri.EmailNormalized));
        // The audit keeps the address until the retention purge: who was mailed from the organiser area.
        Assert.Contains(await AuditAsync(AuditAction.OutsideRecipientErased), d => d!.Contains("lauri@example.fi", StringComparison.Ordinal));

        // With the workshop's retention (90 days after 30.6.): the list, the outbox and the audit log.
        App.Time.SetUtcNow(new DateTimeOffset(2028, 10, 1, 9, 0, 0, TimeSpan.Zero));
        await App.Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None);
        Assert.All(await App.WithDbAsync(db => db.OutsideRecipients.AsNoTracking().ToListAsync()),
            r => Assert.Equal((PersonalData.ErasedName, $"erased-{r.Id}@invalid", true), (r.Name, r.Email, r.ErasedAtUtc is not null)));
        Assert.All(await ResultsRowsAsync(), r => Assert.Equal(($"erased-{r.Id}@invalid", null), (r.RecipientEmail!.ToLowerInvariant(), r.RecipientName)));
        await Organisers.SubmitSignInAsync(organiser, Organisers.Email, Organisers.Password);
        Assert.Empty((await Html.GetAsync(organiser, ResultsPath)).QuerySelectorAll("table.recipients tbody tr"));
        var details = await App.WithDbAsync(db => db.AuditEntries.Select(a => a.Detail ?? "").ToListAsync());
        Assert.DoesNotContain(details, d => d.Contains("@", StringComparison.Ordinal));
        Assert.Contains(AuditDetail.Of(AuditDetailKind.RecipientsPurged, 1, 90).ToJson(), details);
        Assert.Contains(AuditDetail.Of(AuditDetailKind.ResultsToRecipient, "(poistettu)").ToJson(), details);
    }

    [Theory]
    [InlineData("fi", "Tulosten vastaanottajat")]
    [InlineData("sv", "Mottagare av resultaten")]
    [InlineData("en", "Recipients of the results")]
    public async Task ThePrivacyNoticeSaysWhatIsKeptOfOutsideRecipientsAndForHowLong(string language, string heading)
    {
        var page = await Html.GetAsync(App.Browser(), $"/privacy?culture={language}");
        var section = page.QuerySelectorAll("h2").Single(h => h.TextContent == heading).NextElementSibling!.TextContent;
        Assert.Contains("90", section);
    }
}

/// <summary>The same on PostgreSQL: the hourly count under its advisory lock, the purge's statements.</summary>
public sealed class OutsideRecipientTestsOnPostgreSQL : OutsideRecipientTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
