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

    /// <summary>Sends every due message; returns how long to wait before the next one is due.</summary>
    public async Task<TimeSpan> SendDueAsync(CancellationToken ct)
    {
        await RequeueStaleAsync(ct);
        while (await NextDueAsync(ct) is { } id)
        {
            await SendOneAsync(id, ct);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        var next = await db.OutgoingEmails
            .Where(e => e.State == EmailState.Queued)
            .OrderBy(e => e.NextAttemptAtUtc)
            .Select(e => (DateTime?)e.NextAttemptAtUtc)
            .FirstOrDefaultAsync(ct);
        return IdleWait(next, time.GetUtcNow().UtcDateTime, options.Value.PollInterval);
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

    private async Task<Guid?> NextDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var id = await db.OutgoingEmails
            .Where(e => e.State == EmailState.Queued && e.NextAttemptAtUtc <= now)
            .OrderBy(e => e.NextAttemptAtUtc).ThenBy(e => e.CreatedAtUtc)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(ct);
        return id;
    }

    private async Task SendOneAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<OutboxSender>();
        if (!await sender.ClaimAsync(id, ct))
        {
            return;
        }

        MimeKit.MimeMessage? prepared;
        try
        {
            prepared = await sender.PrepareAsync(id, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // A message that cannot be composed never will be: fail it now so it cannot hold up the others.
            logger.LogError(ex, "Outbox: message {MessageId} could not be composed", id);
            await sender.MarkFailedAttemptAsync(id, $"Could not compose the message ({ex.GetType().Name}: {ex.Message})", permanent: true, ct);
            return;
        }

        if (prepared is null)
        {
            return;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<IEmailTransport>().SendAsync(prepared, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await sender.MarkFailedAttemptAsync(id, Reason(ex), permanent: !IsTemporary(ex), ct);
            return;
        }

        await sender.MarkSentAsync(id, ct);
        logger.LogInformation("Outbox: message {MessageId} sent", id);
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
