using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Web.Domain.IdeasWall;

/// <summary>What a moderation action on a proposal did.</summary>
public enum ModerationOutcome
{
    Done,

    /// <summary>Nothing changed (already so, or the transition is not allowed from the proposal's state).</summary>
    Unchanged,
    NotFound,
}

/// <summary>
/// The ideas wall: proposals left by anyone (no account) and their moderation by organisers. Each change is one
/// <see cref="WriteTransaction"/> with its audit entry; decisions (is the wall open? was this form already sent?) are
/// read inside it. Committing evicts the public cache (<see cref="Infrastructure.PublicCache"/> observes every commit),
/// so an approved proposal shows on the public page at once.
/// </summary>
public sealed class IdeasWallService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>
    /// Stores a proposal left by anyone (no account), once per <paramref name="formKey"/> (the form's): the same form
    /// posted again (a double click, a form resent after a dropped connection) stores nothing and answers as the first post
    /// did, with the id of the proposal it stored. Null when the workshop does not exist or its ideas wall is off, or the
    /// theme is not one of the workshop's (a stale form): the caller shows the form again.
    /// </summary>
    /// <remarks>
    /// No workshop lock: a proposal decides nothing about seats, so it need not queue behind registrations. Under SQLite
    /// the write lock serialises the key check anyway; two PostgreSQL instances may both pass it, and the unique index
    /// then refuses the second insert, which reads the winner's proposal instead.
    /// </remarks>
    public async Task<int?> SubmitAsync(Guid workshopId, Guid formKey, ProposalRequest request, CancellationToken ct = default)
    {
        try
        {
            return await writes.RunAsync<int?>(async c =>
            {
                var stored = await ProposalOfKeyAsync(formKey, c);
                if (stored?.WorkshopId == workshopId)
                {
                    return stored.Id;
                }

                var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, c);
                if (workshop is not { IdeasWall.Enabled: true }
                    || (request.Theme is { } theme && workshop.IdeasWall.ThemesFor("fi").All(t => t.Key != theme)))
                {
                    return null;
                }

                // A key already used on another workshop's form (only a hand-made post does that) is no repeat of this
                // form: the proposal is stored, without the key.
                var proposal = Proposal.Create(workshopId, request, Now, stored is null ? formKey : null);
                db.Proposals.Add(proposal);
                await db.SaveChangesAsync(c);
                return proposal.Id;
            }, ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // The transaction was rolled back; the winner's row is committed (it held the index entry we waited on).
            if (await ProposalOfKeyAsync(formKey, ct) is { } stored && stored.WorkshopId == workshopId)
            {
                return stored.Id;
            }

            throw;
        }
    }

    /// <summary>Approves a proposal of <paramref name="workshopId"/> (the workshop in the organiser's URL).</summary>
    public Task<ModerationOutcome> ApproveAsync(Guid workshopId, int proposalId, string actor, CancellationToken ct = default) =>
        ModerateAsync(workshopId, proposalId, actor, AuditAction.ProposalApproved, (p, now) => p.Approve(now), ct);

    /// <summary>Hides a proposal from public lists and results.</summary>
    public Task<ModerationOutcome> HideAsync(Guid workshopId, int proposalId, string actor, CancellationToken ct = default) =>
        ModerateAsync(workshopId, proposalId, actor, AuditAction.ProposalHidden, (p, now) => p.Hide(now), ct);

    /// <summary>Marks an approved proposal as taken forward (shown in the results) or takes the mark off.</summary>
    public Task<ModerationOutcome> SetTakenForwardAsync(Guid workshopId, int proposalId, bool takenForward, string actor, CancellationToken ct = default) =>
        ModerateAsync(workshopId, proposalId, actor, takenForward ? AuditAction.ProposalTakenForward : AuditAction.ProposalNotTakenForward,
            (p, now) => p.MarkTakenForward(takenForward, now), ct);

    /// <summary>Merges a duplicate into another proposal of the same workshop (final).</summary>
    public Task<ModerationOutcome> MergeAsync(Guid workshopId, int proposalId, int intoId, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            var pair = await db.Proposals.Where(p => p.WorkshopId == workshopId && (p.Id == proposalId || p.Id == intoId)).ToListAsync(c);
            if (pair.SingleOrDefault(p => p.Id == proposalId) is not { } duplicate || pair.SingleOrDefault(p => p.Id == intoId) is not { } target)
            {
                return ModerationOutcome.NotFound;
            }

            if (!duplicate.MergeInto(target, Now))
            {
                return ModerationOutcome.Unchanged;
            }

            audit.Add(actor, AuditAction.ProposalMerged, workshopId, detail: AuditDetail.Of(AuditDetailKind.ProposalMerged, proposalId, intoId));
            return ModerationOutcome.Done;
        }, ct);

    private Task<ModerationOutcome> ModerateAsync(
        Guid workshopId, int proposalId, string actor, AuditAction action, Func<Proposal, DateTime, bool> change, CancellationToken ct) =>
        writes.RunAsync(async c =>
        {
            var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.WorkshopId == workshopId, c);
            if (proposal is null)
            {
                return ModerationOutcome.NotFound;
            }

            if (!change(proposal, Now))
            {
                return ModerationOutcome.Unchanged;
            }

            audit.Add(actor, action, workshopId, detail: AuditDetail.Of(AuditDetailKind.Proposal, proposalId));
            return ModerationOutcome.Done;
        }, ct);

    private Task<ProposalKeyOwner?> ProposalOfKeyAsync(Guid formKey, CancellationToken ct) =>
        db.Proposals.AsNoTracking().Where(p => p.FormKey == formKey).Select(p => new ProposalKeyOwner(p.Id, p.WorkshopId)).SingleOrDefaultAsync(ct);

    private sealed record ProposalKeyOwner(int Id, Guid WorkshopId);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
