using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workshops.Web.Data;

/// <summary>
/// The same model under PostgreSQL. A separate type only because EF Core keeps one migration history and model
/// snapshot per context type: PostgreSQL's migrations live in Data/Migrations/PostgreSQL, SQLite's in Data/Migrations/Sqlite.
/// </summary>
public sealed class PostgresWorkshopsDbContext(DbContextOptions<PostgresWorkshopsDbContext> options) : WorkshopsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Every DateTime in the model is UTC by name (…AtUtc) and by how it is written. Stored as "timestamp without
        // time zone" with the Kind dropped on the way in, it behaves like SQLite's text column (any DateTime.Kind in,
        // Kind=Unspecified out), so the code sees the same values on both providers.
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<WithoutKind>();
        configurationBuilder.Properties<DateTime?>().HaveColumnType("timestamp without time zone").HaveConversion<WithoutKind>();
    }

    private sealed class WithoutKind() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => v);
}

/// <summary>For <c>dotnet ef migrations add/has-pending-model-changes --context PostgresWorkshopsDbContext</c>: no server is contacted.</summary>
public sealed class PostgresWorkshopsDbContextFactory : IDesignTimeDbContextFactory<PostgresWorkshopsDbContext>
{
    public PostgresWorkshopsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWorkshopsDbContext>().UseNpgsql("Host=localhost;Database=workshops").Options);
}

/// <summary>
/// For <c>dotnet ef … --context WorkshopsDbContext</c> (SQLite). Without it the tools resolve that name to the
/// PostgreSQL subclass through the factory above, and SQLite's migrations would silently go unchecked. No file is opened.
/// </summary>
public sealed class SqliteWorkshopsDbContextFactory : IDesignTimeDbContextFactory<WorkshopsDbContext>
{
    public WorkshopsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkshopsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
