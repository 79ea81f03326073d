using Microsoft.EntityFrameworkCore;

namespace Workshops.Web.Domain;

/// <summary>What deleting a draft did: deleted, refused (published, or someone has already used it), or no such workshop.</summary>
public enum DraftDeletion
{
    Deleted,
    Published,
    InUse,
    NotFound,
}

public sealed partial class OrganiserService
{
    /// <summary>
    /// Deletes a draft (a mistaken or doubled copy) with its questions and the records that belong only to it. Refused
    /// for a published workshop (it is cancelled instead) and for a draft that has registrations, proposals, feedback
    /// answers or outgoing emails; decided under the workshop's lock from the database, so of two deletes (a double
    /// click, two organisers) the second finds nothing. The audit entry keeps the slug: the log has no foreign keys
    /// and outlives the workshop. The commit empties the public cache like every other write.
    /// </summary>
    public Task<DraftDeletion> DeleteDraftAsync(Guid workshopId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            var workshop = await LockedWorkshopAsync(workshopId, ct);
            if (workshop is null)
            {
                return DraftDeletion.NotFound;
            }

            if (!workshop.IsDraft)
            {
                return DraftDeletion.Published;
            }

            if (await db.Registrations.AnyAsync(r => r.WorkshopId == workshopId, ct)
                || await db.Proposals.AnyAsync(p => p.WorkshopId == workshopId, ct)
                || await db.FeedbackAnswers.AnyAsync(a => a.WorkshopId == workshopId, ct)
                || await db.OutgoingEmails.AnyAsync(e => e.WorkshopId == workshopId, ct))
            {
                return DraftDeletion.InUse;
            }

            db.WorkshopQuestions.RemoveRange(await db.WorkshopQuestions.Where(q => q.WorkshopId == workshopId).ToListAsync(ct));
            db.AttendeeMessages.RemoveRange(await db.AttendeeMessages.Where(m => m.WorkshopId == workshopId).ToListAsync(ct));
            db.ResultsMailings.RemoveRange(await db.ResultsMailings.Where(m => m.WorkshopId == workshopId).ToListAsync(ct));
            db.Workshops.Remove(workshop);
            audit.Add(actor, AuditAction.WorkshopDeleted, workshopId, detail: AuditDetail.Of(AuditDetailKind.WorkshopAddress, workshop.Slug));
            return DraftDeletion.Deleted;
        }, ct);
}
