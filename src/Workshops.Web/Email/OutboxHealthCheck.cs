using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;

namespace Workshops.Web.Email;

/// <summary>
/// The outbox is stalled when a message has been due for longer than a sender round plus the sending timeout, or has
/// been "sending" for twice the timeout: no instance is sending (dispatcher stopped, or every instance down but this one's
/// web part). Retries waiting for their time and messages failed for good do not count: those are the mail server's state.
/// </summary>
internal sealed class OutboxHealthCheck(WorkshopsDbContext db, IOptions<EmailOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dueBefore = now - options.Value.PollInterval - options.Value.SendingTimeout;
        var claimedBefore = now - (2 * options.Value.SendingTimeout);
        try
        {
            var stalled = await db.OutgoingEmails.CountAsync(e =>
                (e.State == EmailState.Queued && e.NextAttemptAtUtc < dueBefore)
                || (e.State == EmailState.Sending && e.ClaimedAtUtc < claimedBefore), cancellationToken);
            return stalled == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"outbox stalled: {stalled} messages overdue");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("outbox unreadable", ex);
        }
    }
}
