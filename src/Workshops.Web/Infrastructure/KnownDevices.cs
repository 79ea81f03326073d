using Microsoft.AspNetCore.DataProtection;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// A browser that has signed in to an account carries a cookie saying so for 90 days (the account's id and the expiry,
/// encrypted with the Data Protection key ring): OWASP's "device cookie" defence. The account's own failure count
/// (<see cref="SignInThrottle"/>) does not hold such a browser back, so someone guessing the account's password from
/// elsewhere cannot keep its organiser out; the count per source still applies. The cookie grants nothing by itself.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "workshops.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector _protector = protection.CreateProtector("Workshops.KnownDevice.v1");

    /// <summary>Whether this browser has signed in to the account <paramref name="userId"/> within <see cref="Lifetime"/>.</summary>
    public bool IsKnown(HttpContext context, string userId)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(cookie).Split('|');
            return parts.Length == 2 && parts[0] == userId
                && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var expires)
                && time.GetUtcNow().ToUnixTimeSeconds() < expires;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // tampered with, or from another key ring
        }
    }

    /// <summary>Marks this browser as one that signed in to <paramref name="userId"/> (after the password and any code).</summary>
    public void Remember(HttpContext context, string userId)
    {
        var expires = time.GetUtcNow() + Lifetime;
        context.Response.Cookies.Append(CookieName, _protector.Protect($"{userId}|{expires.ToUnixTimeSeconds()}"), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/organiser",
            Expires = expires,
            IsEssential = true,
        });
    }
}
