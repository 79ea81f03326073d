using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
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
/// The only organiser page open to everyone. Wrong passwords are slowed per source (<see cref="SignInThrottle"/>),
/// never by locking the account; an unknown address costs the same password check and gets the same answer.
/// </summary>
public sealed class SignInModel(
    SignInManager<IdentityUser> signIn,
    SignInThrottle throttle,
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

        var source = RateLimiting.ClientKey(HttpContext.Connection.RemoteIpAddress);
        if (throttle.IsBlocked(source))
        {
            logger.LogWarning("Organiser sign-in refused: too many failed tries from this source");
            Error = l["Liian monta epäonnistunutta yritystä. Yritä uudelleen 15 minuutin kuluttua."];
            Input.Password = "";
            return Page();
        }

        var email = Input.Email.Trim();
        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is not null && (await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false)).Succeeded)
        {
            throttle.RecordSuccess(source);
            await audit.WriteAsync(user.UserName ?? email, AuditAction.SignedIn, ct: ct);
            return LocalRedirect(RequestHardening.LocalTarget(ReturnUrl, Url.Page("/Organiser/Index")!,
                url => Url.IsLocalUrl(url) && url.StartsWith("/organiser", StringComparison.OrdinalIgnoreCase)));
        }

        if (user is null)
        {
            _ = signIn.UserManager.PasswordHasher.VerifyHashedPassword(new IdentityUser(), UnknownAccountHash.Value, Input.Password);
        }

        // No address in the log; a disabled account gets the same answer as a wrong password.
        throttle.RecordFailure(source);
        logger.LogWarning("Organiser sign-in failed");
        Error = l["Sähköposti tai salasana on väärin."];
        Input.Password = "";
        return Page();
    }
}
