using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// Erasing a person: the registration row stays (workshop, group, status, check-in, times) so every count and
/// report stays right, but every column the model marks personal (<see cref="PersonalColumns"/>: name, email,
/// organisation, needs, answers, written feedback, an SMTP error quoting the address…) is erased in their registration
/// and in every row tied to it by foreign keys, and in the proposals they left under their own name. Their answers to
/// custom questions are deleted, their manage links stop working and nothing more is sent to them. Their feedback answer
/// keeps only its ratings, tied to no one.
/// </summary>
public static class PersonalData
{
    public const string ErasedName = "(poistettu)";

    /// <summary>What an erased address becomes in a row whose key is <paramref name="id"/> (a registration, an outside recipient): still unique per row.</summary>
    public static string ErasedEmail(int id) => $"erased-{id}@invalid";

    /// <summary>
    /// Erases each person (<see cref="Registration.Erase"/> and every personal column of the rows tied to them), the
    /// proposals they signed (<see cref="ProposalsSignedByAsync"/>), their manage links and unsent mail; the caller saves.
    /// At the person's request their certificates of attendance are withdrawn and lose the name; the retention purge
    /// (<paramref name="purge"/>) keeps a certificate's name (<see cref="PersonalColumns.KeptByThePurge{T}"/>), so it stays verifiable.
    /// </summary>
    /// <returns>How many proposals lost a name or an organisation.</returns>
    /// <exception cref="InvalidOperationException">Outside <see cref="WriteTransaction.RunAsync{T}"/>.</exception>
    internal static async Task<int> EraseAsync(WorkshopsDbContext db, IReadOnlyCollection<Registration> people, DateTime nowUtc, CancellationToken ct, bool purge = false)
    {
        WriteTransaction.EnsureOpen(db);
        var ids = people.Select(p => p.Id).ToList();
        var proposals = await ProposalsSignedByAsync(db, people, ct);
        if (!purge)
        {
            await CertificateService.WithdrawAsync(db, ids, nowUtc, ct);
        }

        // The model's list first, while every row is still tied to the person (the feedback answer is untied below).
        await PersonalColumns.EraseTiedToAsync(db, typeof(Registration), ids.Cast<object>().ToList(), ct, purge);
        await PersonalColumns.EraseTiedToAsync(db, typeof(Proposal), proposals.Select(p => (object)p.Id).ToList(), ct, purge);
        foreach (var person in people)
        {
            person.Erase(nowUtc);
        }

        var signed = proposals.Count(p => p.ErasePersonalData(nowUtc));
        await db.ManageTokens.Where(t => ids.Contains(t.RegistrationId)).ExecuteDeleteAsync(ct);
        // Answers to custom questions may be as personal as the needs field (a diet, a disability): they go too.
        await db.RegistrationAnswers.Where(a => ids.Contains(a.RegistrationId)).ExecuteDeleteAsync(ct);
        // Feedback on the method stays as ratings without any tie to the person; their written texts go.
        await FeedbackService.AnonymiseAsync(db, ids, nowUtc, ct);
        // Unsent messages would go to the old address.
        await db.OutgoingEmails
            .Where(e => e.RegistrationId != null && ids.Contains(e.RegistrationId.Value) && (e.State == EmailState.Queued || e.State == EmailState.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Skipped), ct);
        return signed;
    }

    /// <summary>
    /// The proposals of the people's workshops that carry one of their names (as registered; compared in Unicode NFC,
    /// ignoring case and spacing). A proposal stores no address and no tie to a registration, so the name the person
    /// gave is the only thing that says it is theirs; one signed otherwise is erased by the retention purge.
    /// </summary>
    internal static async Task<List<Proposal>> ProposalsSignedByAsync(WorkshopsDbContext db, IReadOnlyCollection<Registration> people, CancellationToken ct)
    {
        var names = people.Where(p => p.ErasedAtUtc is null).Select(p => (p.WorkshopId, Name: Comparable(p.Name))).ToHashSet();
        var workshops = names.Select(n => n.WorkshopId).Distinct().ToList();
        var signed = await db.Proposals.Where(p => workshops.Contains(p.WorkshopId) && p.Name != null).ToListAsync(ct);
        // In memory, the name as tracked: the retention purge may have erased it from a proposal already loaded.
        return signed.Where(p => p.Name is { } name && names.Contains((p.WorkshopId, Comparable(name)))).ToList();
    }

    private static string Comparable(string name) =>
        string.Join(' ', TextRules.Nfc(name).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
