using Microsoft.Extensions.Options;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Domain.Funder;

/// <summary>
/// Runs <see cref="FunderService.SendSelfEntryDueAsync"/> at start-up and every <see cref="FunderOptions.ScanInterval"/> on
/// the injected <see cref="TimeProvider"/>. Each person's email is recorded with its outbox row, so a restart or a second
/// instance sends nobody a second one. Sends nothing while <c>Funder__SelfEntryUrl</c> is not set.
/// </summary>
public sealed class SelfEntryScan(
    IServiceScopeFactory scopes,
    IOptions<FunderOptions> options,
    TimeProvider time,
    ILogger<SelfEntryScan> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SelfEntry is null)
        {
            logger.LogInformation("Funder self-entry emails: Funder__SelfEntryUrl is not set, nothing is sent");
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unavailable; the next round finds the same people still waiting.
                logger.LogError(ex, "Self-entry scan failed");
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

    /// <summary>One round; returns how many self-entry emails were queued.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<FunderService>().SendSelfEntryDueAsync(ct);
        if (queued > 0)
        {
            logger.LogInformation("Funder self-entry emails: {Count} queued", queued);
        }

        return queued;
    }
}
