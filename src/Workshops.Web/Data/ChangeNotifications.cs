using System.Data.Common;
using Npgsql;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Data;

/// <summary>
/// PostgreSQL: after every committed write, tells the other instances (<c>NOTIFY workshops_changed</c>, with this
/// instance's id as payload so it can ignore its own) that public pages may have changed.
/// </summary>
public sealed class PostgresChangeNotifier(DatabaseSettings settings, ILogger<PostgresChangeNotifier> logger) : ICommitObserver
{
    public const string Channel = "workshops_changed";

    /// <summary>Tells this process's notifications from the others'.</summary>
    public static readonly string InstanceId = Guid.NewGuid().ToString("N");

    public async ValueTask AfterCommitAsync(CommitScope scope, CancellationToken ct)
    {
        if (scope == CommitScope.NoPublicChange)
        {
            return; // nothing another instance caches changed
        }

        try
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"SELECT pg_notify('{Channel}', @instance)", connection);
            command.Parameters.AddWithValue("instance", InstanceId);
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or DbException or TimeoutException)
        {
            // The write is durable; the other instances' caches catch up when their listener reconnects (it evicts then).
            logger.LogWarning(ex, "Could not notify the other instances of a change");
        }
    }
}

/// <summary>
/// PostgreSQL: LISTENs on <see cref="PostgresChangeNotifier.Channel"/> and evicts this instance's public cache when
/// another instance changed data. After a lost connection it evicts once (a notification may have been missed).
/// </summary>
public sealed class PostgresChangeListener(DatabaseSettings settings, PublicCache cache, ILogger<PostgresChangeListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString)
                {
                    KeepAlive = 30,
                    Pooling = false,
                }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != PostgresChangeNotifier.InstanceId)
                    {
                        _ = cache.InvalidateAsync(CancellationToken.None).AsTask();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChangeNotifier.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                await cache.InvalidateAsync(stoppingToken);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or DbException or IOException or TimeoutException)
            {
                logger.LogWarning(ex, "Change listener lost its connection; reconnecting");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
