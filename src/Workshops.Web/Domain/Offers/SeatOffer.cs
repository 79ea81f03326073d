using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Domain.Offers;

/// <summary>Where an offer stands. Only <see cref="Open"/> holds a seat; every other state is final.</summary>
public enum OfferState
{
    /// <summary>Waiting for the person's answer until <see cref="SeatOffer.ExpiresAtUtc"/>: the seat is held for them.</summary>
    Open = 0,

    /// <summary>The person took the seat: their registration is confirmed.</summary>
    Accepted = 1,

    /// <summary>The person said no: their registration is cancelled and the seat went to the next person.</summary>
    Declined = 2,

    /// <summary>No answer in time: the registration is cancelled and the seat went to the next person.</summary>
    Expired = 3,

    /// <summary>An organiser took the offer back (the person said no by phone, or could not be reached in time).</summary>
    Withdrawn = 4,

    /// <summary>The person cancelled their registration while the offer was open.</summary>
    Cancelled = 5,
}

/// <summary>
/// A freed seat offered to the first person waiting, for a time to answer (<see cref="OfferRules.Deadline"/>). While it is
/// <see cref="OfferState.Open"/> the seat is taken for everyone else (seats taken = confirmed + open offers), and the person's
/// registration stays <see cref="RegistrationStatus.Waitlisted"/> until they accept. One open offer per registration at most
/// (a unique index). The transitions are methods and refuse what may not happen; callers decide under the workshop's lock.
/// Times are UTC.
/// </summary>
public sealed class SeatOffer
{
    public int Id { get; set; }
    public Guid WorkshopId { get; set; }
    public int RegistrationId { get; set; }
    public Registration? Registration { get; set; }
    public DateTime OfferedAtUtc { get; set; }

    /// <summary>The moment the time to answer ends (UTC); never after the workshop's start or registration deadline.</summary>
    public DateTime ExpiresAtUtc { get; set; }
    public OfferState State { get; set; }

    /// <summary>When the offer stopped being open (accepted, declined, expired, withdrawn, cancelled).</summary>
    public DateTime? EndedAtUtc { get; set; }

    public bool IsOpen => State == OfferState.Open;

    /// <summary>Whether the time to answer has run out at <paramref name="nowUtc"/> while the offer is still open.</summary>
    public bool IsDue(DateTime nowUtc) => IsOpen && nowUtc >= ExpiresAtUtc;

    /// <summary>A new open offer to a waiting person, answerable until <paramref name="expiresAtUtc"/>.</summary>
    /// <exception cref="InvalidOperationException">Unless the registration waits for a seat and is not erased.</exception>
    /// <exception cref="ArgumentException">A deadline not after <paramref name="nowUtc"/>.</exception>
    public static SeatOffer Make(Registration registration, DateTime nowUtc, DateTime expiresAtUtc)
    {
        if (registration.Status != RegistrationStatus.Waitlisted || registration.ErasedAtUtc is not null)
        {
            throw new InvalidOperationException($"Only a waiting, reachable person is offered a seat (registration {registration.Id} is {registration.Status}).");
        }

        if (expiresAtUtc <= nowUtc)
        {
            throw new ArgumentException("An offer needs time to answer.", nameof(expiresAtUtc));
        }

        return new SeatOffer
        {
            WorkshopId = registration.WorkshopId,
            Registration = registration,
            RegistrationId = registration.Id,
            OfferedAtUtc = nowUtc,
            ExpiresAtUtc = expiresAtUtc,
            State = OfferState.Open,
        };
    }

    /// <summary>The person takes the seat in time; the caller confirms the registration (<see cref="Registration.Promote"/>).</summary>
    /// <exception cref="InvalidOperationException">When not open, or the time to answer has run out (expire it instead).</exception>
    public void Accept(DateTime nowUtc)
    {
        if (!IsOpen || IsDue(nowUtc))
        {
            throw new InvalidOperationException($"Offer {Id} cannot be accepted ({State}, until {ExpiresAtUtc:o}).");
        }

        End(OfferState.Accepted, nowUtc);
    }

    /// <summary>The person says no (in time or late: a no is a no); the caller cancels the registration and passes the seat on.</summary>
    public void Decline(DateTime nowUtc) => End(OfferState.Declined, nowUtc);

    /// <summary>No answer in time; the caller cancels the registration and passes the seat on.</summary>
    /// <exception cref="InvalidOperationException">Before the deadline, or when no longer open.</exception>
    public void Expire(DateTime nowUtc)
    {
        if (!IsDue(nowUtc))
        {
            throw new InvalidOperationException($"Offer {Id} is not due ({State}, until {ExpiresAtUtc:o}).");
        }

        End(OfferState.Expired, nowUtc);
    }

    /// <summary>An organiser takes the offer back; the caller cancels the registration and passes the seat on.</summary>
    public void Withdraw(DateTime nowUtc) => End(OfferState.Withdrawn, nowUtc);

    /// <summary>The registration was cancelled while the offer was open; the caller passes the seat on.</summary>
    public void EndWithRegistration(DateTime nowUtc) => End(OfferState.Cancelled, nowUtc);

    /// <summary>An organiser gives more time: the new deadline comes from <see cref="OfferRules.ExtendedDeadline"/>.</summary>
    /// <exception cref="InvalidOperationException">When not open, or the new deadline is not later than the current one.</exception>
    public void Extend(DateTime newExpiresAtUtc)
    {
        if (!IsOpen || newExpiresAtUtc <= ExpiresAtUtc)
        {
            throw new InvalidOperationException($"Offer {Id} cannot be extended to {newExpiresAtUtc:o} ({State}, until {ExpiresAtUtc:o}).");
        }

        ExpiresAtUtc = newExpiresAtUtc;
    }

    private void End(OfferState state, DateTime nowUtc)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Offer {Id} is already {State}.");
        }

        State = state;
        EndedAtUtc = nowUtc;
    }
}
