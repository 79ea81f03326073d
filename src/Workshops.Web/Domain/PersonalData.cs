using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Email;

namespace Workshops.Web.Domain;

/// <summary>
/// Erasing a person: the registration row stays (workshop, group, status, check-in, times) so every count and
/// report stays right, but name, email, organisation and needs are replaced, their manage links stop working
/// and nothing more is sent to them.
/// </summary>
public static class PersonalData
{
    public const string ErasedName = "(poistettu)";

    public static string ErasedEmail(int registrationId) => $"erased-{registrationId}@invalid";

    /// <summary>Call inside the caller's write transaction; the caller saves.</summary>
    internal static async Task EraseAsync(WorkshopsDbContext db, IReadOnlyCollection<Registration> people, DateTime nowUtc, CancellationToken ct)
    {
        foreach (var person in people)
        {
            person.Name = ErasedName;
            person.Email = ErasedEmail(person.Id);
            person.EmailNormalized = person.Email;
            person.Organisation = null;
            person.Needs = null;
            person.ErasedAtUtc = nowUtc;
        }

        var ids = people.Select(p => p.Id).ToList();
        await db.ManageTokens.Where(t => ids.Contains(t.RegistrationId)).ExecuteDeleteAsync(ct);
        // Unsent messages would go to the old address; an SMTP error text may quote it.
        await db.OutgoingEmails
            .Where(e => ids.Contains(e.RegistrationId) && (e.State == EmailState.Queued || e.State == EmailState.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Skipped), ct);
        await db.OutgoingEmails
            .Where(e => ids.Contains(e.RegistrationId) && e.LastError != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastError, (string?)null), ct);
    }
}
