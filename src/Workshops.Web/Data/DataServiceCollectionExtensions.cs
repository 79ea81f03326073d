using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Domain;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=data/workshops.db";

    public static IServiceCollection AddWorkshopsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = ResolveConnectionString(
            configuration.GetConnectionString("Workshops") ?? DefaultConnectionString, environment.ContentRootPath);
        // Interceptors registered in DI (none in the app; tests inject faults through this seam).
        services.AddDbContext<WorkshopsDbContext>((sp, o) => o
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas())
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        services.AddSingleton<WriteGate>();
        services.AddWorkshopsDataProtection(configuration, environment);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddScoped<SeedImporter>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<OrganiserService>();
        services.AddScoped<AuditLog>();
        services.AddHostedService<RetentionPurge>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
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

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        await db.Database.MigrateAsync(ct);
        // WAL lets readers go on while a registration holds the write lock; the setting is kept in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(ct);
    }
}
