using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// Erasing a person: the registration row stays (workshop, group, status, check-in, times) so every count and
/// report stays right, but name, email, organisation and needs are replaced, the answers to custom questions deleted, their manage links stop working
/// and nothing more is sent to them. Their feedback answer keeps only its ratings, tied to no one.
/// </summary>
public static class PersonalData
{
    public const string ErasedName = "(poistettu)";

    public static string ErasedEmail(int registrationId) => $"erased-{registrationId}@invalid";

    /// <summary>Erases each person (<see cref="Registration.Erase"/>), their manage links and unsent mail; the caller saves.</summary>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    internal static async Task EraseAsync(WorkshopsDbContext db, IReadOnlyCollection<Registration> people, DateTime nowUtc, CancellationToken ct)
    {
        WriteTransaction.EnsureOpen(db);
        foreach (var person in people)
        {
            person.Erase(nowUtc);
        }

        var ids = people.Select(p => p.Id).ToList();
        await db.ManageTokens.Where(t => ids.Contains(t.RegistrationId)).ExecuteDeleteAsync(ct);
        // Answers to custom questions may be as personal as the needs field (a diet, a disability): they go too.
        await db.RegistrationAnswers.Where(a => ids.Contains(a.RegistrationId)).ExecuteDeleteAsync(ct);
        // Feedback on the method stays as ratings without any tie to the person; their written texts go.
        await FeedbackService.AnonymiseAsync(db, ids, nowUtc, ct);
        // Unsent messages would go to the old address; an SMTP error text may quote it.
        await db.OutgoingEmails
            .Where(e => e.RegistrationId != null && ids.Contains(e.RegistrationId.Value) && (e.State == EmailState.Queued || e.State == EmailState.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Skipped), ct);
        await db.OutgoingEmails
            .Where(e => e.RegistrationId != null && ids.Contains(e.RegistrationId.Value) && e.LastError != null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastError, (string?)null), ct);
    }
}
