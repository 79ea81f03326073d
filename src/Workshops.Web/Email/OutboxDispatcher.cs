using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;

namespace Workshops.Web.Email;

/// <summary>
/// Sends what the outbox holds: Queued → Sending → Sent, or back to Queued with a growing delay on a
/// temporary failure, or Failed after the last try or on a permanent refusal. Messages are sent only
/// after the change that caused them was committed, and a crash mid-send puts the row back in the
/// queue after <see cref="EmailOptions.SendingTimeout"/>.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be briefly unavailable (locked, read-only disk): try again later.
                logger.LogError(ex, "Outbox round failed");
                wait = options.Value.PollInterval;
            }

            try
            {
                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends every due message, in batches of <see cref="EmailOptions.BatchSize"/>: each batch is claimed in one
    /// transaction, rendered from one read with its links' tokens saved in one write, and sent through one transport
    /// session (one SMTP connection), all in one service scope. Each message is marked sent as soon as the transport
    /// accepted it, so a crash re-sends at most the one message in flight, as before batching. Returns how long to wait
    /// before the next message is due.
    /// </summary>
    public async Task<TimeSpan> SendDueAsync(CancellationToken ct)
    {
        await RequeueStaleAsync(ct);
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var queue = scope.ServiceProvider.GetRequiredService<OutboxQueue>();
            var claimed = await queue.ClaimDueAsync(options.Value.BatchSize, ct);
            if (claimed.Count == 0)
            {
                var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
                var next = await db.OutgoingEmails
                    .Where(e => e.State == EmailState.Queued)
                    .OrderBy(e => e.NextAttemptAtUtc)
                    .Select(e => (DateTime?)e.NextAttemptAtUtc)
                    .FirstOrDefaultAsync(ct);
                return IdleWait(next, time.GetUtcNow().UtcDateTime, options.Value.PollInterval);
            }

            await SendBatchAsync(scope.ServiceProvider, queue, claimed, ct);
        }
    }

    private async Task SendBatchAsync(IServiceProvider services, OutboxQueue queue, IReadOnlyList<Guid> claimed, CancellationToken ct)
    {
        var untried = claimed.ToList();
        try
        {
            var prepared = await services.GetRequiredService<OutboxSender>().PrepareBatchAsync(claimed, ct);
            await using var session = services.GetRequiredService<IEmailTransport>().OpenSession();
            foreach (var message in prepared)
            {
                untried.Remove(message.Id);
                await SendPreparedAsync(queue, session, message, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: what this batch has not tried yet goes back to the queue now, not after the sending timeout.
            // The one in flight stays Sending: the server may have accepted it, so only the timeout may send it again.
            await queue.ReleaseAsync(untried, CancellationToken.None);
            throw;
        }
    }

    private async Task SendPreparedAsync(OutboxQueue queue, IEmailSession session, PreparedEmail prepared, CancellationToken ct)
    {
        var (id, message, error) = prepared;
        if (error is not null)
        {
            // A message that cannot be composed never will be: fail it now so it cannot hold up the others.
            logger.LogError(error, "Outbox: message {MessageId} could not be composed", id);
            await queue.MarkFailedAttemptAsync(id, $"Could not compose the message ({error.GetType().Name}: {error.Message})", permanent: true, ct);
            return;
        }

        if (message is null)
        {
            return;
        }

        try
        {
            await session.SendAsync(message, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await queue.MarkFailedAttemptAsync(id, Reason(ex), permanent: !IsTemporary(ex), ct);
            return;
        }

        await queue.MarkSentAsync(id, ct);
        logger.LogInformation("Outbox: message {MessageId} sent", id);
    }

    /// <summary>
    /// The wait before the next round: until the next queued message is due, but never longer than the poll
    /// interval (a message queued by another process is found) and never less than a moment (no tight loop).
    /// </summary>
    public static TimeSpan IdleWait(DateTime? nextDueUtc, DateTime nowUtc, TimeSpan pollInterval)
    {
        if (nextDueUtc is null)
        {
            return pollInterval;
        }

        var untilNext = nextDueUtc.Value - nowUtc;
        return untilNext < MinimumWait ? MinimumWait : untilNext < pollInterval ? untilNext : pollInterval;
    }

    /// <summary>Even when something is due at once (another sender holds it), the loop pauses this long.</summary>
    public static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(100);

    private async Task RequeueStaleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        var staleBefore = time.GetUtcNow().UtcDateTime - options.Value.SendingTimeout;
        var requeued = await db.OutgoingEmails
            .Where(e => e.State == EmailState.Sending && e.ClaimedAtUtc < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Queued), ct);
        if (requeued > 0)
        {
            logger.LogWarning("Outbox: {Count} messages were left sending (crash?) and are queued again", requeued);
        }
    }

    /// <summary>What the organisers see on the failed-messages page.</summary>
    public static string Reason(Exception error) => error is SmtpCommandException command
        ? $"SMTP {(int)command.StatusCode}: {command.Message}"
        : $"{error.GetType().Name}: {error.Message}";

    /// <summary>Temporary: the server was unreachable, slow, or answered 4xx. A 5xx refusal is permanent.</summary>
    public static bool IsTemporary(Exception ex) => ex switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or SslHandshakeException => true,
        SocketException or IOException or TimeoutException => true,
        // Not our shutdown (that is filtered out before): a timeout inside the client.
        OperationCanceledException => true,
        _ => false,
    };
}
