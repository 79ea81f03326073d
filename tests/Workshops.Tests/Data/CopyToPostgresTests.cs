using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Data;

/// <summary>
/// Moving up (<c>copy-to-postgresql</c>): a SQLite site with a row in every table of the model, copied by the real
/// command into an empty PostgreSQL database, compared table by table and column by column, then served from there.
/// </summary>
public sealed class CopyToPostgresTests
{
    [Fact]
    public async Task EveryTableOfTheModelArrivesRowForRowAndTheSiteCarriesOnFromPostgreSQL()
    {
        // Nothing listens on this port: every message is tried once (its manage link minted) and waits in the outbox.
        var mailServerDown = new TestSmtpServer();
        using var folder = new TestFolder();
        List<(string Email, string Status, long Id)> before;
        using (var sqlite = new WorkshopsFactory(folder, mailServerDown.Settings))
        {
            await EveryTable.PopulateAsync(sqlite);
            await Eventually.TrueAsync(() => sqlite.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Queued && e.Attempts == 1)), "every message tried once");
            Assert.Empty(await sqlite.WithDbAsync(EveryTable.EmptyTablesAsync));
            before = await sqlite.RegistrationsInFileAsync(EveryTable.Slug);
        }

        using var target = new TestFolder(DatabaseProvider.PostgreSQL);

        var (exitCode, stdout, stderr) = await AppProcess.RunCommandAsync(folder, Commands.CopyToPostgres, "--to", target.PostgresConnectionString!);

        Assert.True(exitCode == 0, stderr);
        Assert.EndsWith("Copied and counted. Now start the site with Database__Provider=PostgreSQL and this connection string.", stdout);
        await using (var from = TableRows.Sqlite(Path.Combine(folder.Path, "workshops.db")))
        await using (var to = TableRows.Postgres(target.PostgresConnectionString!))
        {
            foreach (var table in from.Model.GetRelationalModel().Tables)
            {
                var expected = await TableRows.ReadAsync(from, table);
                var actual = await TableRows.ReadAsync(to, table);
                Assert.True(expected.Count == actual.Count, $"{table.Name}: {expected.Count} rows in SQLite, {actual.Count} in PostgreSQL");
                Assert.Contains($"{table.Name}: {expected.Count} rows", stdout.Split('\n').Select(l => l.Trim()));
                var columns = table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Name).ToList();
                for (var row = 0; row < expected.Count; row++)
                {
                    for (var column = 0; column < columns.Count; column++)
                    {
                        Assert.True(expected[row][column] == actual[row][column],
                            $"{table.Name}.{columns[column]}, row {row + 1}: SQLite has '{expected[row][column]}', PostgreSQL '{actual[row][column]}'");
                    }
                }
            }

            // Every identity sequence continues after the highest copied id.
            foreach (var table in to.Model.GetRelationalModel().Tables)
            {
                foreach (var column in CopyPlan.IdentityColumns(table))
                {
                    var nextSql = $"SELECT nextval(pg_get_serial_sequence('\"{table.Name}\"', '{column.Name}')) AS \"Value\"";
                    var highestSql = $"SELECT COALESCE(MAX(\"{column.Name}\"), 0)::bigint AS \"Value\" FROM \"{table.Name}\"";
                    var next = await to.Database.SqlQueryRaw<long>(nextSql).SingleAsync();
                    var highest = await to.Database.SqlQueryRaw<long>(highestSql).SingleAsync();
                    Assert.True(next > highest, $"{table.Name}.{column.Name}: the sequence gives {next}, the highest copied id is {highest}");
                }
            }
        }

        // A second copy into the now full database is refused, and changes nothing.
        var (again, _, refusal) = await AppProcess.RunCommandAsync(folder, Commands.CopyToPostgres, "--to", target.PostgresConnectionString!);
        Assert.Equal(1, again);
        Assert.Contains("not empty", refusal);

        using var postgres = new WorkshopsFactory(target);
        Assert.Equal(before, await postgres.RegistrationsInFileAsync(EveryTable.Slug));

        // The queued messages are there and go out from PostgreSQL, with the manage links minted before the move.
        await Eventually.TrueWhileAdvancingAsync(postgres.Time, TimeSpan.FromSeconds(10),
            () => postgres.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent)), "the copied outbox is sent");
        var mails = Directory.GetFiles(postgres.PickupDirectory, "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(
            [EveryTable.Aino.Email, EveryTable.Aino.Email, EveryTable.Aino.Email, EveryTable.Bertil.Email, EveryTable.Bertil.Email, EveryTable.Bertil.Email, EveryTable.Kaija.Email],
            mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Equal(2, mails.Count(m => m.Subject == EveryTable.MessageSubject));
        var feedbackRequest = mails.Single(m => m.Subject?.StartsWith("Miten työpaja onnistui?", StringComparison.Ordinal) == true);
        Assert.Equal(EveryTable.Aino.Email, feedbackRequest.To.Mailboxes.Single().Address);
        var confirmation = mails.Single(m => m.To.Mailboxes.Single().Address == EveryTable.Aino.Email && m.Subject != EveryTable.MessageSubject && m != feedbackRequest);
        var manage = await Html.GetAsync(postgres.Browser(), Mail.ManagePath(confirmation));
        Assert.Contains("Olit mukana: saapumisesi kirjattiin", manage.Text("main")); // the workshop was held yesterday

        // The organiser signs in with the copied account and finds the feedback and the proposals.
        var organiser = postgres.Browser();
        var signIn = await Organisers.SubmitSignInAsync(organiser, Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", signIn.RequestMessage!.RequestUri!.AbsolutePath);
        var outcomes = await Html.GetAsync(organiser, "/organiser/outcomes");
        Assert.Contains(EveryTable.Worked, outcomes.Text($"ul.feedback-texts[data-slug='{EveryTable.Slug}']"));
        Assert.Equal(1, await postgres.WithDbAsync(db => db.Proposals.CountAsync(p => p.State == ProposalState.Merged && p.MergedIntoId > p.Id)));

        // New rows continue after the copied ids.
        // (on the autumn webinar: EveryTable's workshop has been held and takes nobody new).
        const string Webinar = "korkeakoulut-ja-yritykset-webinaari";
        await RegistrationSteps.DirectAsync(postgres, RegistrationSteps.Request("Cecilia Carlsson", "cecilia@example.fi"), Webinar);
        var after = await postgres.RegistrationsInFileAsync(Webinar);
        Assert.True(after[^1].Id > before[^1].Id);
    }

    [Fact]
    public async Task AFailedCopyCommitsNothingAndExitsWithAnError()
    {
        using var folder = new TestFolder();
        using (var sqlite = new WorkshopsFactory(folder))
        {
            await RegistrationSteps.DirectAsync(sqlite, RegistrationSteps.Request("Aino Ääkkönen", "aino@example.fi"));
            // SQLite does not enforce a column's length and PostgreSQL does: the copy stops at the registrations,
            // after the workshops were already written.
            await sqlite.WithDbAsync(db => db.Registrations.ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, new string('x', Registration.NameMaxLength + 1))));
        }

        using var target = new TestFolder(DatabaseProvider.PostgreSQL);

        var (exitCode, stdout, stderr) = await AppProcess.RunCommandAsync(folder, Commands.CopyToPostgres, "--to", target.PostgresConnectionString!);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Error: nothing was copied (rolled back): Registrations: ", stderr);
        Assert.DoesNotContain("Copied", stdout);
        await using var to = TableRows.Postgres(target.PostgresConnectionString!);
        foreach (var table in to.Model.GetRelationalModel().Tables)
        {
            Assert.Empty(await TableRows.ReadAsync(to, table));
        }
    }

    [Fact]
    public void TheCopyOrderComesFromTheModelsForeignKeys()
    {
        using var db = new PostgresWorkshopsDbContextFactory().CreateDbContext([]);
        var model = db.Model.GetRelationalModel();

        var plan = CopyPlan.Of(model);

        Assert.Equal(model.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), plan.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var table in plan.Tables)
        {
            foreach (var foreignKey in table.ForeignKeyConstraints.Except(plan.FilledInAfterwards))
            {
                Assert.True(Index(foreignKey.PrincipalTable) < Index(table), $"{table.Name} is copied before {foreignKey.PrincipalTable.Name}");
            }
        }

        // A proposal merged into a later one refers to a row not yet copied: that column is filled in at the end.
        var proposals = model.FindTable(db.Model.FindEntityType(typeof(Proposal))!.GetTableName()!, null)!;
        Assert.Equal([(proposals, proposals)], plan.FilledInAfterwards.Select(fk => (fk.Table, fk.PrincipalTable)));

        int Index(ITable table) => plan.Tables.ToList().IndexOf(table);
    }
}
