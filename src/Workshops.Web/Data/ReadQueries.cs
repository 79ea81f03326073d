using Microsoft.EntityFrameworkCore;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Data;

/// <summary>Read-only queries shared by several pages (untracked: a read never feeds a decision of the write seam).</summary>
public static class ReadQueries
{
    /// <summary>Every workshop, drafts included (the organisers' lists), in programme order: by date, then start time (all-day events first on their day).</summary>
    public static Task<List<Workshop>> ProgrammeAsync(this WorkshopsDbContext db, CancellationToken ct = default) =>
        InProgrammeOrder(db.Workshops).ToListAsync(ct);

    /// <summary>The published workshops in programme order: what the public programme and the calendar feed show.</summary>
    public static Task<List<Workshop>> PublicProgrammeAsync(this WorkshopsDbContext db, CancellationToken ct = default) =>
        InProgrammeOrder(db.Workshops.Where(w => w.PublishedAtUtc != null)).ToListAsync(ct);

    /// <summary>The workshop at /organiser/workshops/{slug}, draft or not, or null.</summary>
    public static Task<Workshop?> WorkshopBySlugAsync(this WorkshopsDbContext db, string slug, CancellationToken ct = default) =>
        db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Slug == slug, ct);

    /// <summary>
    /// The workshop at /workshops/{slug} as the public may see it, or null: a draft is not found, like an unknown slug.
    /// Every public page and file of one workshop looks it up here.
    /// </summary>
    public static Task<Workshop?> PublicWorkshopBySlugAsync(this WorkshopsDbContext db, string slug, CancellationToken ct = default) =>
        db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Slug == slug && w.PublishedAtUtc != null, ct);

    private static IQueryable<Workshop> InProgrammeOrder(IQueryable<Workshop> workshops) =>
        workshops.AsNoTracking().OrderBy(w => w.Date).ThenBy(w => w.StartTime);

    /// <summary>Confirmed seats per workshop (workshops with none are missing from the dictionary); of <paramref name="mode"/> only when given.</summary>
    public static async Task<Dictionary<Guid, int>> ConfirmedCountsAsync(this WorkshopsDbContext db, CancellationToken ct = default, AttendanceMode? mode = null) =>
        await db.Registrations
            .Where(r => r.Status == RegistrationStatus.Confirmed && (mode == null || r.Mode == mode))
            .GroupBy(r => r.WorkshopId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    /// <summary>Confirmed seats of one workshop; inside the write seam, call it only after the workshop's lock.</summary>
    public static Task<int> ConfirmedCountAsync(this WorkshopsDbContext db, Guid workshopId, CancellationToken ct = default) =>
        db.Registrations.CountAsync(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Confirmed, ct);

    /// <summary>
    /// Seats taken per workshop: confirmed registrations plus open seat offers (<see cref="SeatOffer"/>), which hold their
    /// seat for the person asked. Workshops with none are missing from the dictionary. What the programme shows as free.
    /// With <paramref name="mode"/>, only the registrations stored with that mode (meaningful for hybrid workshops only).
    /// </summary>
    public static async Task<Dictionary<Guid, int>> SeatsTakenByWorkshopAsync(this WorkshopsDbContext db, CancellationToken ct = default, AttendanceMode? mode = null)
    {
        var taken = await db.ConfirmedCountsAsync(ct, mode);
        var offers = await db.SeatOffers.Where(o => o.State == OfferState.Open && (mode == null || o.Registration!.Mode == mode)).GroupBy(o => o.WorkshopId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var offer in offers)
        {
            taken[offer.Key] = taken.GetValueOrDefault(offer.Key) + offer.Count;
        }

        return taken;
    }

    /// <summary>
    /// Seats taken in one workshop: confirmed plus open seat offers. Every seat decision counts this (a seat offered to
    /// someone waiting is not free for a newcomer); inside the write seam, call it only after the workshop's lock.
    /// </summary>
    public static async Task<int> SeatsTakenAsync(this WorkshopsDbContext db, Guid workshopId, CancellationToken ct = default) =>
        await db.ConfirmedCountAsync(workshopId, ct)
        + await db.SeatOffers.CountAsync(o => o.WorkshopId == workshopId && o.State == OfferState.Open, ct);

    /// <summary>
    /// Seats taken in <paramref name="mode"/> of <paramref name="workshop"/>: confirmed plus open offers of that mode in a
    /// hybrid workshop, all of them otherwise (<see cref="AttendanceModes.SeatPool"/>). Every seat decision of a mode counts
    /// this; inside the write seam, call it only after the workshop's lock.
    /// </summary>
    public static async Task<int> SeatsTakenAsync(this WorkshopsDbContext db, Workshop workshop, AttendanceMode mode, CancellationToken ct = default)
    {
        if (workshop.SeatPool(mode) is not { } pool)
        {
            return await db.SeatsTakenAsync(workshop.Id, ct);
        }

        return await db.Registrations.CountAsync(r => r.WorkshopId == workshop.Id && r.Status == RegistrationStatus.Confirmed && r.Mode == pool, ct)
            + await db.SeatOffers.CountAsync(o => o.WorkshopId == workshop.Id && o.State == OfferState.Open && o.Registration!.Mode == pool, ct);
    }

    /// <summary>A hybrid workshop's online seats taken (confirmed plus open offers); 0 for any other workshop.</summary>
    public static async Task<int> OnlineSeatsTakenAsync(this WorkshopsDbContext db, Workshop workshop, CancellationToken ct = default) =>
        workshop.IsHybrid() ? await db.SeatsTakenAsync(workshop, AttendanceMode.Online, ct) : 0;

    /// <summary>
    /// 1-based place on the waiting list, the rule of <see cref="RegistrationRules.WaitingListPosition"/> (earlier arrivals,
    /// lower Id, plus one) counted in SQL over the (WorkshopId, Status, ErasedAtUtc) index: it runs inside the registration's write
    /// transaction, and loading every waiting Id there grew with the list (19,900 in the benchmark's cost curve). People ahead
    /// who hold an open seat offer are no longer in the queue: they are subtracted (one small count over the offers' index).
    /// </summary>
    /// A hybrid workshop has a waiting list per mode: <paramref name="pool"/> (<see cref="AttendanceModes.SeatPool"/>) counts
    /// only the people ahead in that mode; null counts all.
    public static Task<int> WaitingListPositionAsync(this WorkshopsDbContext db, Guid workshopId, int registrationId, AttendanceMode? pool, CancellationToken ct = default) =>
        // One statement, both counts in SQL. Erased people ahead are not counted: they are never promoted
        // (RegistrationService.PromoteWaitingInTransactionAsync).
        db.Workshops.Where(w => w.Id == workshopId)
            .Select(w => db.Registrations.Count(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Waitlisted
                    && r.ErasedAtUtc == null && r.Id < registrationId && (pool == null || r.Mode == pool)) + 1
                - db.SeatOffers.Count(o => o.WorkshopId == workshopId && o.State == OfferState.Open && o.RegistrationId < registrationId
                    && (pool == null || o.Registration!.Mode == pool)))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// A registration that is neither cancelled nor erased, with its place on the waiting list when it waits (the rule of
    /// <see cref="WaitingListPositionAsync(WorkshopsDbContext, Guid, int, AttendanceMode?, CancellationToken)"/>, per mode
    /// when <paramref name="perMode"/>: a hybrid workshop's lists), read only and in one statement: the result page after
    /// every registration of a rush reads it. Null when there is no such registration.
    /// </summary>
    public static async Task<(Registration Registration, int? Position)?> ActiveRegistrationWithPlaceAsync(
        this WorkshopsDbContext db, int registrationId, bool perMode, CancellationToken ct = default)
    {
        var found = await db.Registrations.AsNoTracking()
            .Where(r => r.Id == registrationId && r.Status != RegistrationStatus.Cancelled && r.ErasedAtUtc == null)
            .Select(r => new
            {
                Registration = r,
                Position = r.Status != RegistrationStatus.Waitlisted ? (int?)null
                    : db.Registrations.Count(a => a.WorkshopId == r.WorkshopId && a.Status == RegistrationStatus.Waitlisted
                        && a.ErasedAtUtc == null && a.Id < r.Id && (!perMode || a.Mode == r.Mode)) + 1
                    - db.SeatOffers.Count(o => o.WorkshopId == r.WorkshopId && o.State == OfferState.Open && o.RegistrationId < r.Id
                        && (!perMode || o.Registration!.Mode == r.Mode)),
            })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : (found.Registration, found.Position);
    }

    /// <summary>The place on the waiting list of <paramref name="registration"/> in <paramref name="workshop"/> (its mode's list,
    /// <see cref="WaitingListPositionAsync(WorkshopsDbContext, Guid, int, AttendanceMode?, CancellationToken)"/>), or null when it is not waiting.</summary>
    public static async Task<int?> WaitingListPositionAsync(this WorkshopsDbContext db, Workshop workshop, Registration registration, CancellationToken ct = default) =>
        registration.Status == RegistrationStatus.Waitlisted
            ? await db.WaitingListPositionAsync(registration.WorkshopId, registration.Id, workshop.SeatPool(registration.Mode), ct) : null;

    /// <summary>
    /// What a registration decides on, in one statement (it runs inside every registration's transaction, after the
    /// workshop's lock): the workshop (untracked), the seats taken in the seat pool of <paramref name="chosenMode"/>
    /// (<see cref="SeatsTakenAsync(WorkshopsDbContext, Workshop, AttendanceMode, CancellationToken)"/>'s count, with
    /// <see cref="AttendanceModes.ModeFor"/>'s rule), and every registration of the address in the workshop, cancelled ones
    /// too (the duplicate check and the next calendar round both come from them; none for no address). Null when there is
    /// no such workshop.
    /// </summary>
    public static async Task<RegistrationGrounds?> RegistrationGroundsAsync(
        this WorkshopsDbContext db, Guid workshopId, string? emailNormalized, AttendanceMode? chosenMode, CancellationToken ct = default)
    {
        // A hybrid workshop counts the chosen mode's pool (on site when none was chosen); any other, every seat.
        var hybridPool = chosenMode ?? AttendanceMode.OnSite;
        // No stored address is empty (a person without one has null), so "" finds nobody: never the rows without an address.
        var address = emailNormalized ?? "";
        var found = await db.Workshops.AsNoTracking().Where(w => w.Id == workshopId)
            .Select(w => new
            {
                Workshop = w,
                SeatsTaken = db.Registrations.Count(r => r.WorkshopId == workshopId && r.Status == RegistrationStatus.Confirmed
                        && (w.Format != WorkshopFormat.Hybrid || r.Mode == hybridPool))
                    + db.SeatOffers.Count(o => o.WorkshopId == workshopId && o.State == OfferState.Open
                        && (w.Format != WorkshopFormat.Hybrid || o.Registration!.Mode == hybridPool)),
                SameAddress = db.Registrations
                    .Where(r => r.WorkshopId == w.Id && r.EmailNormalized == address)
                    .Select(r => new AddressRegistration(r.Id, r.Status, r.CalendarRound)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : new RegistrationGrounds(found.Workshop, found.SeatsTaken, found.SameAddress);
    }

    /// <summary>
    /// When a registration's details were last queued to be sent again (a repeat registration of the same address,
    /// <see cref="RegistrationRules.DeservesReminder"/>; UTC), or null. Read inside the write seam, after the workshop's lock.
    /// </summary>
    public static Task<DateTime?> LastDetailsReminderAsync(this WorkshopsDbContext db, int registrationId, CancellationToken ct = default) =>
        db.OutgoingEmails.Where(e => e.RegistrationId == registrationId && e.Kind == Email.EmailKind.Reminder)
            .OrderByDescending(e => e.CreatedAtUtc).Select(e => (DateTime?)e.CreatedAtUtc).FirstOrDefaultAsync(ct);

    /// <summary>The open seat offer of a registration (read only), or null.</summary>
    public static Task<SeatOffer?> OpenOfferAsync(this WorkshopsDbContext db, int registrationId, CancellationToken ct = default) =>
        db.SeatOffers.AsNoTracking().SingleOrDefaultAsync(o => o.RegistrationId == registrationId && o.State == OfferState.Open, ct);

    /// <summary>
    /// Whether check-in was used for the workshop: someone not cancelled was marked arrived. Then only those checked in
    /// count as having attended (<see cref="Domain.Feedback.FeedbackRules.Attended"/>); inside the write seam, call it after the workshop's lock.
    /// </summary>
    public static Task<bool> CheckInUsedAsync(this WorkshopsDbContext db, Guid workshopId, CancellationToken ct = default) =>
        db.Registrations.AnyAsync(r => r.WorkshopId == workshopId && r.Status != RegistrationStatus.Cancelled && r.CheckedInAtUtc != null, ct);

    /// <summary>The questions on a workshop's registration form, in form order (archived ones left out).</summary>
    public static Task<List<WorkshopQuestion>> ActiveQuestionsAsync(this WorkshopsDbContext db, Guid workshopId, CancellationToken ct = default) =>
        db.WorkshopQuestions.Where(q => q.WorkshopId == workshopId && q.ArchivedAtUtc == null)
            .OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);

    /// <summary>Every question a workshop has had, archived ones after the active ones: the columns of its lists and exports.</summary>
    public static Task<List<WorkshopQuestion>> AllQuestionsAsync(this WorkshopsDbContext db, Guid workshopId, CancellationToken ct = default) =>
        db.WorkshopQuestions.AsNoTracking().Where(q => q.WorkshopId == workshopId)
            .OrderBy(q => q.ArchivedAtUtc != null).ThenBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);

    /// <summary>A registration's answers with its workshop's questions (<see cref="AllQuestionsAsync"/>), read only.</summary>
    public static async Task<PersonAnswers> PersonAnswersAsync(this WorkshopsDbContext db, int registrationId, Guid workshopId, CancellationToken ct = default) =>
        new(await db.AllQuestionsAsync(workshopId, ct),
            await db.RegistrationAnswers.AsNoTracking().Where(a => a.RegistrationId == registrationId).ToListAsync(ct));
}

/// <summary>What a new registration is decided on (<see cref="ReadQueries.RegistrationGroundsAsync"/>), read under the workshop's lock.</summary>
/// <param name="Workshop">The workshop, untracked.</param>
/// <param name="SeatsTaken">Confirmed plus open offers in the seat pool of the chosen mode.</param>
/// <param name="SameAddress">Every registration of the address in the workshop, cancelled ones too.</param>
public sealed record RegistrationGrounds(Workshop Workshop, int SeatsTaken, IReadOnlyList<AddressRegistration> SameAddress);

/// <summary>One registration of an address in a workshop: what the duplicate check and the next calendar round need.</summary>
public sealed record AddressRegistration(int Id, RegistrationStatus Status, int CalendarRound);
