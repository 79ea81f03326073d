using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Members;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>The new password typed twice on a page opened from an emailed link.</summary>
public sealed class NewPasswordInput
{
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";

    /// <summary>The fields in form order, for the error summary.</summary>
    public static readonly string[] FieldNames = [nameof(NewPassword), nameof(ConfirmPassword)];
}

/// <summary>
/// The two pages opened from an emailed link that sets a password (issue 25): <c>/organiser/invitation</c> (an invited
/// member's first password) and <c>/organiser/reset-password</c> (a forgotten one). Both are open without sign-in; the
/// link's one-use token is the key (<see cref="OrganiserAccounts.SetPasswordFromLinkAsync"/>). A used, expired or altered
/// link shows one plain sentence and a way to ask for a new one.
/// </summary>
[Needs(Capability.Account)]
public sealed class PasswordLinkModel(OrganiserAccounts accounts, IStringLocalizer<OrganiserResource> l) : PageModel
{
    /// <summary>The account id from the link.</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    /// <summary>The one-use token from the link.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    /// <summary>Whether the link still works (false: used, expired, altered, or the member was disabled).</summary>
    public bool LinkWorks { get; private set; }

    /// <summary>Which link this page serves, from its own path.</summary>
    public LinkKind Kind => RouteData.Values["page"] as string == "/Organiser/Invitation" ? LinkKind.Invitation : LinkKind.PasswordReset;

    public async Task OnGetAsync() => LinkWorks = await accounts.LinkUserAsync(Kind, UserId, Token) is not null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        LinkWorks = true;
        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError($"Input.{nameof(Input.ConfirmPassword)}", l["Uudet salasanat eivät ole samat."]);
            return Page();
        }

        var result = await accounts.SetPasswordFromLinkAsync(Kind, UserId, Token, Input.NewPassword ?? "", Cultures.Current, ct);
        if (result is null)
        {
            LinkWorks = false;
            return Page();
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"Input.{nameof(Input.NewPassword)}", Describe(error));
            }

            return Page();
        }

        TempData.SetNotice(l["Salasana on asetettu. Kirjaudu sisään sillä."].Value);
        return RedirectToPage("/Organiser/SignIn");
    }

    private string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => l["Uuden salasanan pitää olla vähintään 12 merkkiä pitkä."],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => l["Uudessa salasanassa pitää olla vähintään 5 eri merkkiä."],
        StrongPasswordValidator.Code => l["Salasana on liian helppo arvata: se on yleinen tai vuotanut salasana, sana, nimi tai kaava. Valitse pidempi lause useista harvinaisemmista sanoista."],
        _ => error.Description,
    };
}
