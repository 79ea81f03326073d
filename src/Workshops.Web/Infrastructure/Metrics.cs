using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Email;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// OpenTelemetry metrics with a Prometheus scrape endpoint for signed-in organisers and, when <c>Metrics__BearerToken</c>
/// is set, for a scraper presenting it (<see cref="MetricsTokenHandler"/>). The figures about registrations
/// and the outbox are read from the database at scrape time, so every instance reports the same numbers; request
/// durations (by page route) are per instance. The scrape holds only this host's instruments: OpenTelemetry listens to
/// meters by name across the whole process, so a second host in the same process (the test suite runs many) would
/// otherwise add its own gauges and request counts to this one's, under the same names and labels.
/// </summary>
public static class Metrics
{
    public const string MeterName = "Workshops";
    public const string Path = "/organiser/metrics";

    /// <summary>The endpoint's rule: a signed-in organiser, or the scraper's bearer token.</summary>
    public const string Policy = "Metrics";

    public static IServiceCollection AddWorkshopsMetrics(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseGauges>();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, MetricsTokenHandler>(MetricsTokenHandler.SchemeName, null);
        // The cookie first, the token last: a request that sent a wrong token gets the token's 401, not the sign-in page.
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme, MetricsTokenHandler.SchemeName)
            .RequireAuthenticatedUser());
        services.AddOpenTelemetry().WithMetrics(m => ((IDeferredMeterProviderBuilder)m).Configure((provider, builder) =>
            {
                // Meters made through a host's IMeterFactory (ASP.NET Core's and ours) carry that factory as their
                // scope; those of another host's factory are dropped. Meters made without a factory have no scope.
                var own = provider.GetRequiredService<IMeterFactory>();
                builder.AddView(instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own)
                    ? MetricStreamConfiguration.Drop
                    : null);
            })
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
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(Policy);
        return app;
    }

    /// <summary>
    /// Gauges read with one small query each when Prometheus scrapes. The meter belongs to the host's IMeterFactory,
    /// which disposes it with the container.
    /// </summary>
    internal sealed class DatabaseGauges
    {
        private readonly Meter _meter;
        private readonly IServiceScopeFactory _scopes;

        public DatabaseGauges(IServiceScopeFactory scopes, IMeterFactory meters, TimeProvider time)
        {
            _scopes = scopes;
            _meter = meters.Create(MeterName);
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
