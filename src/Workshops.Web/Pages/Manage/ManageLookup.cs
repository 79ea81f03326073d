using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Pages.Manage;

/// <summary>Finds the registration behind a manage link, by the token's hash.</summary>
public static class ManageLookup
{
    public static async Task<Registration?> FindAsync(WorkshopsDbContext db, string? token, CancellationToken ct)
    {
        if (ManageToken.HashIfWellFormed(token) is not { } hash)
        {
            return null;
        }

        var match = await db.ManageTokens
            .Include(t => t.Registration).ThenInclude(r => r!.Workshop)
            .SingleOrDefaultAsync(t => t.Hash == hash, ct);
        // The index finds the row; the fixed-time comparison keeps the final check free of timing hints.
        return match is not null && CryptographicOperations.FixedTimeEquals(match.Hash, hash) ? match.Registration : null;
    }
}
