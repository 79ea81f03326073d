using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

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
/// Registered for the whole <c>/Organiser</c> folder; the one place where a member's role and reach are enforced (issue 25).
/// Before any handler runs: the handler's <see cref="NeedsAttribute"/> (or its page's) says what it needs, and none at
/// all is a 403; when the route has a slug the workshop is read (drafts too) into <see cref="CurrentWorkshop"/>, or 404;
/// then the member must have the capability (<see cref="MemberRules"/>) on that workshop (<see cref="Membership.Reaches"/>),
/// or the answer is 403. Links are hidden too, but this is what holds.
/// </summary>
public sealed class CurrentWorkshopFilter(WorkshopsDbContext db, CurrentWorkshop current, IAuthorizationService authorization) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var needs = NeedsAttribute.Of(context.HandlerMethod?.MethodInfo, context.HandlerInstance.GetType());
        if (needs is null)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        var ct = context.HttpContext.RequestAborted;
        Workshop? workshop = null;
        if (context.RouteData.Values["slug"] is string slug
            && context.HandlerMethod?.MethodInfo.IsDefined(typeof(SkipWorkshopLookupAttribute), inherit: false) != true)
        {
            if (await db.WorkshopBySlugAsync(slug, ct) is not { } found)
            {
                context.Result = new NotFoundResult();
                return;
            }

            current.Set(workshop = found);
        }
        else if (needs.WorkshopArgument is { } argument && context.HandlerArguments.TryGetValue(argument, out var value) && value is Guid id)
        {
            // A workshop that no longer exists has nothing to protect: the handler answers "not found" or "already done".
            workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
        }

        // Account pages (and the sign-in pages, open to anyone) need no more than the folder's sign-in rule.
        if (needs.Capability != Capability.Account
            && !(await authorization.AuthorizeAsync(context.HttpContext.User, workshop, NeedsAttribute.Policy(needs.Capability))).Succeeded)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
