using Workshops.Web.Domain;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Certificates;

/// <summary>Who may have a certificate of attendance, and when (<see cref="CertificateRules"/>), without a database.</summary>
[Trait("Kind", "Rules")]
public sealed class CertificateRulesTests
{
    private static readonly Workshop Held = Published(WorkshopStatus.Open);

    private static readonly DateTime AfterTheEnd = new(2026, 12, 3, 14, 0, 1, DateTimeKind.Utc); // 16.00.01 in Helsinki
    private static readonly DateTime Arrived = new(2026, 12, 3, 12, 5, 0, DateTimeKind.Utc);

    private static Registration Person(RegistrationStatus status, DateTime? checkedIn, DateTime? erased = null) =>
        new() { Status = status, CheckedInAtUtc = checkedIn, ErasedAtUtc = erased };

    [Fact]
    public void OnlyAConfirmedPersonMarkedArrivedAndNotErasedMayHaveOneOnceTheWorkshopHasEnded()
    {
        var life = WorkshopLifecycle.At(Held, AfterTheEnd);
        Assert.True(CertificateRules.MayHave(Person(RegistrationStatus.Confirmed, Arrived), life));
        Assert.False(CertificateRules.MayHave(Person(RegistrationStatus.Confirmed, null), life));
        Assert.False(CertificateRules.MayHave(Person(RegistrationStatus.Waitlisted, Arrived), life));
        Assert.False(CertificateRules.MayHave(Person(RegistrationStatus.Cancelled, Arrived), life));
        Assert.False(CertificateRules.MayHave(Person(RegistrationStatus.Confirmed, Arrived, erased: AfterTheEnd), life));
        Assert.False(CertificateRules.MayHave(Person(RegistrationStatus.Confirmed, Arrived), WorkshopLifecycle.At(Held, AfterTheEnd.AddSeconds(-2))));
    }

    [Fact]
    public void ACancelledWorkshopGivesNoCertificates()
    {
        Assert.False(CertificateRules.MayHave(Person(RegistrationStatus.Confirmed, Arrived), WorkshopLifecycle.At(Published(WorkshopStatus.Cancelled), AfterTheEnd)));
    }

    private static Workshop Published(WorkshopStatus status)
    {
        var workshop = new Workshop { Slug = "w", Date = new DateOnly(2026, 12, 3), StartTime = new TimeOnly(14, 0), EndTime = new TimeOnly(16, 0) };
        workshop.Publish(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        workshop.Status = status;
        return workshop;
    }

    [Fact]
    public void ACertificateExpiresTheGivenYearsAfterItsWorkshopsDay() =>
        Assert.Equal(new DateOnly(2031, 12, 3), CertificateRules.ExpiresOn(new DateOnly(2026, 12, 3), 5));
}
