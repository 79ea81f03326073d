using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Domain.Funder;

/// <summary>
/// That one person of a participant activity's roster was sent the funder's self-entry email: one row per registration
/// (its key), written in the same transaction as the outbox row, so nobody gets it twice, whichever instance or restart
/// runs the scan (<see cref="FunderService.SendSelfEntryDueAsync"/>). Holds no personal data of its own.
/// </summary>
public sealed class SelfEntryInvitation
{
    public int RegistrationId { get; set; }
    public Guid WorkshopId { get; set; }

    /// <summary>When the email was queued (UTC).</summary>
    public DateTime QueuedAtUtc { get; set; }

    /// <summary>Whether <paramref name="registration"/> belongs on the roster: attended (checked in, by an organiser or by themselves) and not erased.</summary>
    public static bool IsOnRoster(Registration registration) =>
        registration.CheckedInAtUtc is not null && registration.ErasedAtUtc is null && registration.Status != RegistrationStatus.Cancelled;

    /// <summary>The record of the email queued now for <paramref name="registration"/>.</summary>
    /// <exception cref="InvalidOperationException">Unless the person is on the roster and has an address.</exception>
    public static SelfEntryInvitation For(Registration registration, DateTime nowUtc) =>
        IsOnRoster(registration) && registration.Email is not null
            ? new SelfEntryInvitation { RegistrationId = registration.Id, WorkshopId = registration.WorkshopId, QueuedAtUtc = nowUtc }
            : throw new InvalidOperationException($"Registration {registration.Id} is not on the roster or has no address.");
}
