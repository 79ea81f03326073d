using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Infrastructure;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

public sealed class SignInInput
{
    [Required]
    public string Email { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";
}

/// <summary>
/// The only organiser page open to everyone. Wrong passwords are slowed per source and per account with a growing
/// delay (<see cref="SignInThrottle"/>), never by locking the account, and a browser that signed in to the account
/// before is not held back by the account's count (<see cref="KnownDevices"/>); an unknown address costs the same
/// password check and gets the same answer. An organiser with an authenticator app continues to <c>SignInCode</c>.
/// </summary>
[Needs(Capability.Account)]
public sealed class SignInModel(
    SignInManager<IdentityUser> signIn,
    SignInThrottle throttle,
    KnownDevices devices,
    AuditLog audit,
    IStringLocalizer<OrganiserResource> l,
    ILogger<SignInModel> logger) : PageModel
{
    // A hash of a random password, so an unknown address takes as long to refuse as a wrong password.
    private static readonly Lazy<string> UnknownAccountHash = new(() =>
        new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (!ModelState.IsValid)
        {
            Error = l["Kirjoita sähköposti ja salasana."];
            return Page();
        }

        var email = Input.Email.Trim();
        var user = await signIn.UserManager.FindByNameAsync(email);
        var keys = ThrottleKeys(HttpContext, email, user, devices);
        if (await throttle.WaitAsync(keys, ct) is { Ticks: > 0 } wait)
        {
            logger.LogWarning("Organiser sign-in refused: too many failed tries from this source or for this account");
            Error = TooManyTries(l, wait);
            Input.Password = "";
            return Page();
        }

        if (user is not null)
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
            if (result.Succeeded)
            {
                await throttle.ClearAsync(SignInThrottle.AccountKey(email), ct);
                devices.Remember(HttpContext, user.Id);
                await audit.WriteAsync(user.UserName ?? email, AuditAction.SignedIn, ct: ct);
                return LocalRedirect(Target(Url, ReturnUrl));
            }

            if (result.RequiresTwoFactor)
            {
                // The password was right: the count waits for the code (SignInCode), which is judged the same way.
                return RedirectToPage("/Organiser/SignInCode", new { ReturnUrl });
            }
        }
        else
        {
            _ = signIn.UserManager.PasswordHasher.VerifyHashedPassword(new IdentityUser(), UnknownAccountHash.Value, Input.Password);
        }

        // No address in the log; a disabled account gets the same answer as a wrong password.
        await throttle.RecordFailureAsync(keys, ct);
        logger.LogWarning("Organiser sign-in failed");
        Error = l["Sähköposti tai salasana on väärin."];
        Input.Password = "";
        return Page();
    }

    /// <summary>The source's key, and the account's unless this browser has signed in to that account before.</summary>
    internal static string[] ThrottleKeys(HttpContext context, string email, IdentityUser? user, KnownDevices devices)
    {
        var source = SignInThrottle.SourceKey(context.Connection.RemoteIpAddress);
        return user is not null && devices.IsKnown(context, user.Id) ? [source] : [source, SignInThrottle.AccountKey(email)];
    }

    /// <summary>"Try again in N minutes", rounded up to whole minutes.</summary>
    internal static string TooManyTries(IStringLocalizer<OrganiserResource> l, TimeSpan wait) =>
        l["Liian monta epäonnistunutta yritystä. Yritä uudelleen {0} minuutin kuluttua.", (int)Math.Ceiling(wait.TotalMinutes)];

    /// <summary>Where a signed-in organiser goes: the organiser-area page asked for, else the dashboard.</summary>
    internal static string Target(IUrlHelper url, string? returnUrl) =>
        RequestHardening.LocalTarget(returnUrl, url.Page("/Organiser/Index")!,
            u => url.IsLocalUrl(u) && u.StartsWith("/organiser", StringComparison.OrdinalIgnoreCase));
}
