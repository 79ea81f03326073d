using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Certificates;

/// <summary>Who gets a certificate of attendance, and from when (issue 26). Pure; tested without a database.</summary>
public static class CertificateRules
{
    /// <summary>
    /// Whether <paramref name="registration"/> may have a certificate now: a confirmed, not erased person marked arrived
    /// (at the door by an organiser, or by themselves with the venue code: <see cref="Registration.CheckedInAtUtc"/>), of a
    /// workshop that took place and has ended (<see cref="WorkshopLifecycle.WasHeld"/>). Nobody else: not the waiting list,
    /// not a cancelled registration, not someone who did not come.
    /// </summary>
    public static bool MayHave(Registration registration, WorkshopLifecycle life) =>
        life.WasHeld
        && registration.Status == RegistrationStatus.Confirmed
        && registration.CheckedInAtUtc is not null
        && registration.ErasedAtUtc is null;

    /// <summary>
    /// The Helsinki date from which a certificate of a workshop held on <paramref name="workshopDate"/> is deleted by the
    /// retention purge: <paramref name="retentionYears"/> years after the workshop's day (Certificates__RetentionYears).
    /// </summary>
    public static DateOnly ExpiresOn(DateOnly workshopDate, int retentionYears) => workshopDate.AddYears(retentionYears);
}
