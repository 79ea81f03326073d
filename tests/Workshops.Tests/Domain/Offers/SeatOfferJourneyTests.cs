using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Domain.Offers;

/// <summary>
/// Seat offers end to end over real SMTP and the real forms (issue 24): a freed seat is offered, held against newcomers,
/// declined, left to expire, accepted; each step passes the seat on at once and sends each message once.
/// </summary>
public sealed partial class SeatOfferJourneyTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;

    [Fact]
    public async Task AFreedSeatIsHeldForTheOfferAndPassedOnWhenDeclinedOrLeftToExpire()
    {
        await OfferSteps.SettingsAsync(App, Rauma, offers: true, hours: 24, capacity: 1);
        var aino = await RegisterAsync("Aino", "aino@example.fi");
        await RegisterAsync("Bertil", "bertil@example.fi");
        await RegisterAsync("Cecilia", "cecilia@example.fi");

        // A cancels: B is offered the seat (not confirmed), for 24 hours from Fri 27.11. 12.00 Helsinki time.
        await CancelAsync(Mail.ManagePath(aino));
        var afterCancel = await ReceiveAsync(2);
        Assert.StartsWith("Ilmoittautumisesi on peruttu:", afterCancel["aino@example.fi"].Subject);
        var offerToBertil = afterCancel["bertil@example.fi"];
        Assert.StartsWith("Sinulle tarjotaan paikkaa: Yhdessä yksinäisyyttä vastaan", offerToBertil.Subject);
        Assert.Contains("Vastaa viimeistään la 28.11.2026 klo 12.00.", offerToBertil.TextBody);
        Assert.Contains("Otan paikan vastaan", offerToBertil.HtmlBody);
        Assert.Equal("Waitlisted", (await OfferSteps.StatusesAsync(App, Rauma))["bertil@example.fi"]);

        // The seat is held: the page shows no free seat, and a newcomer waits behind C.
        Assert.Contains("Täynnä – ilmoittaudu jonoon", (await Html.GetAsync(App.Browser(), $"/workshops/{Rauma}")).Text(".facts"));
        var david = App.Browser();
        var result = await Html.ParseAsync(await Html.SubmitAsync(david, await Html.GetAsync(david, $"/workshops/{Rauma}"), People.Registration("David", "david@example.fi")));
        Assert.Contains("Olet jonossa sijalla 2.", result.Text("[role=status]"));
        var davidWaits = await Smtp.NextMessageAsync();
        Assert.StartsWith("Olet jonossa:", davidWaits.Subject);

        // B declines through the link in the email: the page asks, its POST acts; C is offered the seat at once.
        var browser = App.Browser();
        var declinePage = await Html.GetAsync(browser, LinkPath(offerToBertil, "decline"));
        Assert.Equal("Sinulle tarjotaan paikkaa", declinePage.Text("h1"));
        Assert.Empty(await App.WithDbAsync(db => db.OutgoingEmails.Where(e => e.Kind == Web.Email.EmailKind.OfferDeclined).ToListAsync()));
        var declined = await Html.ParseAsync(await Html.SubmitAsync(browser, declinePage, new Dictionary<string, string?>(), "form.offer-decline"));
        Assert.Contains("Kieltäydyit paikasta, ja se annettiin jonossa seuraavalle.", declined.Text("[role=status]"));
        var afterDecline = await ReceiveAsync(2);
        Assert.StartsWith("Kieltäydyit tarjotusta paikasta:", afterDecline["bertil@example.fi"].Subject);
        Assert.StartsWith("Sinulle tarjotaan paikkaa:", afterDecline["cecilia@example.fi"].Subject);
        Assert.Contains("Olet jonossa sijalla 1.", (await Html.GetAsync(App.Browser(), Mail.ManagePath(davidWaits))).Text("main"));

        // C lets it expire: the job passes the seat to D, and C is told their registration ended.
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromHours(6), async () => (await OfferSteps.OffersAsync(App, Rauma)).Count == 3, "the offer to C expires and D is offered the seat");
        var afterExpiry = await ReceiveAsync(2);
        Assert.StartsWith("Paikkatarjous päättyi:", afterExpiry["cecilia@example.fi"].Subject);
        Assert.Contains("Et vastannut paikkatarjoukseen määräaikaan", afterExpiry["cecilia@example.fi"].TextBody);
        var offerToDavid = afterExpiry["david@example.fi"];

        // D accepts: confirmed, with the calendar invitation a promotion carries.
        var acceptPage = await Html.GetAsync(browser, LinkPath(offerToDavid, "accept"));
        var accepted = await Html.ParseAsync(await Html.SubmitAsync(browser, acceptPage, new Dictionary<string, string?>(), "form.offer-accept"));
        Assert.Contains("Otit paikan vastaan: paikkasi on vahvistettu.", accepted.Text("[role=status]"));
        var confirmation = await Smtp.NextMessageAsync();
        Assert.StartsWith("Paikkasi on vahvistettu:", confirmation.Subject);
        Assert.Contains(confirmation.BodyParts.OfType<TextPart>(), p => p.ContentType.MimeType == "text/calendar" && p.ContentType.Parameters["method"] == "REQUEST");

        Assert.Equal(
            new Dictionary<string, string> { ["aino@example.fi"] = "Cancelled", ["bertil@example.fi"] = "Cancelled", ["cecilia@example.fi"] = "Cancelled", ["david@example.fi"] = "Confirmed" },
            await OfferSteps.StatusesAsync(App, Rauma));
        Assert.Equal([OfferState.Declined, OfferState.Expired, OfferState.Accepted], (await OfferSteps.OffersAsync(App, Rauma)).Select(o => o.State));
        await AllSentAsync();
        Assert.True(Smtp.NothingMoreReceived, "one message each, nothing more");
    }

    [Fact]
    public async Task AnOfferNeverOutlivesTheStartAndWithUnderAnHourLeftTheSeatIsConfirmedAtOnce()
    {
        // The workshop starts today at 17.00 Helsinki time (15.00 UTC); it is 12.00 there now.
        await App.UpdateWorkshopAsync(Rauma, w => (w.Date, w.StartTime) = (new DateOnly(2026, 11, 27), new TimeOnly(17, 0)));
        await OfferSteps.SettingsAsync(App, Rauma, offers: true, hours: 24, capacity: 1);
        var aino = await RegisterAsync("Aino", "aino@example.fi");
        await RegisterAsync("Bertil", "bertil@example.fi");
        await RegisterAsync("Cecilia", "cecilia@example.fi");

        await CancelAsync(Mail.ManagePath(aino));
        var offerToBertil = (await ReceiveAsync(2))["bertil@example.fi"];
        Assert.Equal(new DateTime(2026, 11, 27, 15, 0, 0), Assert.Single(await OfferSteps.OffersAsync(App, Rauma)).ExpiresAtUtc);
        Assert.Contains("Vastaa viimeistään pe 27.11.2026 klo 17.00.", offerToBertil.TextBody);

        // 16.10: B declines; with 50 minutes left, C is confirmed at once instead of offered.
        App.Time.Advance(TimeSpan.FromMinutes(250));
        var browser = App.Browser();
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, LinkPath(offerToBertil, "decline")), new Dictionary<string, string?>(), "form.offer-decline");
        var afterDecline = await ReceiveAsync(2);
        Assert.StartsWith("Sinulle vapautui paikka:", afterDecline["cecilia@example.fi"].Subject);
        Assert.Equal("Confirmed", (await OfferSteps.StatusesAsync(App, Rauma))["cecilia@example.fi"]);
    }

    [Fact]
    public async Task CancellingWhileHoldingAnOfferPassesTheSeatOnAtOnce()
    {
        await OfferSteps.SettingsAsync(App, Rauma, offers: true, capacity: 1);
        var aino = await RegisterAsync("Aino", "aino@example.fi");
        var bertil = await RegisterAsync("Bertil", "bertil@example.fi");
        await RegisterAsync("Cecilia", "cecilia@example.fi");
        await CancelAsync(Mail.ManagePath(aino));
        await ReceiveAsync(2);

        await CancelAsync(Mail.ManagePath(bertil));

        var after = await ReceiveAsync(2);
        Assert.StartsWith("Ilmoittautumisesi on peruttu:", after["bertil@example.fi"].Subject);
        Assert.StartsWith("Sinulle tarjotaan paikkaa:", after["cecilia@example.fi"].Subject);
        Assert.Equal([OfferState.Cancelled, OfferState.Open], (await OfferSteps.OffersAsync(App, Rauma)).Select(o => o.State));
    }

    [Fact]
    public async Task ErasingSomeoneHoldingAnOfferWithdrawsItAndOffersTheSeatToTheNextPerson()
    {
        await OfferSteps.SettingsAsync(App, Rauma, offers: true, capacity: 1);
        var aino = await RegisterAsync("Aino", "aino@example.fi");
        await RegisterAsync("Bertil", "bertil@example.fi");
        await RegisterAsync("Cecilia", "cecilia@example.fi");
        await CancelAsync(Mail.ManagePath(aino));
        await ReceiveAsync(2);
        var workshop = await App.WorkshopAsync(Rauma);
        var bertil = Assert.Single(await OfferSteps.OffersAsync(App, Rauma)).RegistrationId;

        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync(workshop.Id, bertil, Organisers.Email));
        }

        var next = await Smtp.NextMessageAsync();
        Assert.Equal("cecilia@example.fi", next.To.Mailboxes.Single().Address);
        Assert.StartsWith("Sinulle tarjotaan paikkaa:", next.Subject);
        Assert.Equal([OfferState.Withdrawn, OfferState.Open], (await OfferSteps.OffersAsync(App, Rauma)).Select(o => o.State));
        await AllSentAsync();
        Assert.True(Smtp.NothingMoreReceived, "nothing to the erased person");
    }

    [Fact]
    public async Task TheOrganiserSeesAnOpenOfferAndExtendsOrWithdrawsItAudited()
    {
        await OfferSteps.SettingsAsync(App, Rauma, offers: true, hours: 24, capacity: 1);
        var aino = await RegisterAsync("Aino", "aino@example.fi");
        await RegisterAsync("Bertil", "bertil@example.fi");
        await RegisterAsync("Cecilia", "cecilia@example.fi");
        await CancelAsync(Mail.ManagePath(aino));
        await ReceiveAsync(2);
        var organiser = await Organisers.SignedInAsync(App);

        var list = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}?status=offered");
        var row = Assert.Single(list.QuerySelectorAll("table.attendees tbody tr"));
        Assert.Contains("Bertil", row.TextContent);
        Assert.Contains("paikkatarjous voimassa 28.11.2026 12.00 asti", row.TextContent);
        Assert.Equal("1", list.Text("[data-count=offered]"));

        await Html.SubmitAsync(organiser, list, new Dictionary<string, string?> { ["hours"] = "12" }, "form.extend-offer-form");
        Assert.Equal(new DateTime(2026, 11, 28, 22, 0, 0), (await OfferSteps.OffersAsync(App, Rauma))[0].ExpiresAtUtc);
        var extended = await Smtp.NextMessageAsync();
        Assert.StartsWith("Lisäaikaa vastata paikkatarjoukseen:", extended.Subject);
        Assert.Contains("Vastaa viimeistään su 29.11.2026 klo 0.00.", extended.TextBody);

        list = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}");
        await Html.SubmitAsync(organiser, list, new Dictionary<string, string?>(), "form.withdraw-offer-form");
        var afterWithdraw = await ReceiveAsync(2);
        Assert.StartsWith("Paikkatarjous peruttiin:", afterWithdraw["bertil@example.fi"].Subject);
        Assert.StartsWith("Sinulle tarjotaan paikkaa:", afterWithdraw["cecilia@example.fi"].Subject);

        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.OfferExtended || a.Action == AuditAction.OfferWithdrawn).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.OfferExtended, AuditAction.OfferWithdrawn], audit.Select(a => a.Action));
        Assert.Equal(Organisers.Email, audit[0].Actor);
        Assert.Contains("uusi määräaika 29.11.2026 0.00", (await Html.GetAsync(organiser, "/organiser/audit")).Text("main"));
    }

    private async Task<MimeMessage> RegisterAsync(string name, string email)
    {
        await RegistrationSteps.ThroughFormAsync(App, name, email);
        return await Smtp.NextMessageAsync();
    }

    private async Task CancelAsync(string managePath)
    {
        var browser = App.Browser();
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, managePath + "/cancel"), new Dictionary<string, string?>());
    }

    /// <summary>The next <paramref name="count"/> messages, by recipient (their order depends on the sender).</summary>
    private async Task<Dictionary<string, MimeMessage>> ReceiveAsync(int count)
    {
        var messages = new Dictionary<string, MimeMessage>();
        for (var i = 0; i < count; i++)
        {
            var message = await Smtp.NextMessageAsync();
            messages.Add(message.To.Mailboxes.Single().Address, message);
        }

        return messages;
    }

    private Task AllSentAsync() =>
        Eventually.TrueAsync(() => App.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == Web.Email.EmailState.Sent || e.State == Web.Email.EmailState.Skipped)), "every queued message is sent");

    /// <summary>The path of the offer page an email's accept or decline link opens.</summary>
    private static string LinkPath(MimeMessage message, string answer)
    {
        var match = OfferLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "no offer link in:\n" + message.TextBody);
        var link = new Uri(match.Value.Replace("answer=accept", $"answer={answer}", StringComparison.Ordinal));
        return link.PathAndQuery;
    }

    [GeneratedRegex(@"https://workshops\.test/manage/[A-Za-z0-9_-]{43}/offer\?answer=accept")]
    private static partial Regex OfferLink();
}
