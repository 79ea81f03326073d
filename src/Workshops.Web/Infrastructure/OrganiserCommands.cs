using Microsoft.AspNetCore.Identity;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// <c>disable-organiser</c>, <c>enable-organiser</c> and <c>reset-password</c> (<c>--email …</c>, a new password
/// on standard input): each prints one line and exits 0, or 1 with the reason on standard error.
/// Disabling and resetting end every session of that organiser at once (a new security stamp).
/// </summary>
internal static class OrganiserCommands
{
    public const string Disable = "disable-organiser";
    public const string Enable = "enable-organiser";
    public const string ResetPassword = "reset-password";

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
                done = $"Organiser {email} disabled; their sessions have ended.";
                break;
            case Enable:
                result = await users.SetLockoutEndDateAsync(user, null);
                done = $"Organiser {email} enabled.";
                break;
            default:
                if (!Console.IsInputRedirected)
                {
                    await error.WriteAsync("New password (at least 12 characters): ");
                }

                var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
                result = await SetPasswordAsync(users, user, password);
                done = $"Password of {email} reset; their sessions have ended.";
                break;
        }

        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            await error.WriteLineAsync("Error: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync(done);
        return 0;
    }

    /// <summary>The site's password rules, then the new hash (no reset-token providers are registered).</summary>
    private static async Task<IdentityResult> SetPasswordAsync(UserManager<IdentityUser> users, IdentityUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded)
            {
                return valid;
            }
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        return await users.UpdateAsync(user);
    }
}
