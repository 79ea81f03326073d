using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Results;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Privacy;

/// <summary>
/// Erasure and the retention purge against the whole model: with a row in every table, an erased person's name,
/// address and organisation are looked for in every text column of every table (read with plain SQL), and found nowhere.
/// </summary>
public class ErasureCoverageTests : IAsyncLifetime
{
    private readonly WorkshopsFactory _app;

    public ErasureCoverageTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected ErasureCoverageTests(DatabaseProvider provider) => _app = new WorkshopsFactory(new TestFolder(provider));

    public async Task InitializeAsync()
    {
        await EveryTable.PopulateAsync(_app);
        await Eventually.TrueAsync(() => _app.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent)), "every message sent");
        Assert.Empty(await _app.WithDbAsync(EveryTable.EmptyTablesAsync));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnErasedPersonsNameAddressAndOrganisationAreInNoColumnOfAnyTable()
    {
        var aino = await _app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Email == EveryTable.Aino.Email));
        // An SMTP server's reply that quoted her address, kept with a try that failed.
        await _app.WithDbAsync(db => db.OutgoingEmails.Where(e => e.RegistrationId == aino.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastError, $"550 5.1.1 <{EveryTable.Aino.Email}>: unknown user")));
        Assert.Equal(["Certificates", "FeedbackAnswers", "OutgoingEmails", "Proposals", "RegistrationAnswers", "Registrations"],
            (await FindAsync(EveryTable.Aino)).Select(f => f[..f.IndexOf('.')]).Distinct().Order(StringComparer.Ordinal));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync(aino.WorkshopId, aino.Id, Organisers.Email));
        }

        var left = await FindAsync(EveryTable.Aino);
        Assert.True(left.Count == 0, "still there: " + string.Join("; ", left));
        Assert.Contains($"Registrations.Name: {EveryTable.Bertil.Name}", await FindAsync(EveryTable.Bertil));
        // The proposal she signed stays, without her name and organisation.
        Assert.Equal(2, await _app.WithDbAsync(db => db.Proposals.CountAsync(p => p.Name == null && p.Organisation == null)));
    }

    [Fact]
    public async Task ThePurgeLeavesNoOneOfAWorkshopPastItsRetentionInAnyColumnOfAnyTable()
    {
        var today = DateOnly.FromDateTime(HelsinkiTime.Now(_app.Time));
        await _app.UpdateWorkshopAsync(EveryTable.Slug, w => w.Date = today.AddDays(-91));
        foreach (var person in new[] { EveryTable.Aino, EveryTable.Bertil, EveryTable.Kaija })
        {
            Assert.NotEmpty(await FindAsync(person));
        }

        var erased = await _app.Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None);

        // Two registrations, the proposal Aino signed, Kaija on the list of outside recipients and the results sent to her.
        Assert.Equal(5, erased);
        // What the model marks kept by the purge (a certificate's name, with its reason) stays; nothing else of anyone.
        var kept = await _app.WithDbAsync(db => Task.FromResult(db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Where(c => c.PropertyMappings.Any(m => PersonalColumns.KeptByThePurgeBecause(m.Property) is not null)).Select(c => $"{t.Name}.{c.Name}"))
            .ToHashSet()));
        Assert.Equal(["Certificates.HolderName"], kept);
        foreach (var person in new[] { EveryTable.Aino, EveryTable.Bertil, EveryTable.Kaija })
        {
            var left = (await FindAsync(person)).Where(f => !kept.Contains(f[..f.IndexOf(':')])).ToList();
            Assert.True(left.Count == 0, $"{person.Name} still there: " + string.Join("; ", left));
        }

        Assert.Equal([$"Certificates.HolderName: {EveryTable.Aino.Name}"], await FindAsync(EveryTable.Aino));

        var outside = await _app.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.RegistrationId == null));
        Assert.Equal((null, $"erased-{outside.Id}@invalid", EmailState.Sent), (outside.RecipientName, outside.RecipientEmail!.ToLowerInvariant(), outside.State));
        Assert.Equal(0, await _app.Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnOutsideRecipientTakenOffTheListIsLeftOnlyInTheAuditLogsRecordOfWhoWasMailed()
    {
        var kaija = await _app.WithDbAsync(db => db.OutsideRecipients.AsNoTracking().SingleAsync(r => r.Email == EveryTable.Kaija.Email));
        // An SMTP server's reply that quoted her address, kept with a try that failed.
        await _app.WithDbAsync(db => db.OutgoingEmails.Where(e => e.RegistrationId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastError, $"550 5.1.1 <{EveryTable.Kaija.Email}>: unknown user")));
        Assert.Equal(["AuditEntries.Detail", "OutgoingEmails.LastError", "OutgoingEmails.RecipientEmail", "OutgoingEmails.RecipientName", "OutsideRecipients.Email", "OutsideRecipients.EmailNormalized", "OutsideRecipients.Name"],
            (await FindAsync(EveryTable.Kaija)).Select(f => f[..f.IndexOf(':')]).Distinct().Order(StringComparer.Ordinal));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ResultsService>().EraseRecipientAsync(kaija.WorkshopId, kaija.Id, Organisers.Email));
        }

        // The audit log keeps who was added, mailed and erased until the retention purge (the privacy notice says so).
        var left = await FindAsync(EveryTable.Kaija);
        Assert.NotEmpty(left);
        Assert.All(left, found => Assert.StartsWith("AuditEntries.Detail: ", found));
        var erased = await _app.WithDbAsync(db => db.OutsideRecipients.AsNoTracking().SingleAsync(r => r.Id == kaija.Id));
        Assert.Equal((PersonalData.ErasedName, $"erased-{kaija.Id}@invalid"), (erased.Name, erased.Email));
        Assert.NotNull(erased.ErasedAtUtc);
    }

    /// <summary>"Table.Column: value" for every text cell of every table that holds the person's name, address or organisation.</summary>
    private Task<List<string>> FindAsync(EveryTable.Person person) => _app.WithDbAsync(async db =>
    {
        var needles = new[] { person.Name, person.Email, person.Organisation }.Where(n => n.Length > 0).Select(n => n.Normalize()).ToList();
        var found = new List<string>();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            var columns = table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            foreach (var row in await TableRows.ReadAsync(db, table))
            {
                found.AddRange(columns.Select((c, i) => (c, value: row[i]))
                    .Where(cell => needles.Any(n => cell.value.Normalize().Contains(n, StringComparison.OrdinalIgnoreCase)))
                    .Select(cell => $"{table.Name}.{cell.c.Name}: {cell.value}"));
            }
        }

        return found;
    });
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class ErasureCoverageTestsOnPostgreSQL() : ErasureCoverageTests(DatabaseProvider.PostgreSQL);
