using System.Net;
using Microsoft.Data.Sqlite;
using Workshops.Tests.Support;

namespace Workshops.Tests.Data;

/// <summary>The real site as a process, killed with SIGKILL in the middle of a rush of registrations.</summary>
public sealed class CrashTests
{
    private const string Slug = "rauma-yksinaisyys";

    [Fact]
    public async Task KillingTheProcessMidBurstLosesNoAcknowledgedRegistrationAndNeverOverbooks()
    {
        using var folder = new TestFolder();
        var acknowledged = new List<string>();
        using (var app = await AppProcess.StartAsync(folder))
        {
            await ExecuteAsync(folder, "UPDATE Workshops SET Capacity = 10 WHERE Slug = 'rauma-yksinaisyys'");

            // 80 people open the form, then all press the button at once; the process dies after the 25th answer.
            var people = await Task.WhenAll(Enumerable.Range(0, 80).Select(async i =>
            {
                var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
                {
                    BaseAddress = app.BaseAddress,
                };
                var form = await Html.ParseAsync(await client.GetAsync($"/workshops/{Slug}"));
                return (Client: client, Form: form, Email: $"rush{i:00}@example.fi");
            }));
            var answered = 0;
            var killNow = new TaskCompletionSource();
            var posts = people.Select(async p =>
            {
                try
                {
                    var response = await Html.SubmitAsync(p.Client, p.Form, People.Registration(email: p.Email));
                    if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.EndsWith("/registered", StringComparison.Ordinal))
                    {
                        lock (acknowledged)
                        {
                            acknowledged.Add(p.Email);
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // the process died under this request: not acknowledged
                }
                finally
                {
                    if (Interlocked.Increment(ref answered) == 25)
                    {
                        killNow.SetResult();
                    }
                }
            }).ToList();
            await killNow.Task;
            app.Kill();
            await Task.WhenAll(posts);
        }

        Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} acknowledged before the kill");

        // Restart on the same file: migrations and seed run again over the surviving data.
        using (await AppProcess.StartAsync(folder))
        {
            var rows = await QueryAsync(folder, """
                SELECT r.Email, r.Status FROM Registrations r JOIN Workshops w ON w.Id = r.WorkshopId WHERE w.Slug = 'rauma-yksinaisyys'
                """);
            var byEmail = rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(acknowledged, email => Assert.Equal(1, byEmail.GetValueOrDefault(email)));
            Assert.All(byEmail, kv => Assert.Equal(1, kv.Value));
            Assert.InRange(rows.Count(r => r[1] == "Confirmed"), 1, 10);

            // Every stored registration has its message in the outbox: none lost with the process.
            var withoutMessage = await QueryAsync(folder, """
                SELECT r.Id FROM Registrations r WHERE NOT EXISTS (SELECT 1 FROM OutgoingEmails e WHERE e.RegistrationId = r.Id)
                """);
            Assert.Empty(withoutMessage);
            Assert.Equal("ok", (await QueryAsync(folder, "PRAGMA integrity_check"))[0][0]);
        }
    }

    private static async Task ExecuteAsync(TestFolder folder, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "workshops.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 10000; " + sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string[]>> QueryAsync(TestFolder folder, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "workshops.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString()!).ToArray());
        }

        return rows;
    }
}
