using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.Members;
using Workshops.Web.Infrastructure;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// Two-step sign-in with an authenticator app: start (a new secret), scan the QR code or type the key, confirm with a
/// code; or turn it off with a code (unless the administrator requires it). No script: every step is a form.
/// </summary>
[Needs(Capability.Account)]
public sealed class TwoFactorModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, OrganiserAccounts accounts, IStringLocalizer<OrganiserResource> l) : PageModel
{
    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    /// <summary>The secret being set up, in groups of four (null before starting or once enabled).</summary>
    public string? Key { get; private set; }

    /// <summary>The QR code of the <c>otpauth://</c> address, a PNG data URI.</summary>
    public string? QrDataUri { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? CodeError { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : Challenge();

    /// <summary>A new secret (replacing an unconfirmed one); the app is not in use until confirmed.</summary>
    public async Task<IActionResult> OnPostStartAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            await accounts.NewAuthenticatorKeyAsync(user);
            // A new secret renews the security stamp: keep this browser signed in (other sessions end).
            await signIn.RefreshSignInAsync(user);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!await accounts.EnableTwoFactorAsync(user, Code ?? "", user.UserName!, ct))
        {
            CodeError = l["Koodi on väärin tai vanhentunut. Kirjoita sovelluksen näyttämä 6-numeroinen koodi."];
            return await ShowAsync(user);
        }

        // The security stamp changed: renew this browser's cookie; every other session ends at its next request.
        await signIn.RefreshSignInAsync(user);
        TempData.SetNotice(l["Todennussovellus on käytössä. Kirjautuessa kysytään jatkossa myös sen koodi."].Value);
        return RedirectToPage("/Organiser/Index");
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        switch (await accounts.DisableTwoFactorAsync(user, Code ?? "", user.UserName!, ct))
        {
            case TwoFactorOff.Required:
                CodeError = l["Ylläpitäjä edellyttää todennussovellusta, joten sitä ei voi poistaa käytöstä."];
                return await ShowAsync(user);
            case TwoFactorOff.WrongCode:
                CodeError = l["Koodi on väärin tai vanhentunut. Kirjoita sovelluksen näyttämä 6-numeroinen koodi."];
                return await ShowAsync(user);
            default:
                await signIn.RefreshSignInAsync(user);
                TempData.SetNotice(l["Todennussovellus on poistettu käytöstä."].Value);
                return RedirectToPage("/Organiser/Index");
        }
    }

    private async Task<IActionResult> ShowAsync(IdentityUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await accounts.RequiresTwoFactorAsync(user);
        if (!Enabled && await accounts.AuthenticatorKeyAsync(user) is { } key)
        {
            Key = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
            QrDataUri = QrImage.DataUri(OrganiserAccounts.AuthenticatorUri(user.Email ?? user.UserName!, key), pixelsPerModule: 5);
        }

        return Page();
    }
}
