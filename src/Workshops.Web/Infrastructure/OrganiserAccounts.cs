using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Email;

namespace Workshops.Web.Infrastructure;

/// <summary>Settings under <c>Organisers__…</c>.</summary>
public sealed class OrganiserOptions
{
    public const string Section = "Organisers";

    /// <summary>
    /// Every organiser must use an authenticator app: one without it is sent to the set-up page after the password and
    /// can open nothing else until it is confirmed. Default false (each organiser chooses; the <c>require-two-factor</c>
    /// command requires it of one).
    /// </summary>
    public bool RequireTwoFactor { get; set; }
}

/// <summary>The two emailed links that set a password (issue 25).</summary>
public enum LinkKind
{
    Invitation,
    PasswordReset,
}

/// <summary>
/// Identity's token providers of the emailed links: Data Protection tokens bound to the account's security stamp, so a
/// link stops working once used (the stamp is renewed) and after its lifespan.
/// </summary>
public static class MemberTokens
{
    /// <summary>The provider (and purpose) of invitation links.</summary>
    public const string Invitation = "Invitation";

    /// <summary>The provider of password-reset links.</summary>
    public const string PasswordReset = "PasswordReset";

    /// <summary>An invitation link works for 7 days after the email is sent.</summary>
    public static readonly TimeSpan InvitationLifespan = TimeSpan.FromDays(7);

    /// <summary>A password-reset link works for 30 minutes after the email is sent.</summary>
    public static readonly TimeSpan PasswordResetLifespan = TimeSpan.FromMinutes(30);
}

/// <summary>The options of <see cref="InvitationTokenProvider"/>: its own name and lifespan.</summary>
public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions()
    {
        Name = MemberTokens.Invitation;
        TokenLifespan = MemberTokens.InvitationLifespan;
    }
}

/// <summary>The options of <see cref="PasswordResetTokenProvider"/>: its own name and lifespan.</summary>
public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenOptions()
    {
        Name = MemberTokens.PasswordReset;
        TokenLifespan = MemberTokens.PasswordResetLifespan;
    }
}

/// <summary>Invitation links (<see cref="MemberTokens.InvitationLifespan"/>).</summary>
public sealed class InvitationTokenProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<IdentityUser>> logger)
    : DataProtectorTokenProvider<IdentityUser>(protection, options, logger);

/// <summary>Password-reset links (<see cref="MemberTokens.PasswordResetLifespan"/>).</summary>
public sealed class PasswordResetTokenProvider(
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options, ILogger<DataProtectorTokenProvider<IdentityUser>> logger)
    : DataProtectorTokenProvider<IdentityUser>(protection, options, logger);

/// <summary>What turning the authenticator app off did.</summary>
public enum TwoFactorOff
{
    Disabled,
    WrongCode,

    /// <summary>The administrator requires it (the setting or the account's flag): it stays on.</summary>
    Required,
}

/// <summary>
/// An organiser's own account: a new password (the site's rules, every session ended, a notice by email through the
/// outbox) and the authenticator app (ASP.NET Core Identity's TOTP, RFC 6238: 6 digits, 30-second steps). The organiser
/// is <c>actor</c> when acting on their own account; the command line acts as <see cref="AuditEntry.System"/>.
/// </summary>
public sealed class OrganiserAccounts(
    UserManager<IdentityUser> users,
    WriteTransaction writes,
    EmailOutbox outbox,
    AuditLog audit,
    IOptions<OrganiserOptions> options)
{
    /// <summary>The claim the <c>require-two-factor</c> command gives an account.</summary>
    public const string RequireTwoFactorClaim = "workshops:require-two-factor";

    /// <summary>
    /// Checks <paramref name="currentPassword"/> (null: the command line, which needs none) and the site's password rules,
    /// then stores the new password, renews the security stamp (every session of the organiser ends) and queues the
    /// <see cref="EmailKind.PasswordChanged"/> notice in <paramref name="language"/>, all in one write.
    /// </summary>
    /// <returns>Identity's result: <c>PasswordMismatch</c>, the rule that failed, or success.</returns>
    public async Task<IdentityResult> ChangePasswordAsync(IdentityUser user, string? currentPassword, string newPassword, string actor, string language, CancellationToken ct = default)
    {
        if (currentPassword is not null && !await users.CheckPasswordAsync(user, currentPassword))
        {
            return IdentityResult.Failed(users.ErrorDescriber.PasswordMismatch());
        }

        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, newPassword)).Errors);
        }

        if (problems.Count > 0)
        {
            return IdentityResult.Failed([.. problems]);
        }

        // Hashed before the write (PBKDF2 takes a while): the transaction only stores it.
        var hash = users.PasswordHasher.HashPassword(user, newPassword);
        var userId = user.Id;
        return await writes.RunAsync(async _ =>
        {
            var current = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The organiser was removed meanwhile.");
            current.PasswordHash = hash;
            var updated = await users.UpdateSecurityStampAsync(current);
            if (updated.Succeeded)
            {
                audit.Add(actor, AuditAction.PasswordChanged);
                outbox.EnqueueToOrganiser(current.Email ?? current.UserName!, EmailKind.PasswordChanged, language);
            }

            return updated;
        }, ct);
    }

    /// <summary>
    /// Sets the password of <paramref name="userId"/> from an emailed link: <see cref="LinkKind.Invitation"/> (the invited
    /// person's first password) or <see cref="LinkKind.PasswordReset"/>. The token must be the link's, unexpired and unused
    /// (the security stamp it was made with is renewed here, so a link works once and every session ends); a disabled
    /// member's link is refused. The site's password rules apply. A reset also queues the
    /// <see cref="EmailKind.PasswordChanged"/> notice in <paramref name="language"/>.
    /// </summary>
    /// <returns>Null when the link is not (or no longer) valid; otherwise Identity's result (the rule that failed, or success).</returns>
    public async Task<IdentityResult?> SetPasswordFromLinkAsync(
        LinkKind kind, string? userId, string? token, string newPassword, string language, CancellationToken ct = default)
    {
        if (await LinkUserAsync(kind, userId, token) is not { } user)
        {
            return null;
        }

        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, newPassword)).Errors);
        }

        if (problems.Count > 0)
        {
            return IdentityResult.Failed([.. problems]);
        }

        var hash = users.PasswordHasher.HashPassword(user, newPassword);
        return await writes.RunAsync(async _ =>
        {
            // Checked again under the write lock: of two posts of the same link, only the first finds its stamp.
            if (await LinkUserAsync(kind, userId, token) is not { } current)
            {
                return null;
            }

            current.PasswordHash = hash;
            current.EmailConfirmed = true;
            var updated = await users.UpdateSecurityStampAsync(current);
            if (updated.Succeeded)
            {
                var actor = current.UserName!;
                audit.Add(actor, kind == LinkKind.Invitation ? AuditAction.InvitationAccepted : AuditAction.PasswordReset);
                if (kind == LinkKind.PasswordReset)
                {
                    outbox.EnqueueToOrganiser(current.Email ?? actor, EmailKind.PasswordChanged, language);
                }
            }

            return updated;
        }, ct);
    }

    /// <summary>
    /// The member a link is for, when its token is valid: an invitation only before a password is set, a reset only after;
    /// never for a disabled member.
    /// </summary>
    public async Task<IdentityUser?> LinkUserAsync(LinkKind kind, string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { } user
            || await users.IsLockedOutAsync(user) || (user.PasswordHash is null) != (kind == LinkKind.Invitation))
        {
            return null;
        }

        var valid = kind == LinkKind.Invitation
            ? await users.VerifyUserTokenAsync(user, MemberTokens.Invitation, MemberTokens.Invitation, token)
            : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<IdentityUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }

    /// <summary>
    /// "Forgot password": queues a <see cref="EmailKind.PasswordReset"/> link in <paramref name="language"/> when
    /// <paramref name="email"/> is an active member's (a password set, not disabled); does nothing otherwise. The caller
    /// answers the same either way, so the page tells no one which addresses are members.
    /// </summary>
    public async Task RequestPasswordResetAsync(string email, string language, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.PasswordHash is null || await users.IsLockedOutAsync(user))
        {
            return;
        }

        await writes.RunAsync(_ =>
        {
            outbox.EnqueueToOrganiser(user.Email!, EmailKind.PasswordReset, language);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Whether this organiser must use an authenticator app (<see cref="OrganiserOptions.RequireTwoFactor"/> or the account's flag).</summary>
    public async Task<bool> RequiresTwoFactorAsync(IdentityUser user) =>
        options.Value.RequireTwoFactor || (await users.GetClaimsAsync(user)).Any(c => c.Type == RequireTwoFactorClaim);

    /// <summary>The secret the organiser is setting up (base32), or null before <see cref="NewAuthenticatorKeyAsync"/>.</summary>
    public Task<string?> AuthenticatorKeyAsync(IdentityUser user) => users.GetAuthenticatorKeyAsync(user);

    /// <summary>A new secret for the app (replacing any earlier one); the app is not in use until confirmed with a code.</summary>
    public async Task<string> NewAuthenticatorKeyAsync(IdentityUser user)
    {
        await users.ResetAuthenticatorKeyAsync(user);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>Turns the app on when <paramref name="code"/> is its current code. False (nothing changed) otherwise.</summary>
    public async Task<bool> EnableTwoFactorAsync(IdentityUser user, string code, string actor, CancellationToken ct = default)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is null || !await VerifyAsync(user, code))
        {
            return false;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.WriteAsync(actor, AuditAction.TwoFactorEnabled, ct: ct);
        return true;
    }

    /// <summary>Turns the app off (its secret discarded) when <paramref name="code"/> is its current code and nothing requires it.</summary>
    public async Task<TwoFactorOff> DisableTwoFactorAsync(IdentityUser user, string code, string actor, CancellationToken ct = default)
    {
        if (await RequiresTwoFactorAsync(user))
        {
            return TwoFactorOff.Required;
        }

        if (!await VerifyAsync(user, code))
        {
            return TwoFactorOff.WrongCode;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(actor, AuditAction.TwoFactorDisabled, ct: ct);
        return TwoFactorOff.Disabled;
    }

    /// <summary>The <c>otpauth://</c> address an authenticator app reads from the QR code.</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("Työpajat:" + email)}?secret={key}&issuer={Uri.EscapeDataString("Työpajat")}&digits=6";

    /// <summary>The code as typed, without the spaces and hyphens apps show in it.</summary>
    public static string Normalise(string? code) => new((code ?? "").Where(char.IsAsciiDigit).ToArray());

    private Task<bool> VerifyAsync(IdentityUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Normalise(code));
}
