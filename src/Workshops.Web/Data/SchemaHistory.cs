using Microsoft.EntityFrameworkCore;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Data;

/// <summary>
/// Guards the start-up migration against a database made by a schema history this version does not carry. Before the
/// first release each provider's migrations were folded into one initial migration (issue 20); a database created by
/// the old history has rows in <c>__EFMigrationsHistory</c> that no migration here knows, and migrating it would try
/// to create tables that exist. Such a database is refused with one line, and nothing in it is changed.
/// </summary>
public static class SchemaHistory
{
    /// <summary>
    /// Throws when <paramref name="db"/>'s history holds a migration this build does not have. A new (empty) database
    /// and one made by this history pass.
    /// </summary>
    /// <exception cref="ConfigurationException">The database was made by another schema history; the message names the
    /// setting that points at it and the first unknown migration.</exception>
    public static async Task RefuseUnknownAsync(WorkshopsDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ConfigurationException(
                $"ConnectionStrings__Workshops: the database was made by an earlier, unreleased schema history ({unknown.Count} unknown migrations, the first '{unknown[0]}'); " +
                "nothing was changed. Start from a new database (move the SQLite file aside, or create a new PostgreSQL database).");
        }
    }
}
