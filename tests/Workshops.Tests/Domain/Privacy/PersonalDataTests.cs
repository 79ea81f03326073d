using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Privacy;

/// <summary>Erasing a person, the automatic purge after the retention time, and the audit log.</summary>
public class PersonalDataTests : IAsyncLifetime
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";
    private WorkshopsFactory _app;
    private HttpClient _organiser = null!;

    public PersonalDataTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected PersonalDataTests(DatabaseProvider provider) => _app = new WorkshopsFactory(new TestFolder(provider));

    public async Task InitializeAsync()
    {
        _organiser = await Organisers.SignedInAsync(_app);
        await _app.UpdateWorkshopAsync(Rauma, w => w.Capacity = 1);
        await RegistrationSteps.ThroughFormAsync(_app, "Aino Ääkkönen", "aino@example.fi", "Rauman kaupunki", needs: "Gluteeniton");
        await RegistrationSteps.ThroughFormAsync(_app, "Bertil Berg", "bertil@example.fi", "Satakunnan yhdistys", "Citizen");
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Webi Naari", "webi@example.fi", "Yliopisto", HelixGroup.HigherEducationOrCompany), Webinar);
        await _app.WithDbAsync(db => db.Registrations.Where(r => r.Email == "aino@example.fi")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAtUtc, DateTime.UtcNow)));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task<Registration> PersonAsync(int id) => _app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Id == id));

    private async Task<(string Counts, string Groups)> NumbersAsync()
    {
        var dashboard = await Html.GetAsync(_organiser, "/organiser");
        var report = await Html.GetAsync(_organiser, "/organiser/report");
        return (dashboard.Text($"tr[data-slug='{Rauma}']") + dashboard.Text($"tr[data-slug='{Webinar}']"),
            report.Text("table.report-groups"));
    }

    private RetentionPurge Purge(WorkshopsFactory? app = null) =>
        (app ?? _app).Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single();

    [Fact]
    public async Task ErasingAPersonReplacesTheirDetailsButKeepsEveryCount()
    {
        var aino = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "aino@example.fi"));
        await Eventually.TrueAsync(async () => await _app.WithDbAsync(db => db.ManageTokens.AnyAsync(t => t.RegistrationId == aino.Id)), "confirmation sent");
        var before = await NumbersAsync();
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}");

        var response = await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?> { ["id"] = aino.Id.ToString() }, $"#r-{aino.Id} form.erase-form");

        Assert.Contains("Henkilötiedot poistettiin.", (await Html.ParseAsync(response)).Text(".outcome"));
        var erased = await PersonAsync(aino.Id);
        Assert.Equal(("(poistettu)", $"erased-{aino.Id}@invalid", $"erased-{aino.Id}@invalid", null, null),
            (erased.Name, erased.Email, erased.EmailNormalized, erased.Organisation, erased.Needs));
        Assert.Equal((RegistrationStatus.Confirmed, HelixGroup.Municipal, aino.WorkshopId), (erased.Status, erased.Group, erased.WorkshopId));
        Assert.NotNull(erased.CheckedInAtUtc);
        Assert.NotNull(erased.ErasedAtUtc);
        Assert.False(await _app.WithDbAsync(db => db.ManageTokens.AnyAsync(t => t.RegistrationId == aino.Id)));
        Assert.Equal(before, await NumbersAsync());
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Erased));
        Assert.Equal((Organisers.Email, aino.Id), (entry.Actor, entry.RegistrationId!.Value));
        var list = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}");
        Assert.DoesNotContain("Ääkkönen", list.Text("main"));
    }

    [Theory]
    [InlineData("erase")]
    [InlineData("cancel")]
    public async Task ARegistrationOfAnotherWorkshopIsNotFoundUnderThisWorkshopsAddress(string what)
    {
        var webi = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "webi@example.fi"));
        var aino = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "aino@example.fi"));
        var page = await Html.GetAsync(_organiser, $"/organiser/workshops/{Webinar}");

        // The Webinar page's own form, with the id of a person registered for Rauma.
        var response = await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?> { ["id"] = aino.Id.ToString() }, $"#r-{webi.Id} form.{what}-form");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var after = await PersonAsync(aino.Id);
        Assert.Equal(("Aino Ääkkönen", RegistrationStatus.Confirmed, (DateTime?)null), (after.Name, after.Status, after.ErasedAtUtc));
        Assert.False(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.RegistrationId == aino.Id && (a.Action == AuditAction.Erased || a.Action == AuditAction.RegistrationCancelled))));
    }

    [Fact]
    public async Task AnErasedAddressCannotBeReadFromTheDatabaseFiles()
    {
        if (_app.Folder.PostgresConnectionString is not null)
        {
            return; // SQLite's files; PostgreSQL's storage is the server's (VACUUM, see docs/operations.md)
        }

        var bertil = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "bertil@example.fi"));
        await Eventually.TrueAsync(async () => await _app.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent)), "all sent");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync(bertil.WorkshopId, bertil.Id, Organisers.Email);
        }

        var needle = System.Text.Encoding.UTF8.GetBytes("bertil@example.fi");
        foreach (var file in new[] { _app.DatabasePath, _app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.True(copy.ToArray().AsSpan().IndexOf(needle) < 0, $"the erased address is still readable in {Path.GetFileName(file)}");
        }
    }

    [Fact]
    public async Task AnErasedPersonIsSentNothingMoreAndIsNotPromoted()
    {
        var bertil = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "bertil@example.fi"));
        await Eventually.TrueAsync(async () => await _app.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent)), "all sent");
        await _app.WithDbAsync(db => db.OutgoingEmails.Where(e => e.RegistrationId == bertil.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Failed).SetProperty(e => e.LastError, "SMTP 550: <bertil@example.fi> unknown")));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync(bertil.WorkshopId, bertil.Id, Organisers.Email);
        }

        var email = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.RegistrationId == bertil.Id));
        Assert.Equal((EmailState.Skipped, (string?)null), (email.State, email.LastError));
        var edit = await Html.GetAsync(_organiser, $"/organiser/workshops/{Rauma}/edit");
        await Html.SubmitAsync(_organiser, edit, new Dictionary<string, string?> { ["Input.Capacity"] = "5", ["Input.StartTime"] = "10:00" }, "form.workshop-form");

        Assert.Equal(RegistrationStatus.Waitlisted, (await PersonAsync(bertil.Id)).Status);
        Assert.False(await _app.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.RegistrationId == bertil.Id && e.Kind != EmailKind.Waitlisted)));
    }

    [Fact]
    public async Task TheWaitingListPositionSkipsAnErasedPersonWhoWillNeverBePromoted()
    {
        // Found by the attack-minded pass: promotion skips an erased person, but the position told to everyone behind
        // them still counted that person, so the next in line was told "2nd" and then got the very next seat.
        var bertil = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "bertil@example.fi"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync(bertil.WorkshopId, bertil.Id, Organisers.Email);
        }

        var cecilia = await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Cecilia Carlsson", "cecilia@example.fi"));

        Assert.Equal((RegistrationStatus.Waitlisted, 1), (cecilia.Status!.Value, cecilia.WaitingListPosition!.Value));
    }

    [Fact]
    public async Task PurgeErasesRegistrantsOfWorkshopsPastTheRetentionTimeAndKeepsTheCounts()
    {
        // Today is 27.11.2026: Rauma was 91 days ago (due at 90 days), the webinar 90 days ago (due tomorrow).
        await _app.UpdateWorkshopAsync(Rauma, w => w.Date = new DateOnly(2026, 8, 28));
        await _app.UpdateWorkshopAsync(Webinar, w => w.Date = new DateOnly(2026, 8, 29));
        var before = await NumbersAsync();

        var erased = await Purge().PurgeAsync(CancellationToken.None);

        Assert.Equal(2, erased);
        var people = await _app.WithDbAsync(db => db.Registrations.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["(poistettu)", "(poistettu)", "Webi Naari"], people.Select(p => p.Name));
        Assert.All(people.Take(2), p => Assert.Null(p.Organisation));
        Assert.Equal(before, await NumbersAsync());
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Purged));
        Assert.Equal(("(järjestelmä)", AuditDetail.Of(AuditDetailKind.RegistrationsPurged, 2, 90).ToJson()), (entry.Actor, entry.Detail));
        var report = await Html.GetAsync(_organiser, "/organiser/report");
        Assert.Contains("(poistettu)", report.Text("table.report-organisations"));

        Assert.Equal(0, await Purge().PurgeAsync(CancellationToken.None)); // nothing twice
        // A day later the webinar is due too (the daily round may get there first; either way it happens once).
        _app.Time.Advance(TimeSpan.FromDays(1));
        await Purge().PurgeAsync(CancellationToken.None);
        Assert.All(await _app.WithDbAsync(db => db.Registrations.Select(r => r.Name).ToListAsync()), name => Assert.Equal("(poistettu)", name));
        Assert.Equal(2, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Purged)));
    }

    [Fact]
    public async Task RetentionDaysIsASettingAndThePurgeRunsDailyOnItsOwn()
    {
        var folder = _app.Folder;
        await _app.UpdateWorkshopAsync(Webinar, w => w.Date = new DateOnly(2026, 11, 20));
        _app.Dispose();
        _app = new WorkshopsFactory(folder, new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "7" });
        _app.Time.SetUtcNow(WorkshopsFactory.DefaultNow);
        _ = _app.Services; // start-up round: 20.11. + 7 days is not yet past on 27.11.
        Assert.Equal("Webi Naari", (await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.WorkshopId != Guid.Empty && r.Email == "webi@example.fi"))).Name);

        await Eventually.TrueWhileAdvancingAsync(_app.Time, TimeSpan.FromHours(6),
            async () => await _app.WithDbAsync(db => db.Registrations.AnyAsync(r => r.Name == "(poistettu)")), "the daily purge ran");

        Assert.True(_app.Time.GetUtcNow() >= WorkshopsFactory.DefaultNow + TimeSpan.FromDays(1));
        var names = await _app.WithDbAsync(db => db.Registrations.OrderBy(r => r.Id).Select(r => r.Name).ToListAsync());
        Assert.Equal(["Aino Ääkkönen", "Bertil Berg", "(poistettu)"], names);
    }

    [Fact]
    public async Task AuditLogListsWhoDidWhatNewestFirstWithoutParticipantsNames()
    {
        var aino = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "aino@example.fi"));
        await _organiser.GetAsync($"/organiser/workshops/{Rauma}?handler=Csv");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CheckInService>().SetCheckedInAsync(aino.Id, false, Organisers.Email);
        }

        var page = await Html.GetAsync(_organiser, "/organiser/audit");

        var actions = page.QuerySelectorAll("table.audit tbody tr").Select(tr => tr.GetAttribute("data-action")).ToList();
        Assert.Equal(["CheckInUndone", "Exported", "SignedIn"], actions);
        var first = page.QuerySelector("table.audit tbody tr")!;
        Assert.Contains(Organisers.Email, first.TextContent);
        Assert.Contains("Perui saapumismerkinnän", first.TextContent);
        Assert.Contains("Yhdessä yksinäisyyttä vastaan", first.TextContent);
        Assert.DoesNotContain("Ääkkönen", page.Text("table.audit"));
        Assert.DoesNotContain("aino@", page.Text("table.audit"));
    }

    [Fact]
    public async Task AFailedMessageIsShownWithItsRecipientAndErrorAndCanBeSentAgain()
    {
        var bertil = await _app.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "bertil@example.fi"));
        await Eventually.TrueAsync(async () => await _app.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent)), "all sent");
        await _app.WithDbAsync(db => db.OutgoingEmails.Where(e => e.RegistrationId == bertil.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Failed).SetProperty(e => e.Attempts, 10).SetProperty(e => e.LastError, "SMTP 550: mailbox unavailable")));
        Assert.Contains("1 sähköpostia jäi lähettämättä", (await Html.GetAsync(_organiser, "/organiser")).Text(".notice"));

        var page = await Html.GetAsync(_organiser, "/organiser/messages");
        var row = page.QuerySelector("table.failed-messages tbody tr")!;
        Assert.Contains("Bertil Berg", row.TextContent);
        Assert.Contains("bertil@example.fi", row.TextContent);
        Assert.Contains("SMTP 550: mailbox unavailable", row.TextContent);
        Assert.Contains("Jonoon", row.TextContent);
        var response = await Html.SubmitAsync(_organiser, page, new Dictionary<string, string?>(), "form.retry-form");

        Assert.Contains("Viesti on jonossa", (await Html.ParseAsync(response)).Text(".outcome"));
        await Eventually.TrueAsync(async () => await _app.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent)), "sent again");
        Assert.Equal(1, (await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.RegistrationId == bertil.Id))).Attempts);
        Assert.Equal(1, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.EmailRequeued)));
        Assert.NotNull((await Html.GetAsync(_organiser, "/organiser/messages")).QuerySelector(".no-failed"));
    }
}

/// <summary>The same erasure and purge tests on PostgreSQL.</summary>
public sealed class PersonalDataTestsOnPostgreSQL() : PersonalDataTests(DatabaseProvider.PostgreSQL);
