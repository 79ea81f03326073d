using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Manage;

/// <summary>
/// A personal link (<c>/manage/{token}…</c>) opens in the language the person registered in, whatever the browser's
/// Accept-Language says: the email they followed was in that language. It comes after <c>?culture=</c> and the
/// language switch's cookie, so an explicit choice still wins.
/// </summary>
public sealed class ManageLinkCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var segments = httpContext.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["manage", var token, ..] || ManageToken.HashIfWellFormed(token) is not { } hash)
        {
            return null;
        }

        var db = httpContext.RequestServices.GetRequiredService<WorkshopsDbContext>();
        var language = await db.ManageTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => t.Registration!.Language)
            .FirstOrDefaultAsync(httpContext.RequestAborted);
        return Cultures.IsSupported(language) ? new ProviderCultureResult(language!) : null;
    }
}
