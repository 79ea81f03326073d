using System.Net;
using AngleSharp.Dom;
using MimeKit;
using Npgsql;
using Workshops.Tests.Support;
using Workshops.Web.Data;

namespace Workshops.Tests.Data;

/// <summary>
/// Two real app processes on one PostgreSQL database, one SMTP server: seats exact, every email once, changes
/// seen by both, one proposal per form posted to both at once, one instance killed with SIGKILL while the other goes on,
/// and two people cancelling at once on the two instances promoting exactly two.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private const string Rauma = "rauma-yksinaisyys";
    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";
    private const string Validation = "validointityopaja";

    private readonly TestFolder _folder = new(DatabaseProvider.PostgreSQL);
    private readonly TestSmtpServer _smtp = new();
    private AppProcess _a = null!;
    private AppProcess _b = null!;

    public async Task InitializeAsync()
    {
        _smtp.Start();
        var settings = _smtp.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        settings["Site__PublicBaseUrl"] = "https://workshops.test";
        // Both start at the same moment: one applies the migrations and the seed, the other waits and finds them done.
        var started = await Task.WhenAll(AppProcess.StartAsync(_folder, settings), AppProcess.StartAsync(_folder, settings));
        (_a, _b) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _smtp.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task TwoInstancesShareSeatsEmailsAndChangesAndOneSurvivesTheOthersKill()
    {
        await ExecuteAsync($"""UPDATE "Workshops" SET "Capacity" = 20 WHERE "Slug" = '{Rauma}'""");
        Assert.Equal(5, int.Parse(await ScalarAsync("""SELECT count(*) FROM "Workshops" """), System.Globalization.CultureInfo.InvariantCulture));

        // 200 people: each opens the form on one instance and posts it to the other (shared Data Protection keys).
        var people = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var (formFrom, postTo) = i % 2 == 0 ? (_a, _b) : (_b, _a);
            var client = Client(postTo);
            var form = await Html.GetAsync(client, new Uri(formFrom.BaseAddress, $"/workshops/{Rauma}").ToString());
            return (Client: client, Form: form, Email: $"multi{i:000}@example.fi");
        }));
        var answers = await Task.WhenAll(people.Select(async p =>
            (p.Email, Response: await Html.SubmitAsync(p.Client, p.Form, People.Registration(email: p.Email)))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Response.StatusCode));

        var rows = await TestPostgres.RegistrationsAsync(_folder.PostgresConnectionString!, Rauma);
        Assert.Equal(200, rows.Count);
        Assert.Equal(200, rows.Select(r => r.Email).Distinct().Count());
        // Commit order is id order under the workshop's lock: the first 20 hold the seats, the other 180 wait behind them.
        Assert.All(rows.Take(20), r => Assert.Equal("Confirmed", r.Status));
        Assert.All(rows.Skip(20), r => Assert.Equal("Waitlisted", r.Status));

        // One message each, whichever instance sent it.
        var mail = await ReceiveAsync(200);
        Assert.Equal(rows.Select(r => r.Email).Order(), mail.Select(m => m.To.Mailboxes.Single().Address).Order());
        await Eventually.TrueAsync(async () => await ScalarAsync("""SELECT count(*) FROM "OutgoingEmails" WHERE "State" <> 'Sent'""") == "0", "the outbox is empty");
        Assert.Equal(200, _smtp.ReceivedCount);

        // A cancel on A promotes the first person waiting; both messages go out once.
        var first = mail.Single(m => m.To.Mailboxes.Single().Address == rows[0].Email);
        await CancelAsync(_a, Mail.ManagePath(first));
        var after = (await ReceiveAsync(2)).ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.StartsWith("Ilmoittautumisesi on peruttu:", after[rows[0].Email].Subject);
        Assert.StartsWith("Sinulle vapautui paikka:", after[rows[20].Email].Subject);

        // A seat freed on A shows in B's programme as soon as B hears of the commit.
        await ExecuteAsync($"""UPDATE "Workshops" SET "Capacity" = 3 WHERE "Slug" = '{Webinar}'""");
        var visitor = Client(_b);
        var webinarForm = await Html.GetAsync(visitor, $"/workshops/{Webinar}");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(visitor, webinarForm, People.Registration(email: "webinar@example.fi"))).StatusCode);
        Assert.Equal("2 paikkaa jäljellä", (await Html.GetAsync(Client(_b), $"/workshops/{Webinar}")).Text(".availability"));
        var webinarMail = (await ReceiveAsync(1)).Single();
        await CancelAsync(_a, Mail.ManagePath(webinarMail));
        await ReceiveAsync(1);

        // B hears of A's commit through PostgreSQL's NOTIFY, delivered to B's listener on its own schedule.
        await Eventually.TrueAsync(
            async () => (await Html.GetAsync(Client(_b), $"/workshops/{Webinar}")).Text(".availability") == "3 paikkaa jäljellä",
            "B shows the seat freed on A");

        await OneProposalPerFormPostedToBothAsync();
        await KillOneMidRushAsync();
    }

    /// <summary>
    /// The workshop lock on the cancel path, across instances: a full workshop, and in each round two confirmed people
    /// cancel through their links at the same moment, one on each instance. Each cancel frees a seat and promotes the
    /// first person waiting; without the lock both transactions count one free seat and promote the same person (a
    /// seat left empty, one person told twice). Without the lock about every other round went wrong, so eight rounds
    /// leave the race little room to hide in requests that happened not to overlap.
    /// </summary>
    [Fact]
    public async Task TwoConfirmedPeopleCancellingAtOnceOnTwoInstancesPromoteExactlyTheFirstTwoWaiting()
    {
        const int Rounds = 8;
        const int Capacity = 2 * Rounds;
        await ExecuteAsync($"""UPDATE "Workshops" SET "Capacity" = {Capacity} WHERE "Slug" = '{Rauma}'""");
        // Capacity 16 and 33 people: 17 wait, so each round starts full with at least three waiting.
        for (var i = 0; i < Capacity + Capacity + 1; i++)
        {
            var client = Client(i % 2 == 0 ? _a : _b);
            var form = await Html.GetAsync(client, $"/workshops/{Rauma}");
            Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(client, form, People.Registration(email: $"seat{i:00}@example.fi"))).StatusCode);
        }

        var links = (await ReceiveAsync(Capacity + Capacity + 1)).ToDictionary(m => m.To.Mailboxes.Single().Address, Mail.ManagePath);
        var start = await TestPostgres.RegistrationsAsync(_folder.PostgresConnectionString!, Rauma);
        Assert.Equal(Capacity, start.Count(r => r.Status == "Confirmed"));
        var firstConfirmed = start.Where(r => r.Status == "Confirmed").ToList();

        for (var round = 0; round < Rounds; round++)
        {
            var before = await TestPostgres.RegistrationsAsync(_folder.PostgresConnectionString!, Rauma);
            var waiting = before.Where(r => r.Status == "Waitlisted").Select(r => r.Email).ToList();
            Assert.True(waiting.Count >= 3, $"round {round}: {waiting.Count} waiting");
            var (onA, onB) = (firstConfirmed[2 * round].Email, firstConfirmed[(2 * round) + 1].Email);

            // Both confirmation pages first, then both posts released together.
            var (clientA, clientB) = (Client(_a), Client(_b));
            var (pageA, pageB) = (await Html.GetAsync(clientA, links[onA] + "/cancel"), await Html.GetAsync(clientB, links[onB] + "/cancel"));
            var answers = await Task.WhenAll(
                Html.SubmitAsync(clientA, pageA, new Dictionary<string, string?>()),
                Html.SubmitAsync(clientB, pageB, new Dictionary<string, string?>()));
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"round {round}: cancel answered {a.StatusCode}"));

            var after = (await TestPostgres.RegistrationsAsync(_folder.PostgresConnectionString!, Rauma)).ToDictionary(r => r.Email, r => r.Status);
            Assert.Equal(("Cancelled", "Cancelled"), (after[onA], after[onB]));
            var promoted = waiting.Where(email => after[email] == "Confirmed").ToList();
            Assert.True(waiting.Take(2).SequenceEqual(promoted),
                $"round {round}: promoted [{string.Join(", ", promoted)}], expected the first two waiting [{string.Join(", ", waiting.Take(2))}]");
            Assert.Equal(Capacity, after.Values.Count(s => s == "Confirmed"));

            // One promotion message per person promoted, and none for anyone else: no seat given twice.
            var told = await PromotionMessagesAsync();
            Assert.True(told.Values.All(count => count == 1), $"round {round}: promotion messages per person {string.Join(", ", told.Select(t => $"{t.Key}={t.Value}"))}");
            Assert.Equal(2 * (round + 1), told.Count);
            Assert.True(promoted.All(told.ContainsKey), $"round {round}: a promoted person was not told");
        }
    }

    /// <summary>
    /// A proposal takes no workshop lock, so the same form posted to A and B at the same moment races to the unique form
    /// key: the loser's insert fails, and it answers with the winner's proposal (the same redirect, the thank-you).
    /// </summary>
    private async Task OneProposalPerFormPostedToBothAsync()
    {
        const string Bench = "suomiareena-penkkikahvila";
        for (var i = 0; i < 20; i++)
        {
            var jar = new CookieContainer();
            var (toA, toB) = (Client(_a, jar), Client(_b, jar));
            var form = await Html.GetAsync(toA, $"/workshops/{Bench}/stand");
            var values = new Dictionary<string, string?> { ["Proposal.Text"] = $"Ehdotus {i}" };

            var answers = await Task.WhenAll(
                Html.SubmitAsync(toA, form, values, "form.proposal-form"),
                Html.SubmitAsync(toB, form, values, "form.proposal-form"));

            Assert.All(answers, a => Assert.Equal((HttpStatusCode.Redirect, $"/workshops/{Bench}/stand"), (a.StatusCode, a.Headers.Location?.OriginalString)));
        }

        Assert.Equal("20", await ScalarAsync("""SELECT count(*) FROM "Proposals" """));
        Assert.Equal("20", await ScalarAsync("""SELECT count(DISTINCT "Text") FROM "Proposals" """));
    }

    /// <summary>60 people split over both for 10 seats; B dies after the 20th answer; A keeps answering.</summary>
    private async Task KillOneMidRushAsync()
    {
        await ExecuteAsync($"""UPDATE "Workshops" SET "Capacity" = 10 WHERE "Slug" = '{Validation}'""");
        var people = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var client = Client(i % 2 == 0 ? _a : _b);
            return (Client: client, Form: await Html.GetAsync(client, $"/workshops/{Validation}"), Email: $"kill{i:00}@example.fi", OnA: i % 2 == 0);
        }));
        var acknowledged = new List<string>();
        var answered = 0;
        var killNow = new TaskCompletionSource();
        var posts = people.Select(async p =>
        {
            try
            {
                var response = await Html.SubmitAsync(p.Client, p.Form, People.Registration(email: p.Email));
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add(p.Email);
                    }
                }
            }
            catch (HttpRequestException)
            {
                // B died under this request: not acknowledged
            }
            finally
            {
                if (Interlocked.Increment(ref answered) == 20)
                {
                    killNow.SetResult();
                }
            }
        }).ToList();
        await killNow.Task;
        _b.Kill();
        await Task.WhenAll(posts);

        Assert.True(people.Where(p => p.OnA).All(p => acknowledged.Contains(p.Email)), "A answered everyone who posted to it");
        var late = Client(_a);
        var form = await Html.GetAsync(late, $"/workshops/{Validation}");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(late, form, People.Registration(email: "after@example.fi"))).StatusCode);
        acknowledged.Add("after@example.fi");

        var rows = await TestPostgres.RegistrationsAsync(_folder.PostgresConnectionString!, Validation);
        var stored = rows.GroupBy(r => r.Email).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(acknowledged, email => Assert.Equal(1, stored.GetValueOrDefault(email)));
        Assert.Equal(Math.Min(10, rows.Count), rows.Count(r => r.Status == "Confirmed"));
        Assert.All(rows.Take(10), r => Assert.Equal("Confirmed", r.Status));

        // A sends what B left behind: every stored registration's message arrives (B's in-flight ones after the timeout).
        await Eventually.TrueAsync(
            async () => await ScalarAsync("""SELECT count(*) FROM "OutgoingEmails" WHERE "State" = 'Queued'""") == "0",
            "A sent every queued message", TimeSpan.FromSeconds(60));
    }

    private static HttpClient Client(AppProcess app, CookieContainer? jar = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = jar ?? new CookieContainer() }) { BaseAddress = app.BaseAddress };

    private static async Task CancelAsync(AppProcess app, string managePath)
    {
        var client = Client(app);
        var confirm = await Html.GetAsync(client, managePath + "/cancel");
        var response = await Html.SubmitAsync(client, confirm, new Dictionary<string, string?>());
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"cancel answered {response.StatusCode}");
    }

    private async Task<List<MimeMessage>> ReceiveAsync(int count)
    {
        var messages = new List<MimeMessage>();
        for (var i = 0; i < count; i++)
        {
            messages.Add(await _smtp.NextMessageAsync(TimeSpan.FromSeconds(60)));
        }

        return messages;
    }

    /// <summary>The promotion messages in the outbox (queued or sent), counted per person by address.</summary>
    private async Task<Dictionary<string, int>> PromotionMessagesAsync()
    {
        await using var connection = new NpgsqlConnection(_folder.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r."Email", count(*) FROM "OutgoingEmails" e JOIN "Registrations" r ON r."Id" = e."RegistrationId"
            WHERE e."Kind" = 'Promoted' GROUP BY r."Email"
            """, connection);
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_folder.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_folder.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
