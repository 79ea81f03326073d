using Workshops.Web.Domain.Accessibility;

namespace Workshops.Web.Domain.Workshops;

/// <summary>
/// What a copy of a workshop carries (<see cref="WorkshopService.CopyAsync"/>), decided in one place and free of any database.
/// It takes what describes the workshop: the Finnish title, the descriptions, date, times, place (and its sv/en names),
/// format, audience, capacities (a hybrid workshop's online seats too), deadline, "registration required", reminder switch,
/// ideas wall (on/off, public, themes), seat offers, group size, the accessibility block (the venue's facts, which a copy
/// at the same place shares), the practical information of the emails, and the funder settings (activity kind and
/// retention: the same activity under the same funding). It is a draft (<see cref="Workshop.IsDraft"/>) with registration
/// closed: its date, time and place are still the source's, so nobody sees or registers for it until an organiser has
/// checked and published it. Left out: the online join link (another session needs its own meeting), the Swedish and
/// English titles (copied, two workshops would read as one in those languages; an empty title shows the Finnish one,
/// visibly untranslated), the reason of a cancellation, and everything of the source's people or history: registrations,
/// answers, arrivals and the roster, certificates, self-entry emails, offers, feedback, results, head count, messages,
/// proposals, calendar history (Sequence starts at 0). The questions are copied by the service (they are rows of their own).
/// </summary>
public static class WorkshopCopy
{
    /// <summary>A new draft <paramref name="id"/> at <paramref name="slug"/> copied from <paramref name="source"/> at <paramref name="nowUtc"/> (UTC).</summary>
    public static Workshop Of(Workshop source, Guid id, string slug, DateTime nowUtc)
    {
        var details = new WorkshopDetails(slug, new LocalizedText { Fi = source.Title.Fi }, source.Description.Copy(), source.Date,
            source.StartTime, source.EndTime, source.Format, source.Audience, source.Place, OnlineJoinUrl: null, source.Capacity,
            source.RegistrationDeadline, source.RegistrationRequired, source.PlaceSv, source.PlaceEn, source.Reminders.Enabled,
            source.IdeasWall.ToSettings(), source.Offers, source.Groups.MaxPeople, source.Hybrid.OnlineCapacity, source.Funder with { });
        var copy = Workshop.CreateDraft(id, details, nowUtc);
        copy.SetRegistrationOpen(false, nowUtc);
        var access = source.Accessibility;
        copy.DescribeAccessibility(AccessibilityInfo.From(Enum.GetValues<Arrangement>().ToDictionary(a => a, access.For), access.Notes), nowUtc);
        copy.ChangePracticalInfo(source.Words.PracticalInfo, nowUtc);
        return copy;
    }
}
