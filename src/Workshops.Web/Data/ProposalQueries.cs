using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Data;

/// <summary>The proposal lists pages and messages share, in the order they are shown (oldest first).</summary>
public static class ProposalQueries
{
    /// <summary>A workshop's approved proposals marked taken forward: what the results page and the results email list.</summary>
    public static IQueryable<Proposal> TakenForward(this IQueryable<Proposal> proposals, Guid workshopId) =>
        proposals.Where(p => p.WorkshopId == workshopId && p.State == ProposalState.Approved && p.TakenForward).OrderBy(p => p.Id);

    /// <summary>
    /// The participants the results go to and have not had them yet: confirmed (checked in or not), not erased, with no
    /// results message queued or sent before. Inside the write seam, call it after the workshop's lock.
    /// </summary>
    public static IQueryable<Registration> ResultsNotYetSent(this WorkshopsDbContext db, Guid workshopId)
    {
        var alreadyHave = db.OutgoingEmails.Where(e => e.Kind == Email.EmailKind.Results && e.RegistrationId != null).Select(e => e.RegistrationId!.Value);
        return db.Registrations.Where(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Confirmed
            && r.ErasedAtUtc == null && !alreadyHave.Contains(r.Id));
    }

    /// <summary>A workshop's proposals on the moderation list: those in <paramref name="state"/> (every one when null), oldest first.</summary>
    public static IQueryable<Proposal> ForModeration(this IQueryable<Proposal> proposals, Guid workshopId, ProposalState? state) =>
        proposals.Where(p => p.WorkshopId == workshopId && (state == null || p.State == state)).OrderBy(p => p.Id);

    /// <summary>How many proposals of the workshop are in each state (a state without any is missing).</summary>
    public static async Task<Dictionary<ProposalState, int>> CountsByStateAsync(this IQueryable<Proposal> proposals, Guid workshopId, CancellationToken ct) =>
        await proposals.Where(p => p.WorkshopId == workshopId)
            .GroupBy(p => p.State)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>
    /// Proposals of the workshop that <paramref name="duplicateId"/> could be merged into, matching a search: the proposal
    /// with that number when <paramref name="search"/> is one, otherwise those whose text contains it (letter case ignored
    /// where the database can), oldest first. Merged ones and the duplicate itself are left out.
    /// </summary>
    public static IQueryable<Proposal> MergeCandidates(this IQueryable<Proposal> proposals, Guid workshopId, int duplicateId, string search)
    {
        var candidates = proposals.Where(p => p.WorkshopId == workshopId && p.Id != duplicateId && p.State != ProposalState.Merged);
        var text = search.Trim();
        return (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? candidates.Where(p => p.Id == number)
            : candidates.Where(p => p.Text.ToLower().Contains(text.ToLower()))).OrderBy(p => p.Id);
    }

    /// <summary>A workshop's approved proposals (for its public page, when the organiser allows it).</summary>
    public static IQueryable<Proposal> Approved(this IQueryable<Proposal> proposals, Guid workshopId) =>
        proposals.Where(p => p.WorkshopId == workshopId && p.State == ProposalState.Approved).OrderBy(p => p.Id);
}
