using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

public sealed class SignInInput
{
    [Required]
    public string Email { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";
}

/// <summary>The only organiser page open to everyone. Five wrong passwords lock the account for 15 minutes.</summary>
public sealed class SignInModel(SignInManager<IdentityUser> signIn, AuditLog audit, IStringLocalizer<OrganiserResource> l, ILogger<SignInModel> logger) : PageModel
{
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
        if (!ModelState.IsValid)
        {
            Error = l["Kirjoita sähköposti ja salasana."];
            return Page();
        }

        var email = Input.Email.Trim();
        var result = await signIn.PasswordSignInAsync(email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The name as stored, whatever case it was typed in: the log reads the same for every sign-in.
            var user = await signIn.UserManager.FindByNameAsync(email);
            await audit.WriteAsync(user?.UserName ?? email, AuditAction.SignedIn, ct: ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/organiser", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : Url.Page("/Organiser/Index")!);
        }

        // No address in the log: the audit log and the lockout itself are the record.
        logger.LogWarning("Organiser sign-in failed (locked out: {LockedOut})", result.IsLockedOut);
        Error = result.IsLockedOut
            ? l["Liian monta epäonnistunutta yritystä. Tili on lukittu 15 minuutiksi."]
            : l["Sähköposti tai salasana on väärin."];
        Input.Password = "";
        return Page();
    }
}
