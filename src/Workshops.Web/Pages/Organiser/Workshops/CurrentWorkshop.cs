using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Workshops.Web.Data;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The workshop an organiser page at <c>/organiser/workshops/{slug}/…</c> is about (scoped), drafts included, looked up
/// once per request by <see cref="CurrentWorkshopFilter"/> before the handler runs. It is an untracked copy for showing
/// and for ids: a write still decides from the database inside its transaction, under the workshop's lock.
/// </summary>
public sealed class CurrentWorkshop
{
    private Workshop? _workshop;

    /// <summary>The workshop named by the route's slug; throws on a page or handler the filter does not serve.</summary>
    public Workshop Workshop => _workshop ?? throw new InvalidOperationException(
        "No workshop for this request: CurrentWorkshop is filled only for pages under /organiser/workshops/{slug} (and not for handlers marked [SkipWorkshopLookup]).");

    internal void Set(Workshop workshop) => _workshop = workshop;
}

/// <summary>
/// Marks a handler that names its workshop otherwise (by id in the form) and must answer even when the slug in its
/// address no longer exists, so <see cref="CurrentWorkshopFilter"/> leaves it alone: deleting a draft twice says
/// "already deleted" rather than 404.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SkipWorkshopLookupAttribute : Attribute;

/// <summary>
/// Registered for the <c>/Organiser/Workshops</c> folder: when the route has a slug, reads the workshop (drafts too:
/// organisers see them) into <see cref="CurrentWorkshop"/>, or answers 404 without running the handler.
/// </summary>
public sealed class CurrentWorkshopFilter(WorkshopsDbContext db, CurrentWorkshop current) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.RouteData.Values["slug"] is string slug
            && context.HandlerMethod?.MethodInfo.IsDefined(typeof(SkipWorkshopLookupAttribute), inherit: false) != true)
        {
            if (await db.WorkshopBySlugAsync(slug, context.HttpContext.RequestAborted) is not { } workshop)
            {
                context.Result = new NotFoundResult();
                return;
            }

            current.Set(workshop);
        }

        await next();
    }
}
