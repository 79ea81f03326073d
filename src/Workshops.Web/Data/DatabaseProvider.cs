using Npgsql;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Data;

/// <summary>Which database the site runs on: <c>Database__Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One file, one process (the default).</summary>
    Sqlite,

    /// <summary>A server; several instances may share it.</summary>
    PostgreSQL,
}

/// <summary>The provider and its connection string, read and checked once at start-up.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderSetting = "Database:Provider";

    public bool IsPostgres => Provider == DatabaseProvider.PostgreSQL;

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration[ProviderSetting];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider))
        {
            throw new ConfigurationException($"Database__Provider: '{providerText}' is not a provider; use Sqlite (the default) or PostgreSQL.");
        }

        var connectionString = configuration.GetConnectionString("Workshops");
        return provider == DatabaseProvider.PostgreSQL
            ? new(provider, CheckPostgres(connectionString))
            : new(provider, DataServiceCollectionExtensions.ResolveConnectionString(
                connectionString ?? DataServiceCollectionExtensions.DefaultConnectionString, contentRoot));
    }

    private static string CheckPostgres(string? connectionString)
    {
        const string Example = "e.g. 'Host=127.0.0.1;Port=5432;Database=workshops;Username=workshops;Password=…'";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ConfigurationException($"ConnectionStrings__Workshops: Database__Provider is PostgreSQL, so give a PostgreSQL connection string, {Example}.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ConfigurationException($"ConnectionStrings__Workshops is not a valid PostgreSQL connection string ({ex.Message}); {Example}.");
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new ConfigurationException($"ConnectionStrings__Workshops needs a Host and a Database for PostgreSQL, {Example}.");
        }

        return builder.ConnectionString;
    }

    /// <summary>A connection failure, possibly wrapped by EF Core's transient-failure detection.</summary>
    public static bool IsUnreachable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A PostgreSQL outage rather than a fault of the request: no connection (refused, reset, timed out, the pool
    /// exhausted) or the server's own "connection exception" (SQLSTATE class 08), shutting down or not yet accepting
    /// connections (57P01-57P03) or out of resources (class 53, e.g. too many connections). A constraint violation or a
    /// bad statement is not one: that stays a 500, since trying again would not help.
    /// </summary>
    public static bool IsOutage(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException or System.Net.Sockets.SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The server could not be reached or refused us: one line naming the setting and the cause.</summary>
    public ConfigurationException Unreachable(Exception ex)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return new ConfigurationException(
            $"ConnectionStrings__Workshops: cannot use PostgreSQL database '{builder.Database}' at {builder.Host}:{builder.Port} ({ex.GetBaseException().Message.TrimEnd('.')}).");
    }
}
