using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Results;

/// <summary>
/// The results by email through the outbox and a real SMTP server: to participants and to a listed outside recipient (a
/// city manager), each press of a button once (its form key is unique in the database), with the text exactly as typed.
/// </summary>
public class ResultsEmailTests : AppWithMailServer
{
    private const string Bench = Outcome.BenchCafe;
    private const string CityManager = "kaupunginjohtaja@pori.example.fi";

    private string ResultsPath => $"/organiser/workshops/{Bench}/results";

    private Task<List<OutgoingEmail>> ResultsRowsAsync() =>
        App.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Where(e => e.Kind == EmailKind.Results).ToListAsync());

    /// <summary>A proposal left on the stand page, approved and taken forward through the moderation list's forms.</summary>
    private async Task<HttpClient> ProposalTakenForwardAsync()
    {
        App.Time.SetUtcNow(Outcome.AfterTheBenchCafe);
        await Outcome.LeaveAsync(App.Browser(), new Dictionary<string, string?> { ["Proposal.Text"] = Outcome.Hostile, ["Proposal.Theme"] = "Hyvä työelämä" });
        var id = await App.WithDbAsync(db => db.Proposals.Select(p => p.Id).SingleAsync());
        var organiser = await Organisers.SignedInAsync(App);
        await Outcome.SubmitAsync(organiser, $"/organiser/workshops/{Bench}/proposals", $"#p-{id} form[action*='handler=Approve']");
        await Outcome.SubmitAsync(organiser, $"/organiser/workshops/{Bench}/proposals", $"#p-{id} form[action*='handler=Forward']");
        await Outcome.SubmitAsync(organiser, ResultsPath, "form[action*='handler=Save']", new Dictionary<string, string?>
        {
            ["Input.SummaryFi"] = "Penkkikahvilassa kuultiin 40 ääntä.\n\nTärkein toive: joustoa.",
            ["Input.Publish"] = "true",
        });
        return organiser;
    }

    [Fact]
    public async Task TheResultsReachAListedOutsideAddressOnceEvenWhenTheButtonIsPressedTwice()
    {
        var organiser = await ProposalTakenForwardAsync();
        await Outcome.AddRecipientAsync(organiser, "Lauri Inna", CityManager);
        var page = await Html.GetAsync(organiser, ResultsPath);
        var send = $"tr[data-email='{CityManager}'] form.send-recipient";

        // The same form posted twice (a double click): the second finds its key taken.
        var first = await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), send);
        var second = await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), send);
        Assert.Contains("Tulokset lähtevät 1 vastaanottajalle.", (await Html.ParseAsync(first)).Text(".outcome[role=status]"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Tämä lomake oli jo lähetetty", await second.Content.ReadAsStringAsync());

        var message = await Smtp.NextMessageAsync();
        Assert.Equal(CityManager, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Lauri Inna", message.To.Mailboxes.Single().Name);
        Assert.StartsWith("Työpajan tulokset: ", message.Subject);
        Assert.Contains("1. " + Outcome.Hostile + "\n", message.TextBody!.Replace("\r\n", "\n"));
        Assert.Contains("Teema: Hyvä työelämä", message.TextBody);
        Assert.Contains("Penkkikahvilassa kuultiin 40 ääntä.", message.TextBody);
        Assert.Contains($"https://workshops.test/workshops/{Bench}/results", message.TextBody);
        var html = new HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Equal(Outcome.Hostile, html.QuerySelector("ol li")!.ChildNodes[0].TextContent);
        Assert.Empty(html.QuerySelectorAll("script, svg"));
        // The only image is the funding acknowledgement's EU emblem, linked from the site itself (issue 26, item 5).
        Assert.Equal("https://workshops.test/eu-emblem.svg", Assert.Single(html.QuerySelectorAll("img")).GetAttribute("src"));
        Assert.Empty(message.Attachments);

        // Exactly one row, sent; the audit names the address (the organiser area's record of who was mailed).
        await Eventually.TrueAsync(async () => (await ResultsRowsAsync()).All(e => e.State == EmailState.Sent), "the results message was sent");
        var row = Assert.Single(await ResultsRowsAsync());
        Assert.Null(row.RegistrationId);
        Assert.Equal(1, Smtp.ReceivedCount);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ResultsSent).Select(a => a.Detail).ToListAsync());
        Assert.Equal([AuditDetail.Of(AuditDetailKind.ResultsToRecipient, CityManager).ToJson()], audit);
    }

    [Fact]
    public async Task AnOutsideAddressIsCheckedLikeARegistrantsAndNothingIsListedForABadOne()
    {
        var organiser = await ProposalTakenForwardAsync();
        var form = await Html.GetAsync(organiser, $"/organiser/workshops/{Bench}/recipients/new");
        var response = await Html.SubmitAsync(organiser, form,
            new Dictionary<string, string?> { ["Recipient.Name"] = "Lauri Inna", ["Recipient.Email"] = "kaupunginjohtaja@pori\r\nBcc: x@y.z" }, "form.add-recipient");

        var again = await Html.ParseAsync(response);
        Assert.Equal("Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.", again.Text("#Recipient_Email-error"));
        Assert.Equal("Lauri Inna", again.QuerySelector("#Recipient_Name")!.GetAttribute("value"));
        Assert.Null(again.QuerySelector("form.confirm-form"));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutsideRecipients.CountAsync()));
        Assert.Empty(await ResultsRowsAsync());
    }

    [Fact]
    public async Task ParticipantsGetTheResultsOnceEachAndCancelledOnesNone()
    {
        foreach (var (name, email) in new[] { ("Aino Ääkkönen", "aino@example.fi"), ("Bertil Björk", "bertil@example.fi"), ("Cecilia Ek", "cecilia@example.fi") })
        {
            await RegistrationSteps.ThroughFormAsync(App, name, email, slug: Bench);
        }

        var cecilia = await App.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "cecilia@example.fi"));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RegistrationService>().CancelAsync(cecilia.WorkshopId, cecilia.Id, "test");
        }

        var organiser = await ProposalTakenForwardAsync();
        var page = await Html.GetAsync(organiser, ResultsPath);
        Assert.Contains("Osallistujia, joille tuloksia ei ole vielä lähetetty: 2.", page.Text("form.send-participants"));
        await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), "form.send-participants");
        await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), "form.send-participants"); // double click
        // A new press later sends to nobody already served.
        var later = await Outcome.SubmitAsync(organiser, ResultsPath, "form.send-participants");
        Assert.Contains("Osallistujia, joille tuloksia ei ole vielä lähetetty: 0.", later.Text("form.send-participants"));

        await Eventually.TrueAsync(async () => (await ResultsRowsAsync()).All(e => e.State == EmailState.Sent), "the results were sent");
        var rows = await ResultsRowsAsync();
        var people = await App.WithDbAsync(db => db.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal(people, rows.Select(r => r.RegistrationId!.Value).Order());
        Assert.DoesNotContain(cecilia.Id, rows.Select(r => r.RegistrationId));
        Assert.Equal([AuditDetail.Of(AuditDetailKind.ResultsToParticipants, 2).ToJson(), AuditDetail.Of(AuditDetailKind.ResultsToParticipants, 0).ToJson()],
            await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ResultsSent).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync()));
    }

    [Fact]
    public async Task TheDispatcherSkipsResultsOfACancelledRegistrationAndSendsOneWithoutARegistrationToItsRecipient()
    {
        await RegistrationSteps.ThroughFormAsync(App, "Aino Ääkkönen", "aino@example.fi", slug: Bench);
        var aino = await App.WithDbAsync(db => db.Registrations.SingleAsync());
        // Rows due far in the future, so the running dispatcher leaves them to this test's sender.
        var later = WorkshopsFactory.DefaultNow.UtcDateTime.AddYears(10);
        var (forCancelled, forOutsider) = (Guid.NewGuid(), Guid.NewGuid());
        await App.WithDbAsync(async db =>
        {
            db.OutgoingEmails.Add(new OutgoingEmail { Id = forCancelled, RegistrationId = aino.Id, Kind = EmailKind.Results, State = EmailState.Queued, CreatedAtUtc = later, NextAttemptAtUtc = later });
            db.OutgoingEmails.Add(new OutgoingEmail
            {
                Id = forOutsider,
                WorkshopId = aino.WorkshopId,
                RecipientName = "Lauri Inna",
                RecipientEmail = CityManager,
                Language = "sv",
                Kind = EmailKind.Results,
                State = EmailState.Queued,
                CreatedAtUtc = later,
                NextAttemptAtUtc = later,
            });
            await db.SaveChangesAsync();
            await db.Registrations.Where(r => r.Id == aino.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled));
        });

        await using var scope = App.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
        var queue = scope.ServiceProvider.GetRequiredService<OutboxQueue>();
        Assert.True(await queue.ClaimAsync(forCancelled, CancellationToken.None));
        Assert.Null(await sender.PrepareAsync(forCancelled, CancellationToken.None));
        Assert.True(await queue.ClaimAsync(forOutsider, CancellationToken.None));
        var message = await sender.PrepareAsync(forOutsider, CancellationToken.None);

        Assert.Equal(EmailState.Skipped, (await App.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.Id == forCancelled))).State);
        Assert.Equal(CityManager, Assert.Single(message!.To.Mailboxes).Address);
        Assert.StartsWith("Workshoppens resultat: ", message.Subject);
        Assert.Equal("sv", message.Headers[MimeKit.HeaderId.ContentLanguage]);
    }

    [Fact]
    public async Task AnOutboxRowNeedsARegistrationOrARecipientWithItsWorkshop()
    {
        _ = App.Services;
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => App.WithDbAsync(async db =>
        {
            db.OutgoingEmails.Add(new OutgoingEmail { Id = Guid.NewGuid(), Kind = EmailKind.Results, State = EmailState.Queued, RecipientEmail = CityManager });
            await db.SaveChangesAsync();
        }));
        Assert.Contains("CK_OutgoingEmails_Recipient", error.InnerException!.Message);
    }
}

/// <summary>The same results tests on PostgreSQL (the migration's nullable registration, check constraint and form keys).</summary>
public sealed class ResultsEmailTestsOnPostgreSQL : ResultsEmailTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
