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

    /// <summary>A workshop's approved proposals (for its public page, when the organiser allows it).</summary>
    public static IQueryable<Proposal> Approved(this IQueryable<Proposal> proposals, Guid workshopId) =>
        proposals.Where(p => p.WorkshopId == workshopId && p.State == ProposalState.Approved).OrderBy(p => p.Id);
}
