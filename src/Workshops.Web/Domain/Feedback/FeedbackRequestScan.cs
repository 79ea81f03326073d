using Microsoft.Extensions.Options;

namespace Workshops.Web.Domain.Feedback;

/// <summary>
/// The background job that sends feedback requests: at start-up and then every <see cref="FeedbackOptions.ScanInterval"/>
/// on the injected <see cref="TimeProvider"/>, it asks <see cref="FeedbackService.RequestDueAsync"/> to queue what is due.
/// Each person's "feedback requested at" is written with their outbox row, so a restart or a second instance asks no one twice.
/// Off when <see cref="FeedbackOptions.Enabled"/> is false.
/// </summary>
public sealed class FeedbackRequestScan(
    IServiceScopeFactory scopes,
    IOptions<FeedbackOptions> options,
    TimeProvider time,
    ILogger<FeedbackRequestScan> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Feedback requests: automatic sending is off (Feedback__Enabled=false)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the next round catches up (the rule is by time, not by event).
                logger.LogError(ex, "Feedback request scan failed");
            }

            try
            {
                await Task.Delay(options.Value.ScanInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round; returns how many requests were queued.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<FeedbackService>().RequestDueAsync(ct);
        if (queued > 0)
        {
            logger.LogInformation("Feedback requests: {Count} queued", queued);
        }

        return queued;
    }
}
