using Microsoft.EntityFrameworkCore.Infrastructure;
using Workshops.Web.Data;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Calls every registered <see cref="ICommitObserver"/> after a commit, until the write seam does it itself.
/// Each call site is one line marked <c>// seam:</c>, to be dropped when the seam arrives; then this class goes too.
/// </summary>
internal static class SeamStandIn
{
    /// <summary>Never cancelled by the request: the write is already durable, the caches must hear of it.</summary>
    public static async Task AfterCommitAsync(WorkshopsDbContext db)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        foreach (var observer in services?.GetServices<ICommitObserver>() ?? [])
        {
            await observer.AfterCommitAsync(CancellationToken.None);
        }
    }
}
