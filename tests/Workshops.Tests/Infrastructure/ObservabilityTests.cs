using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Email;

namespace Workshops.Tests.Infrastructure;

/// <summary>Metrics for organisers, health by part, and the change notice other instances listen to.</summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task MetricsCountARegistrationAndAreOnlyForSignedInOrganisers()
    {
        using var app = new WorkshopsFactory();
        await RegistrationSteps.ThroughFormAsync(app, "Aino Ääkkönen", "aino@example.fi");

        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/organiser/metrics");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/organiser/sign-in", refused.Headers.Location!.OriginalString);

        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.State == EmailState.Sent)), "the confirmation was sent");
        var organiser = await Organisers.SignedInAsync(app);
        var scrape = await organiser.GetStringAsync("/organiser/metrics");
        var line = scrape.Split('\n').Single(l => l.StartsWith("workshops_registrations{", StringComparison.Ordinal)
            && l.Contains("status=\"Confirmed\"", StringComparison.Ordinal) && l.Contains("workshop=\"rauma-yksinaisyys\"", StringComparison.Ordinal));
        Assert.EndsWith(" 1", line.Split(" # ")[0].TrimEnd());
        Assert.Contains("workshops_outbox_messages{", scrape);
        Assert.Contains("workshops_outbox_send_latency_seconds{otel_scope_name=\"Workshops\",quantile=\"1\"}", scrape);
        Assert.Contains("http_server_request_duration_seconds", scrape);
    }

    [Fact]
    public async Task AScrapeHoldsOnlyItsOwnSitesFiguresWhenAnotherSiteRunsInTheSameProcess()
    {
        // OpenTelemetry listens to meters by name across the process: without the scope view, the second site's
        // gauges and request counts appeared in the first one's scrape under the same names and labels.
        using var first = new WorkshopsFactory();
        using var second = new WorkshopsFactory();
        await RegistrationSteps.ThroughFormAsync(first, "Aino Ääkkönen", "aino@example.fi");
        await RegistrationSteps.ThroughFormAsync(second, "Bertil Berg", "bertil@example.fi");
        await RegistrationSteps.ThroughFormAsync(second, "Cecilia Carlsson", "cecilia@example.fi");

        var scrape = await (await Organisers.SignedInAsync(first)).GetStringAsync("/organiser/metrics");
        var lines = scrape.Split('\n').Where(l => l.StartsWith("workshops_registrations{", StringComparison.Ordinal)
            && l.Contains("workshop=\"rauma-yksinaisyys\"", StringComparison.Ordinal)).ToList();
        var confirmed = Assert.Single(lines);
        Assert.Contains("status=\"Confirmed\"", confirmed);
        Assert.EndsWith(" 1", confirmed.Split(" # ")[0].TrimEnd());
    }

    [Fact]
    public async Task AStalledOutboxIsUnhealthyWhileTheDatabaseIsHealthy()
    {
        // A site whose sender has stopped: messages are queued and nobody sends them.
        using var app = new WorkshopsFactory(services: s =>
        {
            var dispatcher = s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxDispatcher));
            s.Remove(dispatcher);
        });
        await RegistrationSteps.ThroughFormAsync(app, "Aino Ääkkönen", "aino@example.fi");
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/outbox")).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/database")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task UnderPostgreSqlEveryCommittedChangeIsAnnouncedToTheOtherInstances()
    {
        using var app = new WorkshopsFactory(new TestFolder(DatabaseProvider.PostgreSQL));
        _ = app.Services;
        await using var listener = new NpgsqlConnection(app.Folder.PostgresConnectionString);
        await listener.OpenAsync();
        var received = new TaskCompletionSource<string>();
        listener.Notification += (_, e) => received.TrySetResult(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChangeNotifier.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await RegistrationSteps.ThroughFormAsync(app, "Aino Ääkkönen", "aino@example.fi");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!received.Task.IsCompleted)
        {
            await listener.WaitAsync(timeout.Token);
        }

        Assert.Equal(PostgresChangeNotifier.InstanceId, await received.Task);
    }
}
