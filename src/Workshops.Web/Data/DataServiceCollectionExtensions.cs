using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=data/workshops.db";

    public static IServiceCollection AddWorkshopsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = DatabaseSettings.From(configuration, environment.ContentRootPath);
        services.AddSingleton(settings);
        // Interceptors registered in DI (none in the app; tests inject faults through this seam).
        if (settings.IsPostgres)
        {
            services.AddDbContext<WorkshopsDbContext, PostgresWorkshopsDbContext>((sp, o) => o
                .UseNpgsql(settings.ConnectionString)
                .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
            services.AddSingleton<IWorkshopLock, PostgresWorkshopLock>();
            services.AddSingleton<ICommitObserver, PostgresChangeNotifier>();
            services.AddHostedService<PostgresChangeListener>();
        }
        else
        {
            services.AddDbContext<WorkshopsDbContext>((sp, o) => o
                .UseSqlite(settings.ConnectionString)
                // SQLite rebuilds a table to change a column's nullability or add a check constraint (Issue15Proposals
                // does both to OutgoingEmails), with PRAGMA foreign_keys outside the migration's transaction; EF warns
                // about that on every fresh database. The rebuild of a small table takes milliseconds and a backup is
                // taken before an upgrade (docs/operations.md), so it is logged for diagnosis, not as a warning.
                .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)))
                .AddInterceptors(new SqlitePragmas())
                .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
            services.AddSingleton<IWorkshopLock, SqliteWorkshopLock>();
        }

        services.AddSingleton<WriteGate>();
        services.AddWorkshopsDataProtection(configuration, environment);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddScoped<SeedImporter>();
        services.AddScoped<WriteTransaction>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<Email.OutboxHealthCheck>("outbox");
        return services;
    }

    /// <summary>A relative SQLite file is placed under the content root, and its folder is created.</summary>
    public static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ConfigurationException($"ConnectionStrings__Workshops is not a valid SQLite connection string ({ex.Message}).");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ConfigurationException("ConnectionStrings__Workshops needs a Data Source (a SQLite file), e.g. 'Data Source=data/workshops.db'.");
        }

        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Checks the settings, applies migrations, switches the file to WAL and imports the seed.
    /// Throws <see cref="ConfigurationException"/> or <see cref="OptionsValidationException"/> on a bad setting.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        _ = services.GetRequiredService<IOptions<SiteOptions>>().Value;
        _ = services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Email.EmailOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Calendar.CalendarOptions>>().Value;
        _ = services.GetRequiredService<IOptions<MetricsOptions>>().Value;

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (!settings.IsPostgres)
        {
            await SchemaHistory.RefuseUnknownAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            // WAL lets readers go on while a registration holds the write lock; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Domain.Registrations.CheckInService>().FillMissingKeysAsync(ct);
            return;
        }

        try
        {
            // Instances starting together queue on one session lock: the first migrates and seeds, the rest find it done.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgresLocks.StartUp})", ct);
            // On a new database EF's first read of __EFMigrationsHistory fails and is logged as an error (Failed
            // executing DbCommand, 42P01) although nothing is wrong: create the empty table first (IF NOT EXISTS).
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>().CreateIfNotExistsAsync(ct);
            await SchemaHistory.RefuseUnknownAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Domain.Registrations.CheckInService>().FillMissingKeysAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PostgresLocks.StartUp})", ct);
        }
        catch (Exception ex) when (DatabaseSettings.IsUnreachable(ex))
        {
            throw settings.Unreachable(ex);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
