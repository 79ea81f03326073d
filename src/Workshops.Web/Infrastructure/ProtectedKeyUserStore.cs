using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Workshops.Web.Data;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Identity's store for the organisers, with one change: the authenticator app's secret is kept encrypted with the
/// Data Protection key ring (in the database, itself encrypted by <c>DataProtection__CertificatePath</c> when set), so a
/// copy of the <c>AspNetUserTokens</c> table alone cannot produce codes.
/// </summary>
public sealed class ProtectedKeyUserStore(WorkshopsDbContext db, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<IdentityUser, WorkshopsDbContext>(db, describer)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Workshops.AuthenticatorKey.v1");

    public override Task SetAuthenticatorKeyAsync(IdentityUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, _protector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        return stored is null ? null : _protector.Unprotect(stored);
    }
}
