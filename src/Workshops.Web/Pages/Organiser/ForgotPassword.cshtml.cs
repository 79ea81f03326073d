using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Members;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// "Forgot password" (issue 25), open without sign-in and rate-limited (<c>RateLimiting__PasswordReset__…</c>): the same
/// answer whether the address is a member's or not; a member gets a one-use reset link by email
/// (<see cref="OrganiserAccounts.RequestPasswordResetAsync"/>).
/// </summary>
[Needs(Capability.Account)]
public sealed class ForgotPasswordModel(OrganiserAccounts accounts, IStringLocalizer<OrganiserResource> l) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    /// <summary>After a request: the one answer, whatever the address.</summary>
    public bool Sent { get; private set; }

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Email?.Trim() ?? "";
        if (email.Length is 0 or > 254 || !email.Contains('@'))
        {
            ModelState.AddModelError(nameof(Email), l["Kirjoita sähköpostiosoitteesi."]);
            return Page();
        }

        await accounts.RequestPasswordResetAsync(email, Cultures.Current, ct);
        return RedirectToPage(new { sent = true });
    }
}
