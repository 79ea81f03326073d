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
    /// <summary>Delays after the 1st, 2nd, … failed try: short at first so a brief outage heals quickly.</summary>
    public static readonly TimeSpan[] RetryDelays =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2),
    ];

    public static TimeSpan DelayAfter(int attempts) => RetryDelays[Math.Clamp(attempts - 1, 0, RetryDelays.Length - 1)];

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
        var poll = options.Value.PollInterval;
        if (next is null)
        {
            return poll;
        }

        var untilNext = next.Value - time.GetUtcNow().UtcDateTime;
        return untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext < poll ? untilNext : poll;
    }

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
        var prepared = await sender.ClaimAndPrepareAsync(id, ct);
        if (prepared is null)
        {
            return;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<IEmailTransport>().SendAsync(prepared, ct);
            await sender.MarkSentAsync(id, ct);
            logger.LogInformation("Outbox: message {MessageId} sent", id);
        }
        catch (Exception ex) when (IsTemporary(ex))
        {
            await sender.MarkFailedAttemptAsync(id, ex, permanent: false, ct);
        }
        catch (Exception ex) when (ex is SmtpCommandException or FormatException or ArgumentException)
        {
            await sender.MarkFailedAttemptAsync(id, ex, permanent: true, ct);
        }
    }

    /// <summary>Temporary: the server was unreachable, slow, or answered 4xx. A 5xx refusal is permanent.</summary>
    public static bool IsTemporary(Exception ex) => ex switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or SslHandshakeException => true,
        SocketException or IOException or TimeoutException => true,
        OperationCanceledException => false,
        _ => false,
    };
}
