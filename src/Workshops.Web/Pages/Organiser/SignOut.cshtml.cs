using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Domain;

namespace Workshops.Web.Pages.Organiser;

/// <summary>Signing out is a POST (the button in the header); the GET only offers the button.</summary>
public sealed class SignOutModel(SignInManager<IdentityUser> signIn, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await audit.WriteAsync(User.Identity!.Name!, AuditAction.SignedOut, ct: ct);
        await signIn.SignOutAsync();
        return RedirectToPage("/Organiser/SignIn");
    }
}
