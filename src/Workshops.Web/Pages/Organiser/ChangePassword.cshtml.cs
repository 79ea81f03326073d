using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Members;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

public sealed class ChangePasswordInput
{
    /// <summary>The fields in form order, for the error summary.</summary>
    public static readonly string[] FieldNames = [nameof(CurrentPassword), nameof(NewPassword), nameof(ConfirmPassword)];

    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

/// <summary>
/// The organiser's own new password: the current one, the site's rules (12 characters, not easy to guess), every other
/// session ended and a notice by email (<see cref="OrganiserAccounts.ChangePasswordAsync"/>). Each problem is shown at its field.
/// </summary>
[Needs(Capability.Account)]
public sealed class ChangePasswordModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, OrganiserAccounts accounts, IStringLocalizer<OrganiserResource> l) : PageModel
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

        var result = await accounts.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!, user.UserName!, Cultures.Current, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(Input.CurrentPassword) : nameof(Input.NewPassword);
                ModelState.AddModelError($"Input.{field}", Describe(error));
            }

            return Page();
        }

        // The security stamp changed: renew this browser's cookie; every other session ends at its next request.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(user.Id))!);
        TempData.SetNotice(l["Salasana on vaihdettu."].Value);
        return RedirectToPage("/Organiser/Index");
    }

    private string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordMismatch) => l["Nykyinen salasana on väärin."],
        nameof(IdentityErrorDescriber.PasswordTooShort) => l["Uuden salasanan pitää olla vähintään 12 merkkiä pitkä."],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => l["Uudessa salasanassa pitää olla vähintään 5 eri merkkiä."],
        StrongPasswordValidator.Code => l["Salasana on liian helppo arvata: se on yleinen tai vuotanut salasana, sana, nimi tai kaava. Valitse pidempi lause useista harvinaisemmista sanoista."],
        _ => error.Description,
    };
}
