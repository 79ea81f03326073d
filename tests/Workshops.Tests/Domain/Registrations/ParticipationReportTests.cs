using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Registrations;

[Trait("Kind", "Rules")]
public sealed class ParticipationReportTests
{
    private static readonly Workshop Rauma = new() { Id = Guid.NewGuid(), Slug = "rauma", Status = WorkshopStatus.Open };
    private static readonly Workshop Webinar = new() { Id = Guid.NewGuid(), Slug = "webinar", Status = WorkshopStatus.Closed };
    private static readonly Workshop Cancelled = new() { Id = Guid.NewGuid(), Slug = "cancelled", Status = WorkshopStatus.Cancelled };

    private static RegistrationFact Fact(Workshop w, HelixGroup group, string? organisation = null,
        RegistrationStatus status = RegistrationStatus.Confirmed, bool attended = false, bool erased = false) =>
        new(w.Id, status, group, organisation, attended, erased, AskedForFeedback: false);

    private static readonly RegistrationFact[] Facts =
    [
        Fact(Rauma, HelixGroup.Municipal, "Rauman kaupunki", attended: true),
        Fact(Rauma, HelixGroup.Municipal, " rauman KAUPUNKI "),
        Fact(Rauma, HelixGroup.Citizen, null, RegistrationStatus.Waitlisted),
        Fact(Rauma, HelixGroup.Citizen, "Yhdistys ry", RegistrationStatus.Cancelled, attended: true),
        Fact(Webinar, HelixGroup.HigherEducationOrCompany, "Yliopisto", attended: true),
        Fact(Webinar, HelixGroup.SocialEnterprise, "Oy", attended: true, erased: true),
        Fact(Cancelled, HelixGroup.Other, "Muut"),
    ];

    [Fact]
    public void AllWorkshopsCountActiveRegistrationsByGroupAndLeaveOutCancelledOnes()
    {
        var report = ParticipationReport.Build([Rauma, Webinar, Cancelled], Facts);

        Assert.Equal(
            [("Municipal", 2, 1), ("Citizen", 1, 0), ("HigherEducationOrCompany", 1, 1), ("SocialEnterprise", 1, 1), ("Other", 0, 0)],
            report.ByGroup.Select(l => (l.Label, l.Registered, l.Attended)));
        Assert.Equal((5, 3), (report.Total.Registered, report.Total.Attended));
    }

    [Fact]
    public void OrganisationsAreGroupedWhateverTheirCaseAndErasedOnesShowAsErased()
    {
        var report = ParticipationReport.Build([Rauma, Webinar, Cancelled], Facts);

        Assert.Equal(
            [("Rauman kaupunki", 2, 1), ("(ei ilmoitettu)", 1, 0), ("(poistettu)", 1, 1), ("Yliopisto", 1, 1)],
            report.ByOrganisation.Select(l => (l.Label, l.Registered, l.Attended)));
    }

    [Fact]
    public void PerWorkshopLinesCountEveryStateAndOneWorkshopCanBeChosen()
    {
        var report = ParticipationReport.Build([Rauma, Webinar, Cancelled], Facts, Cancelled.Id);

        var rauma = report.Workshops.Single(w => w.Workshop == Rauma);
        Assert.Equal((1 + 1, 1, 1, 1), (rauma.Confirmed, rauma.Waitlisted, rauma.Cancelled, rauma.Attended));
        Assert.Equal((1, 0), (report.Total.Registered, report.Total.Attended));
        Assert.Equal(1, report.ByGroup.Single(g => g.Label == "Other").Registered);
    }

    [Fact]
    public void AnOpenOfferWaitsAndIsNoParticipantWhileAnArrivalOverCapacityIsOne()
    {
        RegistrationFact[] facts =
        [
            Fact(Rauma, HelixGroup.Municipal) with { OverCapacity = true, Attended = true },
            Fact(Rauma, HelixGroup.Municipal, status: RegistrationStatus.Waitlisted) with { OpenOffer = true, InGroup = true },
            Fact(Rauma, HelixGroup.Citizen) with { InGroup = true },
            Fact(Rauma, HelixGroup.Citizen, status: RegistrationStatus.Cancelled) with { InGroup = true },
        ];

        var report = ParticipationReport.Build([Rauma], facts);

        var rauma = Assert.Single(report.Workshops);
        Assert.Equal((2, 1, 1, 1), (rauma.Confirmed, rauma.Waitlisted, rauma.OpenOffers, rauma.Attended));
        Assert.Equal((1, 2), (rauma.OverCapacity, rauma.InGroups));
        Assert.Equal((3, 1), (report.Total.Registered, report.Total.Attended));
    }
}
