using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Domain.IdeasWall;

/// <summary>What a moderation action on a proposal did.</summary>
public enum ModerationOutcome
{
    Done,

    /// <summary>Nothing changed (already so, or the transition is not allowed from the proposal's state).</summary>
    Unchanged,
    NotFound,
}

/// <summary>What became of a proposal left on the ideas wall.</summary>
public enum SubmitStatus
{
    /// <summary>Stored (or, for the same form posted again, already stored): <see cref="SubmitOutcome.ProposalId"/> is its id.</summary>
    Stored,

    /// <summary>The workshop does not exist, its wall is off, or the theme is not one of its own (a stale form).</summary>
    NotOpen,

    /// <summary>
    /// The workshop's wall took its ceiling of proposals in the last window (<see cref="RateLimitingOptions.ProposalsPerWorkshop"/>,
    /// counted over every address): nothing stored, the person may try again shortly.
    /// </summary>
    Busy,
}

/// <summary>What <see cref="IdeasWallService.SubmitAsync"/> did, and the id of the stored proposal.</summary>
public sealed record SubmitOutcome(SubmitStatus Status, int? ProposalId = null);

/// <summary>What the organiser does to the proposals ticked on the moderation list.</summary>
public enum BulkModeration
{
    Approve,
    Hide,

    /// <summary>Delete for good (spam): refused one by one where <see cref="Proposal.WhyKept"/> says so.</summary>
    Delete,
}

/// <summary>
/// What one bulk action did: how many proposals changed, how many were already so (or could not move from their
/// state), and the ones kept because deleting them would lose something (<see cref="Proposal.WhyKept"/>). Ids not of
/// the workshop are ignored.
/// </summary>
public sealed record BulkOutcome(int Changed, int Unchanged, IReadOnlyList<int> Kept);

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
    IOptionsMonitor<RateLimitingOptions> limits,
    TimeProvider time)
{
    /// <summary>The most proposals one bulk action takes: two pages of the moderation list (a form posts at most 100 values).</summary>
    public const int MaxBulk = 100;

    /// <summary>
    /// Stores a proposal left by anyone (no account), once per <paramref name="formKey"/> (the form's): the same form
    /// posted again (a double click, a form resent after a dropped connection) stores nothing and answers as the first post
    /// did, with the id of the proposal it stored. <see cref="SubmitStatus.NotOpen"/> when the workshop does not exist or
    /// its ideas wall is off, or the theme is not one of the workshop's (a stale form): the caller shows the form again.
    /// <see cref="SubmitStatus.Busy"/> when the workshop already took <c>RateLimiting__ProposalsPerWorkshop__PermitLimit</c>
    /// proposals in the last <c>__WindowSeconds</c> (UTC, from <see cref="TimeProvider"/>), whatever addresses they came
    /// from: a flood cannot bury the wall faster than that. Off with <c>RateLimiting__Enabled=false</c>.
    /// </summary>
    /// <remarks>
    /// No workshop lock: a proposal decides nothing about seats, so it need not queue behind registrations. Under SQLite
    /// the write lock serialises the key check and the ceiling's count; two PostgreSQL instances may both pass them (the
    /// ceiling may be overshot by one proposal per further instance), and the unique index then refuses the second insert
    /// of one form, which reads the winner's proposal instead.
    /// </remarks>
    public async Task<SubmitOutcome> SubmitAsync(Guid workshopId, Guid formKey, ProposalRequest request, CancellationToken ct = default)
    {
        try
        {
            return await writes.RunAsync(async c =>
            {
                var stored = await ProposalOfKeyAsync(formKey, c);
                if (stored?.WorkshopId == workshopId)
                {
                    return new SubmitOutcome(SubmitStatus.Stored, stored.Id);
                }

                var workshop = await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, c);
                if (workshop is not { IdeasWall.Enabled: true }
                    || (request.Theme is { } theme && workshop.IdeasWall.ThemesFor("fi").All(t => t.Key != theme)))
                {
                    return new SubmitOutcome(SubmitStatus.NotOpen);
                }

                if (await CeilingReachedAsync(workshopId, c))
                {
                    return new SubmitOutcome(SubmitStatus.Busy);
                }

                // A key already used on another workshop's form (only a hand-made post does that) is no repeat of this
                // form: the proposal is stored, without the key.
                var proposal = Proposal.Create(workshopId, request, Now, stored is null ? formKey : null);
                db.Proposals.Add(proposal);
                await db.SaveChangesAsync(c);
                return new SubmitOutcome(SubmitStatus.Stored, proposal.Id);
            }, ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // The transaction was rolled back; the winner's row is committed (it held the index entry we waited on).
            if (await ProposalOfKeyAsync(formKey, ct) is { } stored && stored.WorkshopId == workshopId)
            {
                return new SubmitOutcome(SubmitStatus.Stored, stored.Id);
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

    /// <summary>
    /// Approves, hides or deletes for good the proposals <paramref name="proposalIds"/> of <paramref name="workshopId"/>
    /// (the organiser's ticked boxes) in one write, with an audit entry per proposal changed. Approving and hiding follow
    /// each proposal's own transitions (<see cref="Proposal.Approve"/>, <see cref="Proposal.Hide"/>); deleting refuses a
    /// proposal taken forward and one that another proposal, not deleted with it, was merged into.
    /// </summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxBulk"/> ids.</exception>
    public Task<BulkOutcome> ModerateManyAsync(
        Guid workshopId, IReadOnlyCollection<int> proposalIds, BulkModeration action, string actor, CancellationToken ct = default)
    {
        var ids = proposalIds.Distinct().ToList();
        if (ids.Count > MaxBulk)
        {
            throw new ArgumentException($"At most {MaxBulk} proposals at a time.", nameof(proposalIds));
        }

        return writes.RunAsync(async c =>
        {
            var proposals = await db.Proposals.Where(p => p.WorkshopId == workshopId && ids.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(c);
            if (action == BulkModeration.Delete)
            {
                return await DeleteAsync(workshopId, proposals, actor, c);
            }

            var changed = 0;
            foreach (var proposal in proposals)
            {
                var done = action == BulkModeration.Approve ? proposal.Approve(Now) : proposal.Hide(Now);
                if (done)
                {
                    audit.Add(actor, action == BulkModeration.Approve ? AuditAction.ProposalApproved : AuditAction.ProposalHidden, workshopId,
                        detail: AuditDetail.Of(AuditDetailKind.Proposal, proposal.Id));
                    changed++;
                }
            }

            return new BulkOutcome(changed, proposals.Count - changed, []);
        }, ct);
    }

    private async Task<BulkOutcome> DeleteAsync(Guid workshopId, List<Proposal> proposals, string actor, CancellationToken ct)
    {
        var ids = proposals.Select(p => p.Id).ToList();
        // Targets of merges whose duplicates stay (a duplicate deleted in the same action points at nothing afterwards).
        var pointedAt = (await db.Proposals
            .Where(p => p.WorkshopId == workshopId && p.MergedIntoId != null && ids.Contains(p.MergedIntoId.Value) && !ids.Contains(p.Id))
            .Select(p => p.MergedIntoId!.Value)
            .ToListAsync(ct)).ToHashSet();
        var kept = proposals.Where(p => p.WhyKept(pointedAt.Contains(p.Id)) is not null).Select(p => p.Id).ToList();
        var doomed = proposals.Where(p => !kept.Contains(p.Id)).ToList();
        db.Proposals.RemoveRange(doomed);
        foreach (var proposal in doomed)
        {
            audit.Add(actor, AuditAction.ProposalDeleted, workshopId, detail: AuditDetail.Of(AuditDetailKind.Proposal, proposal.Id));
        }

        return new BulkOutcome(doomed.Count, 0, kept);
    }

    private async Task<bool> CeilingReachedAsync(Guid workshopId, CancellationToken ct)
    {
        var options = limits.CurrentValue;
        if (!options.Enabled)
        {
            return false;
        }

        var since = Now.AddSeconds(-options.ProposalsPerWorkshop.WindowSeconds);
        return await db.Proposals.CountAsync(p => p.WorkshopId == workshopId && p.CreatedAtUtc > since, ct) >= options.ProposalsPerWorkshop.PermitLimit;
    }

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
