using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;

namespace Workshops.Web.Pages;

/// <summary>
/// The page for unhandled errors. Storage trouble (read-only or full disk, a locked file, a PostgreSQL server that cannot
/// be reached) is a 503 with <c>Retry-After: 60</c>: nothing was saved, try again later.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }
    public bool StorageUnavailable { get; private set; }

    public void OnGet()
    {
        RequestId = HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        StorageUnavailable = IsStorageFailure(error);
        if (StorageUnavailable)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "60";
        }
    }

    public void OnPost() => OnGet();

    private static bool IsStorageFailure(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            // SQLITE_BUSY 5, LOCKED 6, READONLY 8, IOERR 10, FULL 13, CANTOPEN 14, PERM 3
            if (e is SqliteException { SqliteErrorCode: 3 or 5 or 6 or 8 or 10 or 13 or 14 })
            {
                return true;
            }
        }

        return error is not null && Data.DatabaseSettings.IsOutage(error);
    }
}
