using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Members;

/// <summary>What an invitation did.</summary>
public enum InviteOutcome
{
    Invited,

    /// <summary>The address already belongs to a member (invited, active or disabled): nothing changed.</summary>
    AlreadyMember,

    /// <summary>An organiser or a door helper needs at least one workshop (one that exists).</summary>
    NoWorkshop,

    /// <summary>Identity refused the address as a user name.</summary>
    InvalidAddress,
}

/// <summary>What disabling or enabling a member did.</summary>
public enum MemberChange
{
    Done,
    NotFound,

    /// <summary>An administrator cannot disable their own account (the team would be left without its last one).</summary>
    Self,
}

/// <summary>
/// The organiser team (issue 25): invitations, disabling and enabling members. The administrator acting is
/// <c>actor</c> (their sign-in address, as the audit log records it). Accepting an invitation and resetting a password
/// are in <see cref="Infrastructure.OrganiserAccounts"/>, with the other password changes.
/// </summary>
public sealed class MemberService(
    UserManager<IdentityUser> users, WorkshopsDbContext db, WriteTransaction writes, EmailOutbox outbox, AuditLog audit)
{
    /// <summary>
    /// Makes an account for <paramref name="email"/> with <paramref name="role"/> (and, for an organiser or a door helper,
    /// the workshops <paramref name="workshopIds"/>) and no password, and queues the <see cref="EmailKind.MemberInvitation"/>
    /// in <paramref name="language"/> (fi/sv/en): its one-use link, minted when the message is sent, lets the person set
    /// their own password. Until then the account cannot sign in. One write.
    /// </summary>
    public Task<InviteOutcome> InviteAsync(
        string email, MemberRole role, IReadOnlyCollection<Guid> workshopIds, string language, string actor, CancellationToken ct = default)
    {
        email = email.Trim();
        return writes.RunAsync(async _ =>
        {
            if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
            {
                return InviteOutcome.AlreadyMember;
            }

            var chosen = MemberRules.HasChosenWorkshops(role)
                ? await db.Workshops.Where(w => workshopIds.Contains(w.Id)).Select(w => w.Id).ToListAsync(ct)
                : [];
            if (MemberRules.HasChosenWorkshops(role) && chosen.Count == 0)
            {
                return InviteOutcome.NoWorkshop;
            }

            var user = new IdentityUser { UserName = email, Email = email };
            if (!(await users.CreateAsync(user)).Succeeded)
            {
                return InviteOutcome.InvalidAddress;
            }

            // Saved with the rest of this write: the account never exists with the column's default role.
            db.Entry(user).Property(MemberConfiguration.Role).CurrentValue = role;
            db.MemberWorkshops.AddRange(chosen.Select(id => new MemberWorkshop { UserId = user.Id, WorkshopId = id }));
            audit.Add(actor, AuditAction.MemberInvited, detail: AuditDetail.Of(AuditDetailKind.Member, email, role));
            outbox.EnqueueToOrganiser(email, EmailKind.MemberInvitation, language);
            return InviteOutcome.Invited;
        }, ct);
    }

    /// <summary>
    /// Disables (<paramref name="disabled"/>) or enables the member <paramref name="userId"/>. Disabling refuses sign-in and
    /// renews the security stamp, so every session of the member ends at its next request.
    /// </summary>
    public Task<MemberChange> SetDisabledAsync(string userId, bool disabled, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async _ =>
        {
            if (await users.FindByIdAsync(userId) is not { } user)
            {
                return MemberChange.NotFound;
            }

            if (disabled && string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase))
            {
                return MemberChange.Self;
            }

            // Lockout is only this switch: wrong passwords never set it (see SignInThrottle).
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
            if (disabled)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            var role = db.Entry(user).Property<MemberRole>(MemberConfiguration.Role).CurrentValue;
            audit.Add(actor, disabled ? AuditAction.MemberDisabled : AuditAction.MemberEnabled,
                detail: AuditDetail.Of(AuditDetailKind.Member, user.Email, role));
            return MemberChange.Done;
        }, ct);
}
