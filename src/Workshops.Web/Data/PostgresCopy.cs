using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Results;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Email;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Data;

/// <summary>
/// Moving up: copies every table of the site's SQLite database into an empty PostgreSQL database with the same ids
/// (registrations keep their order, manage links keep working because their hashes move), then checks the counts.
/// </summary>
public static class PostgresCopy
{
    /// <summary>Table name and rows copied, in copy order. Throws <see cref="ConfigurationException"/> for an unusable target.</summary>
    public static async Task<IReadOnlyList<(string Table, int Rows)>> CopyAsync(WorkshopsDbContext source, string targetConnectionString, CancellationToken ct = default)
    {
        if (source.Database.IsNpgsql())
        {
            throw new ConfigurationException("Database__Provider: the copy reads the SQLite database, so run it with the SQLite settings the site used until now.");
        }

        var settings = new DatabaseSettings(DatabaseProvider.PostgreSQL, targetConnectionString);
        await using var target = new PostgresWorkshopsDbContext(new DbContextOptionsBuilder<PostgresWorkshopsDbContext>().UseNpgsql(targetConnectionString).Options);
        try
        {
            await target.Database.MigrateAsync(ct);
        }
        catch (Exception ex) when (DatabaseSettings.IsUnreachable(ex))
        {
            throw settings.Unreachable(ex);
        }

        var copied = new List<(string, int)>();
        // The one transaction outside the write seam: the copy command writes to another, empty database, offline.
        await using var transaction = await target.Database.BeginTransactionAsync(ct);
        await CopyAsync<Workshop>(source, target, "Workshops", copied, ct);
        await CopyAsync<WorkshopQuestion>(source, target, "WorkshopQuestions", copied, ct);
        await CopyAsync<Registration>(source, target, "Registrations", copied, ct);
        await CopyAsync<RegistrationAnswer>(source, target, "RegistrationAnswers", copied, ct);
        await CopyAsync<SeatOffer>(source, target, "SeatOffers", copied, ct);
        await CopyAsync<Proposal>(source, target, "Proposals", copied, ct);
        await CopyAsync<ResultsMailing>(source, target, "ResultsMailings", copied, ct);
        await CopyAsync<OutgoingEmail>(source, target, "OutgoingEmails", copied, ct);
        await CopyAsync<ManageToken>(source, target, "ManageTokens", copied, ct);
        await CopyAsync<AuditEntry>(source, target, "AuditEntries", copied, ct);
        await CopyAsync<DataProtectionKey>(source, target, "DataProtectionKeys", copied, ct);
        await CopyAsync<IdentityUser>(source, target, "AspNetUsers", copied, ct);
        await CopyAsync<IdentityRole>(source, target, "AspNetRoles", copied, ct);
        await CopyAsync<IdentityUserRole<string>>(source, target, "AspNetUserRoles", copied, ct);
        await CopyAsync<IdentityUserClaim<string>>(source, target, "AspNetUserClaims", copied, ct);
        await CopyAsync<IdentityRoleClaim<string>>(source, target, "AspNetRoleClaims", copied, ct);
        await CopyAsync<IdentityUserLogin<string>>(source, target, "AspNetUserLogins", copied, ct);
        await CopyAsync<IdentityUserToken<string>>(source, target, "AspNetUserTokens", copied, ct);

        // Ids were copied as they were: the identity columns' sequences continue after the highest one.
        foreach (var table in new[] { "WorkshopQuestions", "Registrations", "RegistrationAnswers", "SeatOffers", "Proposals", "ManageTokens", "AuditEntries", "DataProtectionKeys", "AspNetUserClaims", "AspNetRoleClaims" })
        {
#pragma warning disable EF1002 // table names from the list above, not input
            await target.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), COALESCE(MAX(\"Id\"), 0) + 1, false) FROM \"{table}\"", ct);
#pragma warning restore EF1002
        }

        await transaction.CommitAsync(ct);
        return copied;
    }

    private static async Task CopyAsync<T>(WorkshopsDbContext source, PostgresWorkshopsDbContext target, string table, List<(string, int)> copied, CancellationToken ct)
        where T : class
    {
        if (await target.Set<T>().AnyAsync(ct))
        {
            throw new ConfigurationException($"the PostgreSQL database is not empty ({table} has rows); the copy goes into an empty database only, so nothing is overwritten.");
        }

        var rows = await source.Set<T>().AsNoTracking().ToListAsync(ct);
        target.Set<T>().AddRange(rows);
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
        var count = await target.Set<T>().CountAsync(ct);
        if (count != rows.Count)
        {
            throw new InvalidOperationException($"{table}: {rows.Count} rows read but {count} in PostgreSQL; the copy was rolled back.");
        }

        copied.Add((table, count));
    }
}
