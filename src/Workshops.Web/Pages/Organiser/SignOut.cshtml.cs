using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages.Organiser;

/// <summary>Signing out is a POST (the button in the header) and ends all of the organiser's sessions; the GET only offers the button.</summary>
[Needs(Capability.Account)]
public sealed class SignOutModel(SignInManager<IdentityUser> signIn, AuditLog audit, CurrentOrganiser organiser) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await audit.WriteAsync(organiser.Email, AuditAction.SignedOut, ct: ct);
        // A new security stamp ends every session of this organiser, a copied cookie included.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Organiser/SignIn");
    }
}
