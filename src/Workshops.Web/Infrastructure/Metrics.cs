using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Email;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// OpenTelemetry metrics with a Prometheus scrape endpoint behind the organiser rule. The figures about registrations
/// and the outbox are read from the database at scrape time, so every instance reports the same numbers; request
/// durations (by page route) are per instance.
/// </summary>
public static class Metrics
{
    public const string MeterName = "Workshops";
    public const string Path = "/organiser/metrics";

    public static IServiceCollection AddWorkshopsMetrics(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseGauges>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(MeterName)
            .AddAspNetCoreInstrumentation()
            // The site has no Blazor UI: Razor components only render emails (HtmlRenderer). Measuring those renders
            // cost a first-chance OperationCanceledException in ComponentsMetrics.CaptureBatchDuration per render
            // (120-340 a second in a registration rush); dropping the streams leaves the instruments disabled.
            .AddView(instrument => instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
                ? MetricStreamConfiguration.Drop
                : null)
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapWorkshopsMetrics(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<DatabaseGauges>();
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(OrganiserAccess.Policy);
        return app;
    }

    /// <summary>Gauges read with one small query each when Prometheus scrapes.</summary>
    internal sealed class DatabaseGauges : IDisposable
    {
        private readonly Meter _meter = new(MeterName);
        private readonly IServiceScopeFactory _scopes;

        public DatabaseGauges(IServiceScopeFactory scopes, TimeProvider time)
        {
            _scopes = scopes;
            _meter.CreateObservableGauge("workshops.registrations", () => Read(db => db.Registrations
                .GroupBy(r => new { r.Workshop!.Slug, r.Status })
                .Select(g => new { g.Key.Slug, g.Key.Status, Count = g.Count() }).ToList()
                .Select(g => new Measurement<int>(g.Count, new("workshop", g.Slug), new("status", g.Status.ToString())))),
                description: "Registrations by workshop and outcome (Confirmed, Waitlisted, Cancelled)");
            _meter.CreateObservableGauge("workshops.waiting_list.length", () => Read(db => db.Registrations
                .Where(r => r.Status == RegistrationStatus.Waitlisted)
                .GroupBy(r => r.Workshop!.Slug)
                .Select(g => new { Slug = g.Key, Count = g.Count() }).ToList()
                .Select(g => new Measurement<int>(g.Count, new KeyValuePair<string, object?>("workshop", g.Slug)))),
                description: "People waiting, per workshop");
            _meter.CreateObservableGauge("workshops.outbox.messages", () => Read(db => db.OutgoingEmails
                .GroupBy(e => e.State)
                .Select(g => new { State = g.Key, Count = g.Count() }).ToList()
                .Select(g => new Measurement<int>(g.Count, new KeyValuePair<string, object?>("state", g.State.ToString())))),
                description: "Outbox messages by state (Failed: failed for good)");
            _meter.CreateObservableGauge("workshops.outbox.send_latency", () => Read<double>(db =>
            {
                // From the commit that queued a message to the server's acceptance, over the last quarter hour.
                var since = time.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(15);
                var sent = db.OutgoingEmails.Where(e => e.State == EmailState.Sent && e.SentAtUtc >= since)
                    .Select(e => new { e.CreatedAtUtc, SentAtUtc = e.SentAtUtc!.Value }).ToList()
                    .Select(e => (e.SentAtUtc - e.CreatedAtUtc).TotalSeconds).Order().ToList();
                return sent.Count == 0
                    ? []
                    : [new(sent[sent.Count / 2], new KeyValuePair<string, object?>("quantile", "0.5")),
                        new(sent[^1], new KeyValuePair<string, object?>("quantile", "1"))];
            }), unit: "s", description: "Seconds from queueing to sending, median and maximum of the last 15 minutes");
        }

        public void Dispose() => _meter.Dispose();

        private IEnumerable<Measurement<T>> Read<T>(Func<WorkshopsDbContext, IEnumerable<Measurement<T>>> query)
            where T : struct
        {
            using var scope = _scopes.CreateScope();
            try
            {
                return query(scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>()).ToList();
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                return []; // the database check in /healthz reports this
            }
        }
    }
}
