using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// The second step for an organiser with an authenticator app: the 6-digit code, after the right password (held by
/// Identity's short-lived two-factor cookie, without which this page sends back to the password). Wrong codes count
/// like wrong passwords (<see cref="SignInThrottle"/>, per source and per account).
/// </summary>
[Needs(Capability.Account)]
public sealed class SignInCodeModel(
    SignInManager<IdentityUser> signIn,
    SignInThrottle throttle,
    KnownDevices devices,
    AuditLog audit,
    IStringLocalizer<OrganiserResource> l,
    ILogger<SignInCodeModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Organiser/SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("/Organiser/SignIn", new { ReturnUrl });
        }

        var email = user.UserName ?? "";
        var keys = SignInModel.ThrottleKeys(HttpContext, email, user, devices);
        if (await throttle.WaitAsync(keys, ct) is { Ticks: > 0 } wait)
        {
            logger.LogWarning("Organiser sign-in code refused: too many failed tries from this source or for this account");
            Error = SignInModel.TooManyTries(l, wait);
            return Page();
        }

        var code = OrganiserAccounts.Normalise(Code);
        if (code.Length == 6 && (await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)).Succeeded)
        {
            await throttle.ClearAsync(SignInThrottle.AccountKey(email), ct);
            devices.Remember(HttpContext, user.Id);
            await audit.WriteAsync(email, AuditAction.SignedIn, ct: ct);
            return LocalRedirect(SignInModel.Target(Url, ReturnUrl));
        }

        await throttle.RecordFailureAsync(keys, ct);
        logger.LogWarning("Organiser sign-in code failed");
        Error = l["Koodi on väärin tai vanhentunut. Kirjoita sovelluksen näyttämä 6-numeroinen koodi."];
        return Page();
    }
}
