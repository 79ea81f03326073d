using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// What an organiser page (on its page model class) or one of its handlers (on the method, which then decides alone)
/// needs. Every page under <c>Pages/Organiser</c> carries one: <see cref="Pages.Organiser.Workshops.CurrentWorkshopFilter"/>
/// answers 403 to a handler without one, so a new page is closed until it says what it needs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NeedsAttribute(Capability capability) : Attribute
{
    public Capability Capability { get; } = capability;

    /// <summary>
    /// For a handler outside <c>/organiser/workshops/{slug}</c> that names its workshop by id: the name of its
    /// <see cref="Guid"/> argument, so the member's reach is checked against that workshop.
    /// </summary>
    public string? WorkshopArgument { get; init; }

    /// <summary>The handler's own attribute, else its page's; null when neither has one.</summary>
    public static NeedsAttribute? Of(MethodInfo? handler, Type page) =>
        handler?.GetCustomAttribute<NeedsAttribute>() ?? page.GetCustomAttribute<NeedsAttribute>();

    /// <summary>The authorization policy of <paramref name="capability"/> (one per capability).</summary>
    public static string Policy(Capability capability) => "Needs" + capability;
}

/// <summary>The requirement behind each <see cref="NeedsAttribute.Policy"/>; the resource is the <see cref="Workshop"/> or null.</summary>
public sealed class CapabilityRequirement(Capability capability) : IAuthorizationRequirement
{
    public Capability Capability { get; } = capability;
}

/// <summary>Grants a <see cref="CapabilityRequirement"/> by <see cref="Membership.May"/> of the signed-in member.</summary>
internal sealed class CapabilityHandler(CurrentMember member) : AuthorizationHandler<CapabilityRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CapabilityRequirement requirement)
    {
        if (await member.OfAsync(context.User) is { } membership
            && membership.May(requirement.Capability, (context.Resource as Workshop)?.Id))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// The signed-in member's role and chosen workshops, read from the database once per request (scoped), so a changed
/// role or workshop counts from the member's next request.
/// </summary>
public sealed class CurrentMember(WorkshopsDbContext db)
{
    private (string Id, Membership? Membership)? _loaded;

    /// <summary>The membership of <paramref name="user"/>, or null for an anonymous request or a removed account.</summary>
    public async Task<Membership?> OfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        if (_loaded is { } loaded && loaded.Id == id)
        {
            return loaded.Membership;
        }

        var membership = await db.MembershipAsync(id, ct);
        _loaded = (id, membership);
        return membership;
    }
}
