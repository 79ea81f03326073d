using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

public sealed class ChangePasswordInput
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AuditLog audit, IStringLocalizer<OrganiserResource> l) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public List<string> Errors { get; } = [];

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

        if (Input.NewPassword != Input.ConfirmPassword)
        {
            Errors.Add(l["Uudet salasanat eivät ole samat."]);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword ?? "", Input.NewPassword ?? "");
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => Describe(e)));
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
