using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Exports;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Funder;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Funder;

/// <summary>
/// The funder's roster (issue 26) over real forms and a real SQLite file on the fake clock: who attended a participant
/// activity gets one self-entry email after it ends (never twice, not after a restart), an open event gets none, nothing
/// goes without <c>Funder__SelfEntryUrl</c>, the export counts what was set up, and the organisation type and the
/// per-workshop retention work with erasure and the purge.
/// </summary>
public sealed class FunderRosterTests : IDisposable
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string BenchCafe = Outcome.BenchCafe;
    private const string SelfEntryUrl = "https://eura.example/omat-tiedot";

    private readonly TestFolder _folder = new();
    private WorkshopsFactory? _app;

    private WorkshopsFactory App => _app ??= Start(configured: true);

    public void Dispose()
    {
        _app?.Dispose();
        _folder.Dispose();
    }

    private WorkshopsFactory Start(bool configured) =>
        new(_folder, configured ? new Dictionary<string, string?> { ["Funder:SelfEntryUrl"] = SelfEntryUrl } : null);

    /// <summary>Registers through the public form, with an organisation and its type.</summary>
    private static async Task RegisterAsync(WorkshopsFactory app, string name, string email, string slug = Rauma, string organisation = "Rauman kaupunki",
        string? type = "PublicBody", string group = "Municipal")
    {
        var browser = app.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{slug}");
        var values = People.Registration(name, email);
        (values["Input.Organisation"], values["Input.OrganisationType"], values["Input.Group"]) = (organisation, type, group);
        var response = await Html.SubmitAsync(browser, form, values);
        Assert.EndsWith("/registered", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static async Task CheckInAsync(WorkshopsFactory app, string email)
    {
        var id = await app.WithDbAsync(db => db.Registrations.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CheckInService>().SetCheckedInAsync(id, true, Organisers.Email));
    }

    private static async Task<int> ScanAsync(WorkshopsFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FunderService>().SendSelfEntryDueAsync();
    }

    private static Task<List<string>> SelfEntryRecipientsAsync(WorkshopsFactory app) =>
        app.WithDbAsync(db => db.OutgoingEmails.Where(e => e.Kind == EmailKind.SelfEntry).Select(e => e.Registration!.Email!).OrderBy(e => e).ToListAsync());

    /// <summary>Aino and Bertil attend Rauma (a participant activity), Cecilia registers but does not come; Dora attends the bench café (an open event).</summary>
    private async Task ArrangeAsync(WorkshopsFactory app)
    {
        await RegisterAsync(app, "Aino Aaltonen", "aino@example.fi");
        await RegisterAsync(app, "Bertil Berg", "bertil@example.fi", organisation: "Sosiaalinen Osuuskunta", type: "SocialEnterprise", group: "SocialEnterprise");
        await RegisterAsync(app, "Cecilia Carlsson", "cecilia@example.fi");
        await RegisterAsync(app, "Dora Dahl", "dora@example.fi", slug: BenchCafe, group: "Citizen");
        app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 5, 31, 12, 0, 0)));
        await CheckInAsync(app, "aino@example.fi");
        await CheckInAsync(app, "bertil@example.fi");
    }

    [Fact]
    public async Task AttendedPeopleOfAParticipantActivityGetExactlyOneSelfEntryEmailEachAndAnOpenEventNone()
    {
        await ArrangeAsync(App);
        App.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 6, 30, 12, 0, 0)));
        await CheckInAsync(App, "dora@example.fi");

        // The app's own scan runs on the clock too; rounds here make sure one has run after each step.
        await ScanAsync(App);
        await ScanAsync(App);
        App.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 7, 2, 12, 0, 0))); // the bench café has ended too
        await ScanAsync(App);

        Assert.Equal(["aino@example.fi", "bertil@example.fi"], await SelfEntryRecipientsAsync(App));
        var organiser = await Organisers.SignedInAsync(App);
        var roster = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/roster");
        Assert.Equal(["yes", "yes"], roster.QuerySelectorAll("table.roster td[data-sent]").Select(td => td.GetAttribute("data-sent")));
        Assert.Contains("Yhteiskunnallinen yritys", roster.Text("table.roster"));
        Assert.DoesNotContain("Cecilia", roster.Text("main"));
        var cafe = await Html.GetAsync(organiser, $"/organiser/workshops/{BenchCafe}/roster");
        Assert.Contains("lasketaan päinä eikä osallistujina", cafe.Text("#open-event"));
        Assert.Null(cafe.QuerySelector("table.roster"));

        // A restart (a second app on the same database file: another instance, or the same one later) sends nobody another.
        var id = (await App.WorkshopAsync(Rauma)).Id;
        var now = App.Time.GetUtcNow();
        App.Dispose();
        _app = Start(configured: true);
        _app.Time.SetUtcNow(now);
        await ScanAsync(_app);
        Assert.Equal(["aino@example.fi", "bertil@example.fi"], await SelfEntryRecipientsAsync(_app));
        Assert.Equal(2, await _app.WithDbAsync(db => db.SelfEntryInvitations.CountAsync(i => i.WorkshopId == id)));
    }

    [Fact]
    public async Task WithoutTheSettingNothingIsSentAndTheRosterPageSaysSo()
    {
        _app = Start(configured: false);
        await ArrangeAsync(App);
        App.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 6, 2, 12, 0, 0)));

        Assert.Equal(0, await ScanAsync(App));

        Assert.Equal([], await SelfEntryRecipientsAsync(App));
        var roster = await Html.GetAsync(await Organisers.SignedInAsync(App), $"/organiser/workshops/{Rauma}/roster");
        Assert.Contains("Funder__SelfEntryUrl", roster.Text("#not-configured"));
        Assert.Equal(["no", "no"], roster.QuerySelectorAll("table.roster td[data-sent]").Select(td => td.GetAttribute("data-sent")));
    }

    [Fact]
    public async Task TheFunderExportCountsParticipantsByGroupOrganisationsByTypeAndTheOpenEventsHeadCount()
    {
        await RegisterAsync(App, "Eero Esko", "eero@example.fi", organisation: "  rauman KAUPUNKI "); // the same organisation again
        await ArrangeAsync(App);
        await CheckInAsync(App, "eero@example.fi");
        await CheckInAsync(App, "dora@example.fi");
        var cafe = (await App.WorkshopAsync(BenchCafe)).Id;
        await App.WithDbAsync(async db =>
        {
            // Three visitors counted themselves in with the venue code (as "count me in" records them).
            for (var i = 0; i < 3; i++)
            {
                db.WalkInVisits.Add(new WalkInVisit { FormKey = Guid.NewGuid(), WorkshopId = cafe, CountedAtUtc = DateTime.UtcNow });
            }

            await db.SaveChangesAsync();
        });
        await App.UpdateWorkshopAsync(BenchCafe, w => w.HeadCount = 3);
        var viewer = await Organisers.SignedInAsync(App);

        var csv = await viewer.GetByteArrayAsync("/organiser/funder?handler=Csv&from=2028-01-01&to=2028-12-31");
        var xlsx = await viewer.GetByteArrayAsync("/organiser/funder?handler=Xlsx&from=2028-01-01&to=2028-12-31");

        using var reader = new CsvReader(new StreamReader(new MemoryStream(csv), Encoding.UTF8), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var csvRows = reader.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
        var xlsxRows = UnicodeRoundTripTests.ReadXlsx(xlsx).Skip(1).ToList();
        foreach (var rows in new[] { csvRows, xlsxRows })
        {
            string Count(string section, string item, string? workshop = null) =>
                rows.Single(r => r[0] == section && r[3] == item && (workshop is null || r[1].StartsWith(workshop, StringComparison.Ordinal)))[4];
            Assert.Equal("2", Count("Osallistujat", "Kunta tai muu julkinen toimija", "Yhdessä yksinäisyyttä"));
            Assert.Equal("1", Count("Osallistujat", "Yhteiskunnallinen yritys", "Yhdessä yksinäisyyttä"));
            Assert.Equal("3", Count("Osallistujat", "Yhteensä", "Yhdessä yksinäisyyttä"));
            Assert.Equal("1", Count("Organisaatiot tyypeittäin", "Julkinen toimija")); // Aino and Eero: one city
            Assert.Equal("1", Count("Organisaatiot tyypeittäin", "Yhteiskunnallinen yritys"));
            Assert.Equal("0", Count("Organisaatiot tyypeittäin", "Yritys"));
            Assert.Equal("1", Count("Avoin tilaisuus", "Saapuneiksi merkityt ilmoittautuneet"));
            Assert.Equal("3", Count("Avoin tilaisuus", "Itsensä mukaan laskeneet kävijät"));
            Assert.Equal("4", Count("Avoin tilaisuus", "Kävijämäärä"));
            Assert.DoesNotContain(rows, r => r.Any(c => c.Contains("Aino", StringComparison.Ordinal) || c.Contains("Rauman kaupunki", StringComparison.OrdinalIgnoreCase)));
            Assert.DoesNotContain(rows, r => r[0] == "Osallistujat" && r[1].StartsWith("Millainen on hyvä työpaikka", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheOrganisationTypeIsErasedAndTheWorkshopsOwnRetentionIsWhatThePurgeUses()
    {
        await ArrangeAsync(App);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var bertil = await FeedbackSteps.PersonAsync(App, "bertil@example.fi");
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync(bertil.WorkshopId, bertil.Id, Organisers.Email));
        }

        Assert.Equal(OrganisationType.PublicBody, (await FeedbackSteps.PersonAsync(App, "aino@example.fi")).OrganisationType);
        Assert.Equal(0, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.OrganisationType == OrganisationType.SocialEnterprise)));

        // Rauma (31.5.) keeps its people 200 days (set in the editor); the site's setting would have purged them on 30.8.
        var organiser = await Organisers.SignedInAsync(App);
        var edit = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/edit");
        await Html.SubmitAsync(organiser, edit, new Dictionary<string, string?> { ["Input.RetentionDays"] = "200" }, "form.workshop-form");
        Assert.Equal(200, (await App.WorkshopAsync(Rauma)).Funder.RetentionDays);
        var purgeDay = new DateOnly(2028, 5, 31).AddDays(201);
        Assert.Equal(purgeDay, RetentionPurge.PurgeDate(await App.WorkshopAsync(Rauma), 90));

        async Task<int> PurgeOnAsync(DateOnly day)
        {
            App.Time.SetUtcNow(FeedbackSteps.Helsinki(day.ToDateTime(new TimeOnly(3, 0))));
            return await App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None);
        }

        await PurgeOnAsync(new DateOnly(2028, 9, 1));
        Assert.Equal(OrganisationType.PublicBody, (await FeedbackSteps.PersonAsync(App, "aino@example.fi")).OrganisationType);
        await PurgeOnAsync(purgeDay.AddDays(-1));
        Assert.Equal("Aino Aaltonen", (await FeedbackSteps.PersonAsync(App, "aino@example.fi")).Name);
        await PurgeOnAsync(purgeDay);
        var aino = await App.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Name != "Aino Aaltonen" && r.CheckedInAtUtc != null && r.Group == global::Workshops.Web.Domain.HelixGroup.Municipal));
        Assert.NotNull(aino.ErasedAtUtc);
        Assert.Null(aino.OrganisationType);
        Assert.Equal(0, await App.WithDbAsync(db => db.Registrations.CountAsync(r => r.OrganisationType != null)));
    }
}
