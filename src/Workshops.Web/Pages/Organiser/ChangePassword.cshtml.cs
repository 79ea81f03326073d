using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

public sealed class ChangePasswordInput
{
    /// <summary>The fields in form order, for the error summary.</summary>
    public static readonly string[] Fields = [nameof(CurrentPassword), nameof(NewPassword), nameof(ConfirmPassword)];

    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AuditLog audit, IStringLocalizer<OrganiserResource> l) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Every field is checked here, all at once, with its message next to it and in the summary.
        if (string.IsNullOrEmpty(Input.CurrentPassword))
        {
            ModelState.AddModelError("Input.CurrentPassword", l["Kirjoita nykyinen salasanasi."]);
        }

        if (string.IsNullOrEmpty(Input.NewPassword))
        {
            ModelState.AddModelError("Input.NewPassword", l["Kirjoita uusi salasana."]);
        }
        else if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("Input.ConfirmPassword", l["Uudet salasanat eivät ole samat."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword ?? "", Input.NewPassword ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "CurrentPassword" : "NewPassword";
                ModelState.AddModelError($"Input.{field}", Describe(error));
            }

            return Page();
        }

        // The security stamp changed: renew this browser's cookie; every other session ends at its next request.
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(user.UserName!, AuditAction.PasswordChanged, ct: ct);
        TempData.SetNotice(l["Salasana on vaihdettu."].Value);
        return RedirectToPage("/Organiser/Index");
    }

    private string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => l["Nykyinen salasana on väärin."],
        nameof(IdentityErrorDescriber.PasswordTooShort) => l["Uuden salasanan pitää olla vähintään 12 merkkiä pitkä."],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => l["Uudessa salasanassa pitää olla vähintään 5 eri merkkiä."],
        _ => error.Description,
    };
}
