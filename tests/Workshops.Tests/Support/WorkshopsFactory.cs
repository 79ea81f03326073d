using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workshops.Web.Data;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Support;

/// <summary>
/// The real app over a real SQLite file in a temporary folder, with a fake clock.
/// Two factories given the same folder share the database, which is how a restart is tested.
/// </summary>
public sealed class WorkshopsFactory : WebApplicationFactory<Program>
{
    /// <summary>Well before the seeded 2028 programme.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public WorkshopsFactory(TestFolder? folder = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Folder = folder ?? new TestFolder();
        _settings = new Dictionary<string, string?>(Folder.DatabaseSettings())
        {
            ["Site:PublicBaseUrl"] = "https://workshops.test",
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(Folder.Path, "logs", "workshops-.log"),
            ["Email:PickupDirectory"] = Path.Combine(Folder.Path, "mail"),
            // Tests fire many requests from one (unknown) address; the rate-limit tests turn limits back on.
            ["RateLimiting:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestFolder Folder { get; }
    public FakeTimeProvider Time { get; } = new(DefaultNow);
    public string DatabasePath => Path.Combine(Folder.Path, "workshops.db");
    public string PickupDirectory => Path.Combine(Folder.Path, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // What visitors get: friendly error pages, HSTS; not the developer exception page.
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            _services?.Invoke(services);
        });
    }

    /// <summary>An HTTP client with its own cookie jar, as one person's browser.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

    /// <summary>A browser whose cookie jar the test holds, so that <see cref="SameBrowserAgain"/> can copy it.</summary>
    public HttpClient Browser(CookieContainer jar) => CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(jar));

    /// <summary>
    /// The same browser on a second connection, as the second request of a double click: it starts from a copy of
    /// <paramref name="jar"/>'s cookies (the antiforgery cookie the form needs) and keeps its own from then on, so each of
    /// two simultaneous posts follows its own redirect with its own one-time TempData cookie (the thank-you).
    /// </summary>
    public HttpClient SameBrowserAgain(CookieContainer jar)
    {
        var copy = new CookieContainer();
        foreach (var cookie in jar.GetAllCookies().Cast<Cookie>())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return Browser(copy);
    }

    /// <summary>Arrange or inspect data directly (tests only; the app itself writes through its services).</summary>
    public async Task<T> WithDbAsync<T>(Func<WorkshopsDbContext, Task<T>> action)
    {
        _ = Services; // make sure the host (and its migrations) has started
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkshopsDbContext>();
        var result = await action(db);
        // A direct write bypasses the app's commit observers: tell the public cache, as another instance would.
        await Services.GetRequiredService<PublicCache>().InvalidateAsync(CancellationToken.None);
        return result;
    }

    public Task WithDbAsync(Func<WorkshopsDbContext, Task> action) =>
        WithDbAsync(async db => { await action(db); return 0; });

    public Task<Workshop> WorkshopAsync(string slug) =>
        WithDbAsync(db => db.Workshops.AsNoTracking().SingleAsync(w => w.Slug == slug));

    public Task UpdateWorkshopAsync(string slug, Action<Workshop> change) =>
        WithDbAsync(async db =>
        {
            var workshop = await db.Workshops.SingleAsync(w => w.Slug == slug);
            change(workshop);
            await db.SaveChangesAsync();
        });

    /// <summary>Reads the registrations straight from the SQLite file (or the PostgreSQL database), bypassing the app.</summary>
    public async Task<List<(string Email, string Status, long Id)>> RegistrationsInFileAsync(string slug)
    {
        if (Folder.PostgresConnectionString is { } postgres)
        {
            return await TestPostgres.RegistrationsAsync(postgres, slug);
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.Email, r.Status, r.Id FROM Registrations r JOIN Workshops w ON w.Id = r.WorkshopId
            WHERE w.Slug = $slug ORDER BY r.Id
            """;
        command.Parameters.AddWithValue("$slug", slug);
        var rows = new List<(string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (Folder.PostgresConnectionString is { } postgres)
        {
            using var pooled = new Npgsql.NpgsqlConnection(postgres);
            Npgsql.NpgsqlConnection.ClearPool(pooled);
        }
    }
}
