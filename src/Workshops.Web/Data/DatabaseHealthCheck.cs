using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workshops.Web.Data;

/// <summary>The database answers a real read; otherwise Unhealthy with "database unreachable" (SQLite or PostgreSQL).</summary>
internal sealed class DatabaseHealthCheck(WorkshopsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A real read: the file must open and the schema must be there.
            _ = await db.Workshops.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
