using Microsoft.AspNetCore.Identity;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// <c>disable-organiser</c>, <c>enable-organiser</c>, <c>reset-password</c> (a new password on standard input; the
/// organiser gets a notice by email), <c>require-two-factor</c> (this organiser must use an authenticator app) and
/// <c>reset-two-factor</c> (a lost phone: the app is removed, to be set up again), each with <c>--email …</c>: each
/// prints one line and exits 0, or 1 with the reason on standard error. Disabling, resetting the password and resetting
/// the app end every session of that organiser at once (a new security stamp).
/// </summary>
internal static class OrganiserCommands
{
    public const string Disable = "disable-organiser";
    public const string Enable = "enable-organiser";
    public const string ResetPassword = "reset-password";
    public const string RequireTwoFactor = "require-two-factor";
    public const string ResetTwoFactor = "reset-two-factor";

    public static async Task<int> RunAsync(string command, string? email, IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync($"Error: give the organiser's email address: {command} --email someone@example.org");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        email = email.Trim();
        var user = await users.FindByNameAsync(email);
        if (user is null)
        {
            await error.WriteLineAsync($"Error: no organiser with the email {email}.");
            return 1;
        }

        IdentityResult result;
        string done;
        switch (command)
        {
            case Disable:
                // Lockout is only this switch: wrong passwords never set it (see SignInThrottle).
                await users.SetLockoutEnabledAsync(user, true);
                result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
                result = result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
                done = $"Organiser {email} disabled; their sessions have ended.";
                break;
            case Enable:
                result = await users.SetLockoutEndDateAsync(user, null);
                done = $"Organiser {email} enabled.";
                break;
            case RequireTwoFactor:
                result = (await users.GetClaimsAsync(user)).Any(c => c.Type == OrganiserAccounts.RequireTwoFactorClaim)
                    ? IdentityResult.Success
                    : await users.AddClaimAsync(user, new System.Security.Claims.Claim(OrganiserAccounts.RequireTwoFactorClaim, "true"));
                done = user.TwoFactorEnabled
                    ? $"Organiser {email} must use an authenticator app (already in use)."
                    : $"Organiser {email} must use an authenticator app: they set it up at their next page after signing in.";
                break;
            case ResetTwoFactor:
                result = await users.SetTwoFactorEnabledAsync(user, false);
                result = result.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : result;
                done = $"Authenticator app of {email} removed; their sessions have ended. They sign in with the password and set up the app again.";
                break;
            default:
                if (!Console.IsInputRedirected)
                {
                    await error.WriteAsync("New password (at least 12 characters, not easy to guess): ");
                }

                var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
                // The site's rules, the new hash, a new security stamp and the notice to the organiser, in one write.
                result = await scope.ServiceProvider.GetRequiredService<OrganiserAccounts>()
                    .ChangePasswordAsync(user, null, password, Domain.Privacy.AuditEntry.System, Localization.Cultures.Default);
                done = $"Password of {email} reset; their sessions have ended and they were told by email.";
                break;
        }

        if (!result.Succeeded)
        {
            await error.WriteLineAsync("Error: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync(done);
        return 0;
    }
}
