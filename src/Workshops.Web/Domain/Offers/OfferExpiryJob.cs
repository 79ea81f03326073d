using Microsoft.Extensions.Options;

namespace Workshops.Web.Domain.Offers;

/// <summary>Settings under <c>Offers__…</c>.</summary>
public sealed class OfferOptions
{
    public const string Section = "Offers";

    /// <summary>
    /// Seconds between two looks for offers whose time to answer has run out. An expired offer holds its seat at most this
    /// long past its deadline (an accept arriving meanwhile is refused and passes the seat on itself); 1–3600.
    /// </summary>
    public int ScanIntervalSeconds { get; set; } = 60;
}

/// <summary>
/// Runs <see cref="OfferService.ExpireDueAsync"/> at start-up and every <see cref="OfferOptions.ScanIntervalSeconds"/> on the
/// injected clock. Several instances each run it; one of them does each run (<see cref="Data.ScheduledJobLock"/>), and a run
/// that finds an offer already ended does nothing to it.
/// </summary>
public sealed class OfferExpiryJob(
    IServiceScopeFactory scopes,
    IOptions<OfferOptions> options,
    TimeProvider time,
    ILogger<OfferExpiryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Clamp(options.Value.ScanIntervalSeconds, 1, 3600));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<OfferService>().ExpireDueAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Seat offers: {Count} expired and passed on", expired);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unavailable: the next run finds the same offers still due.
                logger.LogError(ex, "Seat offer expiry failed");
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
