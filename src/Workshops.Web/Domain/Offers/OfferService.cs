using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Web.Domain.Offers;

/// <summary>What answering an offer did.</summary>
public enum OfferAnswer
{
    /// <summary>The seat is the person's: their registration is confirmed and the confirmation is on its way.</summary>
    Accepted,

    /// <summary>The person said no: their registration ended and the seat went to the next person.</summary>
    Declined,

    /// <summary>Too late: the time to answer had run out; the seat went to the next person (now, if nobody had passed it on yet).</summary>
    Expired,

    /// <summary>Already answered this way (a double click, a second tab): nothing more happened.</summary>
    AlreadyAnswered,

    /// <summary>The workshop was cancelled meanwhile: nothing to accept.</summary>
    WorkshopCancelled,

    /// <summary>No open offer for this registration (never made, or ended otherwise: withdrawn, cancelled).</summary>
    NoOffer,
}

/// <summary>What an organiser's change to an offer did.</summary>
public enum OfferChange
{
    Done,

    /// <summary>The offer is no longer open (answered, expired or withdrawn meanwhile).</summary>
    NotOpen,

    /// <summary>An extension would not move the deadline: it already ends at the start or the registration deadline.</summary>
    NoRoom,
    NotFound,
}

/// <summary>
/// Seat offers (issue 24): the person accepts or declines from their own page, an organiser withdraws or extends one, and
/// the expiry job ends those nobody answered. Each is one <see cref="WriteTransaction"/> that takes the workshop's
/// <see cref="IWorkshopLock"/> first and decides on the offer as the database holds it then, so of two accepts, or an
/// accept racing the expiry (on one instance or several), exactly one wins and each message goes once. Declining,
/// expiry and withdrawal end the registration and pass the seat on at once
/// (<see cref="RegistrationService.PromoteWaitingInTransactionAsync"/>: the next person is offered it, or confirmed when too
/// little time is left). <c>actor</c> is the organiser's address, written to the audit log.
/// </summary>
public sealed class OfferService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    RegistrationService registrations,
    EmailOutbox outbox,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>
    /// The person takes the offered seat: confirmed, with the confirmation and its calendar invitation (METHOD:REQUEST), as
    /// a promotion. Past the deadline the offer expires here and now instead (<see cref="OfferAnswer.Expired"/>), whether or
    /// not the expiry job has come by yet.
    /// </summary>
    public Task<OfferAnswer> AcceptAsync(int registrationId, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (await LockedAsync(registrationId, c) is not { } found)
            {
                return OfferAnswer.NoOffer;
            }

            var (registration, offer) = found;
            if (offer is null)
            {
                return await LastEndedAsync(registrationId, c) == OfferState.Accepted ? OfferAnswer.AlreadyAnswered : NoOpenOffer(registration);
            }

            if (offer.IsDue(Now))
            {
                await EndAsync(offer, registration, OfferState.Expired, c);
                return OfferAnswer.Expired;
            }

            if (registration.Workshop!.Status == WorkshopStatus.Cancelled)
            {
                return OfferAnswer.WorkshopCancelled;
            }

            offer.Accept(Now);
            registration.Promote();
            outbox.Enqueue(registration, EmailKind.Confirmed);
            return OfferAnswer.Accepted;
        }, ct);

    /// <summary>
    /// The person says no: the offer is declined, their registration ends (they leave the waiting list, and are told so),
    /// and the seat goes to the next person at once.
    /// </summary>
    public Task<OfferAnswer> DeclineAsync(int registrationId, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (await LockedAsync(registrationId, c) is not { } found)
            {
                return OfferAnswer.NoOffer;
            }

            var (registration, offer) = found;
            if (offer is null)
            {
                return await LastEndedAsync(registrationId, c) == OfferState.Declined ? OfferAnswer.AlreadyAnswered : NoOpenOffer(registration);
            }

            await EndAsync(offer, registration, OfferState.Declined, c);
            return OfferAnswer.Declined;
        }, ct);

    /// <summary>
    /// The expiry job's run: ends every open offer whose time to answer has run out (the person's registration ends, they
    /// are told, the seat passes on), one workshop at a time under its lock. Under PostgreSQL one instance does each run
    /// (<see cref="ScheduledJobLock"/>); the state is read again under the lock, so an offer accepted or expired meanwhile
    /// (by the person, or another run) is left alone: running twice ends nothing twice.
    /// </summary>
    /// <returns>How many offers expired.</returns>
    public async Task<int> ExpireDueAsync(CancellationToken ct = default)
    {
        var now = Now;
        // A plain read first: most runs find nothing, and then no write (and no cache eviction) happens at all.
        if (!await db.SeatOffers.AnyAsync(o => o.State == OfferState.Open && o.ExpiresAtUtc <= now, ct))
        {
            return 0;
        }

        return await writes.RunAsync(async c =>
        {
            if (!await ScheduledJobLock.TryTakeAsync(db, PostgresLocks.SeatOffers, c))
            {
                return 0;
            }

            var workshops = await db.SeatOffers.AsNoTracking().Where(o => o.State == OfferState.Open && o.ExpiresAtUtc <= now)
                .Select(o => o.WorkshopId).Distinct().ToListAsync(c);
            var expired = 0;
            foreach (var workshopId in workshops)
            {
                await workshopLock.LockAsync(db, workshopId, c);
                var due = await db.SeatOffers.Include(o => o.Registration).ThenInclude(r => r!.Workshop)
                    .Where(o => o.WorkshopId == workshopId && o.State == OfferState.Open && o.ExpiresAtUtc <= now)
                    .OrderBy(o => o.RegistrationId).ToListAsync(c);
                foreach (var offer in due)
                {
                    EndOne(offer, offer.Registration!, OfferState.Expired);
                }

                await db.SaveChangesAsync(c);
                if (due.Count > 0)
                {
                    await registrations.PromoteWaitingInTransactionAsync(due[0].Registration!.Workshop!, c);
                }

                expired += due.Count;
            }

            return expired;
        }, ct);
    }

    /// <summary>
    /// An organiser takes an open offer back (the person said no by phone, or cannot be reached before the workshop): as a
    /// decline made for them, the registration ends, they are told, and the seat goes to the next person. Audited.
    /// </summary>
    public Task<OfferChange> WithdrawAsync(Guid workshopId, int offerId, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (await LockedOfferAsync(workshopId, offerId, c) is not { } offer)
            {
                return OfferChange.NotFound;
            }

            if (!offer.IsOpen)
            {
                return OfferChange.NotOpen;
            }

            await EndAsync(offer, offer.Registration!, OfferState.Withdrawn, c);
            audit.Add(actor, AuditAction.OfferWithdrawn, workshopId, offer.RegistrationId);
            return OfferChange.Done;
        }, ct);

    /// <summary>
    /// An organiser gives the person <paramref name="hours"/> more to answer (<see cref="OfferRules.ExtendedDeadline"/>: never
    /// past the start or the registration deadline); the person gets the new deadline by email. An offer already past its
    /// deadline is not revived (<see cref="OfferChange.NotOpen"/>: the expiry job passes it on). Audited with the new deadline.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Hours outside 1–<see cref="OfferSettings.MaxHours"/>.</exception>
    public Task<OfferChange> ExtendAsync(Guid workshopId, int offerId, int hours, string actor, CancellationToken ct = default) =>
        writes.RunAsync(async c =>
        {
            if (await LockedOfferAsync(workshopId, offerId, c) is not { } offer)
            {
                return OfferChange.NotFound;
            }

            if (!offer.IsOpen || offer.IsDue(Now))
            {
                return OfferChange.NotOpen;
            }

            if (OfferRules.ExtendedDeadline(offer.Registration!.Workshop!, offer.ExpiresAtUtc, hours, Now) is not { } until)
            {
                return OfferChange.NoRoom;
            }

            offer.Extend(until);
            outbox.Enqueue(offer.Registration, EmailKind.OfferExtended);
            audit.Add(actor, AuditAction.OfferExtended, workshopId, offer.RegistrationId,
                AuditDetail.Of(AuditDetailKind.OfferDeadline, HelsinkiTime.FromUtc(until).ToString("d.M.yyyy H.mm", CultureInfo.InvariantCulture)));
            return OfferChange.Done;
        }, ct);

    /// <summary>Ends the offer (the registration with it), then passes the freed seat on.</summary>
    private async Task EndAsync(SeatOffer offer, Registration registration, OfferState how, CancellationToken ct)
    {
        EndOne(offer, registration, how);
        await db.SaveChangesAsync(ct); // the seat count below reads the database
        await registrations.PromoteWaitingInTransactionAsync(registration.Workshop!, ct);
    }

    /// <summary>
    /// Declined, expired or withdrawn: the person leaves the waiting list (their registration is cancelled, so the queue
    /// behind them moves up) and gets the message that says which.
    /// </summary>
    private void EndOne(SeatOffer offer, Registration registration, OfferState how)
    {
        var now = Now;
        switch (how)
        {
            case OfferState.Declined:
                offer.Decline(now);
                break;
            case OfferState.Expired:
                offer.Expire(now);
                break;
            default:
                offer.Withdraw(now);
                break;
        }

        registration.Cancel(now);
        outbox.Enqueue(registration, how switch
        {
            OfferState.Declined => EmailKind.OfferDeclined,
            OfferState.Expired => EmailKind.OfferExpired,
            _ => EmailKind.OfferWithdrawn,
        });
    }

    private static OfferAnswer NoOpenOffer(Registration registration) =>
        registration.Workshop!.Status == WorkshopStatus.Cancelled ? OfferAnswer.WorkshopCancelled : OfferAnswer.NoOffer;

    /// <summary>How this registration's latest offer ended (read under the lock), or null when it never had one.</summary>
    private Task<OfferState?> LastEndedAsync(int registrationId, CancellationToken ct) =>
        db.SeatOffers.Where(o => o.RegistrationId == registrationId).OrderByDescending(o => o.Id)
            .Select(o => (OfferState?)o.State).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Takes the lock of the registration's workshop, then reads the registration (with its workshop) and its open offer as
    /// the database holds them. Null when there is no such registration.
    /// </summary>
    private async Task<(Registration Registration, SeatOffer? Offer)?> LockedAsync(int registrationId, CancellationToken ct)
    {
        // The workshop a registration belongs to never changes: safe to read before the lock, and needed to take it.
        var workshopId = await db.Registrations.Where(r => r.Id == registrationId).Select(r => (Guid?)r.WorkshopId).SingleOrDefaultAsync(ct);
        if (workshopId is not { } id)
        {
            return null;
        }

        await workshopLock.LockAsync(db, id, ct);
        var registration = await db.Registrations.Include(r => r.Workshop).SingleAsync(r => r.Id == registrationId, ct);
        var offer = await db.SeatOffers.SingleOrDefaultAsync(o => o.RegistrationId == registrationId && o.State == OfferState.Open, ct);
        return (registration, offer);
    }

    /// <summary>Takes the workshop's lock, then reads the offer (with its registration and workshop). Null when not in that workshop.</summary>
    private async Task<SeatOffer?> LockedOfferAsync(Guid workshopId, int offerId, CancellationToken ct)
    {
        await workshopLock.LockAsync(db, workshopId, ct);
        return await db.SeatOffers.Include(o => o.Registration).ThenInclude(r => r!.Workshop)
            .SingleOrDefaultAsync(o => o.Id == offerId && o.WorkshopId == workshopId, ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
