using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Registrations;

/// <summary>
/// What the reports need of one registration (no names or addresses): <paramref name="Attended"/> = checked in (by an
/// organiser or by the person with the venue code); <paramref name="AskedForFeedback"/> = a feedback request was queued for
/// the person; <paramref name="OpenOffer"/>: waiting and holding an open seat offer (still waiting, not a participant);
/// <paramref name="InGroup"/>: registered on a group's form (the contact or one of those they registered);
/// <paramref name="OverCapacity"/>: confirmed by an organiser's "add anyway"; <paramref name="Mode"/>: the stored way of attending.
/// </summary>
public sealed record RegistrationFact(Guid WorkshopId, RegistrationStatus Status, HelixGroup Group, string? Organisation, bool Attended, bool Erased,
    bool AskedForFeedback, bool OpenOffer = false, bool InGroup = false, bool OverCapacity = false, AttendanceMode Mode = AttendanceMode.OnSite);

/// <summary>
/// One line of the report. Registered = holds a seat or waits for one now (cancelled registrations are not counted);
/// Attended = marked present at the door.
/// </summary>
public sealed record ReportLine(string Label, int Registered, int Attended);

/// <summary>
/// One workshop's counts. Registered = confirmed + waitlisted (someone holding an open offer is still waiting: counted in
/// <see cref="Waitlisted"/> and <see cref="OpenOffers"/>, never as a participant); someone added over the capacity is confirmed
/// (<see cref="OverCapacity"/> of <see cref="Confirmed"/>) and, once checked in, attended like anyone else.
/// <see cref="InGroups"/>: active registrations made on a group's form.
/// </summary>
public sealed record WorkshopLine(Workshop Workshop, int Confirmed, int Waitlisted, int Cancelled, int Attended, int OpenOffers = 0, int InGroups = 0, int OverCapacity = 0)
{
    public int Registered => Confirmed + Waitlisted;
}

/// <summary>
/// Participation for the funder (ESF): per workshop, and by helix group and by organisation, for one workshop or all.
/// Pure: built from plain facts, so the counting rules are tested without a database.
/// "All workshops" leaves out cancelled ones (nobody took part); a single cancelled workshop can still be viewed.
/// </summary>
public sealed record ParticipationReport(IReadOnlyList<WorkshopLine> Workshops, IReadOnlyList<ReportLine> ByGroup, IReadOnlyList<ReportLine> ByOrganisation, ReportLine Total)
{
    /// <summary>Label for registrations whose organisation was left empty.</summary>
    public const string NoOrganisation = "(ei ilmoitettu)";

    /// <summary>Label for registrations erased on request or by the retention purge.</summary>
    public const string ErasedOrganisation = PersonalData.ErasedName;

    public static ParticipationReport Build(IReadOnlyList<Workshop> workshops, IReadOnlyList<RegistrationFact> facts, Guid? only = null)
    {
        var lines = workshops.Select(w =>
        {
            var mine = facts.Where(f => f.WorkshopId == w.Id).ToList();
            var active = mine.Where(f => f.Status != RegistrationStatus.Cancelled).ToList();
            return new WorkshopLine(w,
                mine.Count(f => f.Status == RegistrationStatus.Confirmed),
                mine.Count(f => f.Status == RegistrationStatus.Waitlisted),
                mine.Count(f => f.Status == RegistrationStatus.Cancelled),
                active.Count(f => f.Attended),
                active.Count(f => f.Status == RegistrationStatus.Waitlisted && f.OpenOffer),
                active.Count(f => f.InGroup),
                active.Count(f => f.Status == RegistrationStatus.Confirmed && f.OverCapacity));
        }).ToList();

        var inScope = only is { } id
            ? [id]
            : workshops.Where(w => w.Status != WorkshopStatus.Cancelled).Select(w => w.Id).ToHashSet();
        var active = facts.Where(f => inScope.Contains(f.WorkshopId) && f.Status != RegistrationStatus.Cancelled).ToList();

        var byGroup = Enum.GetValues<HelixGroup>()
            .Select(g => Line(g.ToString(), active.Where(f => f.Group == g)))
            .ToList();
        var byOrganisation = active
            .GroupBy(f => OrganisationKey(f))
            .Select(g => Line(OrganisationLabel(g.First()), g))
            .OrderByDescending(l => l.Registered).ThenBy(l => l.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fi-FI"), true))
            .ToList();
        return new ParticipationReport(lines, byGroup, byOrganisation, Line("", active));
    }

    private static ReportLine Line(string label, IEnumerable<RegistrationFact> facts)
    {
        var list = facts.ToList();
        return new ReportLine(label, list.Count, list.Count(f => f.Attended));
    }

    /// <summary>"Rauman kaupunki" and " rauman KAUPUNKI" are one organisation.</summary>
    private static string OrganisationKey(RegistrationFact fact) =>
        fact.Erased ? "\u0001erased" : string.IsNullOrWhiteSpace(fact.Organisation) ? "\u0001none" : fact.Organisation.Trim().ToLowerInvariant();

    private static string OrganisationLabel(RegistrationFact fact) =>
        fact.Erased ? ErasedOrganisation : string.IsNullOrWhiteSpace(fact.Organisation) ? NoOrganisation : fact.Organisation.Trim();
}
