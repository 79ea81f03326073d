using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Members;

/// <summary>
/// Members' notifications (issue 25, item 4), with a fake clock, the real scan and the .eml files the outbox writes:
/// the daily digest of the previous Helsinki day, one email per registration and cancellation, never twice after a
/// restart, counts only for a role without personal data, in the member's language.
/// </summary>
public sealed class NotificationTests : IDisposable
{
    private const string Paula = Organisers.Email; // an administrator

    private WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheDigestListsYesterdaysRegistrationsForAMemberWhoChoseItAndNothingForOneWhoDidNot()
    {
        var paula = await Organisers.SignedInAsync(_app); // 27.11.2026 12.00 Helsinki
        await Organisers.CreateMemberAsync(_app, "olli@example.fi", MemberRole.Organiser, RegistrationSteps.Rauma); // chooses nothing
        var raumaId = (await _app.WorkshopAsync(RegistrationSteps.Rauma)).Id;
        var page = await Html.GetAsync(paula, "/organiser/notifications");
        var saved = await Html.SubmitAsync(paula, page, new Dictionary<string, string?> { [$"Input.Choices[{raumaId}]"] = "Digest" }, "form.notifications-form");
        Assert.Contains("Ilmoitusasetukset tallennettiin.", (await Html.ParseAsync(saved)).Body!.TextContent);

        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await RegisterAsync("Aino Aaltonen", "aino@example.fi");
        await RegisterAsync("Bertil Berg", "bertil@example.fi");
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 4, 30, 0, TimeSpan.Zero)); // 06.30 Helsinki: before the hour
        await RegisterAsync("Cecilia Today", "cecilia@example.fi"); // today's: the next digest's
        Assert.Equal(0, await SendDueAsync());

        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero)); // 07.00 Helsinki
        await SendDueAsync();
        var digest = Assert.Single(await MailToAsync(Paula, 1));
        Assert.Equal("Ilmoittautumiset 27.11.2026", digest.Subject);
        Assert.Contains("Uusia ilmoittautumisia: 2, peruutuksia: 0.", digest.TextBody);
        Assert.Contains("+ Aino Aaltonen <aino@example.fi>", digest.TextBody);
        Assert.Contains("+ Bertil Berg <bertil@example.fi>", digest.TextBody);
        Assert.DoesNotContain("Cecilia", digest.TextBody);
        Assert.Contains("https://workshops.test/organiser/notifications", digest.TextBody);

        _app.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await SendDueAsync()); // once a day
        Assert.Empty(await MailToAsync("olli@example.fi", 0));
        Assert.Single(await MailToAsync(Paula, 1));
    }

    [Fact]
    public async Task AnEachSubscriberGetsOneEmailPerRegistrationAndCancellationAndNoneTwiceAfterARestart()
    {
        await Organisers.CreateAsync(_app);
        await ChooseAsync(Paula, NotificationChoice.Each, "fi");
        _app.Time.Advance(TimeSpan.FromSeconds(1));
        var aino = await RegisterAsync("Aino Aaltonen", "aino@example.fi");
        await RegisterAsync("Bertil Berg", "bertil@example.fi");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(CancelOutcome.Cancelled, await scope.ServiceProvider.GetRequiredService<RegistrationService>().CancelAsync(aino));
        }

        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await SendDueAsync();
        var notices = await MailToAsync(Paula, 3);
        Assert.Equal(3, notices.Count);
        Assert.Equal(2, notices.Count(m => (m.Subject ?? "").StartsWith("Uusi ilmoittautuminen: Yhdessä yksinäisyyttä vastaan", StringComparison.Ordinal)));
        var cancelled = Assert.Single(notices, m => (m.Subject ?? "").StartsWith("Peruutus: Yhdessä yksinäisyyttä vastaan", StringComparison.Ordinal));
        Assert.Contains("Perui: Aino Aaltonen <aino@example.fi>", cancelled.TextBody);
        Assert.Contains(notices, m => (m.TextBody ?? "").Contains("Ilmoittautui: Bertil Berg <bertil@example.fi>", StringComparison.Ordinal));

        _app.Dispose();
        _app = new WorkshopsFactory(_app.Folder);
        _app.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await SendDueAsync());
        Assert.Equal(0, await SendDueAsync());
        Assert.Equal(3, await _app.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == EmailKind.MemberNotice)));
        Assert.Equal(3, (await MailToAsync(Paula, 3)).Count);
    }

    [Fact]
    public async Task AViewersAndADoorHelpersNoticesHaveCountsButNoNamesOrAddresses()
    {
        await _app.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Capacity = 20);
        await Organisers.CreateMemberAsync(_app, "vilja@example.fi", MemberRole.Viewer);
        await Organisers.CreateMemberAsync(_app, "ovi@example.fi", MemberRole.DoorHelper, RegistrationSteps.Rauma);
        await ChooseAsync("vilja@example.fi", NotificationChoice.Each, "fi");
        await ChooseAsync("ovi@example.fi", NotificationChoice.Each, "en");
        _app.Time.Advance(TimeSpan.FromSeconds(1));
        await RegisterAsync("Aino Aaltonen", "aino@example.fi");
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await SendDueAsync();

        var viewer = Assert.Single(await MailToAsync("vilja@example.fi", 1));
        var door = Assert.Single(await MailToAsync("ovi@example.fi", 1));
        Assert.Contains("Yksi uusi ilmoittautuminen.", viewer.TextBody);
        Assert.Contains("Paikkoja varattu: 1/20", viewer.TextBody);
        Assert.Contains("One new registration.", door.TextBody);
        Assert.Contains("Places taken: 1/20", door.TextBody);
        foreach (var message in new[] { viewer, door })
        {
            var whole = message.ToString();
            Assert.DoesNotContain("Aino", whole, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("aino@example.fi", whole, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AHybridWorkshopsNoticeCountsEachWayAgainstItsOwnSeats()
    {
        // Two on site and two online: the on-site capacity alone is no measure of the places taken of both ways.
        await _app.UpdateWorkshopAsync(RegistrationSteps.Rauma, w =>
        {
            w.Format = WorkshopFormat.Hybrid;
            w.Capacity = 2;
            w.Hybrid.OnlineCapacity = 2;
        });
        await Organisers.CreateMemberAsync(_app, "vilja@example.fi", MemberRole.Viewer);
        await ChooseAsync("vilja@example.fi", NotificationChoice.Each, "fi");
        _app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino Aaltonen", "aino@example.fi") with { Mode = AttendanceMode.OnSite }));
        Assert.NotNull(await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Bertil Berg", "bertil@example.fi") with { Mode = AttendanceMode.Online }));
        Assert.NotNull(await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Cecilia Carlsson", "cecilia@example.fi") with { Mode = AttendanceMode.Online }));
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await SendDueAsync();

        var notices = await MailToAsync("vilja@example.fi", 3);
        Assert.All(notices, n => Assert.Contains("Paikan päällä: Paikkoja varattu: 1/2; Verkossa: Paikkoja varattu: 2/2", n.TextBody));
    }

    [Fact]
    public async Task TheDigestIsInTheMembersLanguage()
    {
        await Organisers.CreateMemberAsync(_app, "sven@example.fi", MemberRole.Organiser, RegistrationSteps.Rauma);
        await Organisers.CreateMemberAsync(_app, "emma@example.fi", MemberRole.Viewer);
        await ChooseAsync("sven@example.fi", NotificationChoice.Digest, "sv");
        await ChooseAsync("emma@example.fi", NotificationChoice.Digest, "en");
        _app.Time.Advance(TimeSpan.FromSeconds(1));
        await RegisterAsync("Aino Aaltonen", "aino@example.fi");
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero)); // 08.00 Helsinki
        await SendDueAsync();

        var sv = Assert.Single(await MailToAsync("sven@example.fi", 1));
        Assert.Equal("Anmälningar 27.11.2026", sv.Subject);
        Assert.Contains("Nya anmälningar: 1, avbokningar: 0.", sv.TextBody);
        Assert.Contains("+ Aino Aaltonen", sv.TextBody);
        var en = Assert.Single(await MailToAsync("emma@example.fi", 1));
        Assert.Equal("Registrations 27.11.2026", en.Subject);
        Assert.Contains("New registrations: 1, cancellations: 0.", en.TextBody);
        Assert.DoesNotContain("Aino", en.TextBody, StringComparison.Ordinal);
    }

    private async Task<int> RegisterAsync(string name, string email)
    {
        Assert.NotNull(await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request(name, email)));
        return await _app.WithDbAsync(db => db.Registrations.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
    }

    private async Task ChooseAsync(string email, NotificationChoice choice, string language)
    {
        var rauma = (await _app.WorkshopAsync(RegistrationSteps.Rauma)).Id;
        var id = await _app.WithDbAsync(db => db.Users.Where(u => u.UserName == email).Select(u => u.Id).SingleAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<NotificationService>().ChooseAsync(id, new Dictionary<Guid, NotificationChoice> { [rauma] = choice }, language));
    }

    private async Task<int> SendDueAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationService>().SendDueAsync();
    }

    /// <summary>The .eml files written to <paramref name="address"/>, once every queued message has left and at least <paramref name="atLeast"/> arrived.</summary>
    private async Task<List<MimeMessage>> MailToAsync(string address, int atLeast)
    {
        var found = new List<MimeMessage>();
        await Eventually.TrueAsync(async () =>
        {
            var pending = await _app.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.State == EmailState.Queued || e.State == EmailState.Sending));
            found = [];
            foreach (var file in Directory.Exists(_app.PickupDirectory) ? Directory.GetFiles(_app.PickupDirectory, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == address))
                {
                    found.Add(message);
                }
            }

            return pending == 0 && found.Count >= atLeast;
        }, $"{atLeast} messages to {address}");
        return found;
    }
}
