using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Manage;

/// <summary>
/// The person's own page, opened from the link in their email. A GET never changes anything. Before the workshop starts it
/// offers correcting and cancelling; from the start on it shows what happened (attended, registered, waited) and the
/// site's contact for anything the person still needs to tell the organisers (<see cref="WorkshopLifecycle"/>). The one
/// post here is checking in by oneself at the door with the venue code while the workshop is under way
/// (<see cref="CheckInService.CheckInSelfAsync"/>).
/// </summary>
public sealed class IndexModel(
    WorkshopsDbContext db, CheckInService checkIn, AttendanceService attendance, IOptions<SiteOptions> site, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The QR code organisers scan at the door; only for someone with a seat who has not arrived yet.</summary>
    public string? CheckInCode { get; private set; }

    /// <summary>When the person may check themselves in; null when self check-in is not for them (no seat, online).</summary>
    public SelfCheckInTime? SelfCheckIn { get; private set; }

    /// <summary>While the workshop is under way and the person has not arrived, checking in is what the page is for: it comes first.</summary>
    public bool SelfCheckInFirst => SelfCheckIn?.Window == SelfCheckInWindow.Open && Registration?.CheckedInAtUtc is null;

    public Registration? Registration { get; private set; }
    public Workshop Workshop => Registration!.Workshop!;

    /// <summary>The workshop at this request.</summary>
    public WorkshopLifecycle Life { get; private set; } = null!;

    /// <summary>Whether the page offers cancelling (<see cref="RegistrationPolicy.MayCancel"/>); the cancel itself decides again.</summary>
    public bool MayCancel => Registration!.Status != RegistrationStatus.Cancelled && RegistrationPolicy.MayCancel(Life, Registration);

    /// <summary>Whether the page offers correcting (<see cref="RegistrationPolicy.MayCorrect"/>).</summary>
    public bool MayCorrect => Registration!.Status != RegistrationStatus.Cancelled && RegistrationPolicy.MayCorrect(Life);

    /// <summary>How the person attends (<see cref="AttendanceModes.ModeOf"/>).</summary>
    public AttendanceMode Mode => Workshop.ModeOf(Registration!);

    /// <summary>
    /// Whether the page offers switching between on site and online: a confirmed person of a hybrid workshop while registration
    /// is open (<see cref="AttendanceService.SwitchModeAsync"/> decides again, seats included).
    /// </summary>
    public bool MaySwitchMode => Workshop.IsHybrid() && Registration!.Status == RegistrationStatus.Confirmed && RegistrationRules.WhyClosed(Life) == ClosedReason.None;

    /// <summary>Seats left in the other mode (null = unlimited), shown beside the switch.</summary>
    public int? OtherModeSeatsLeft { get; private set; }

    /// <summary>Whether the person may register again on the workshop page now (after cancelling).</summary>
    public bool MayRegisterAgain => RegistrationRules.WhyClosed(Life) == ClosedReason.None;

    /// <summary>
    /// Whether the page offers the certificate of attendance: one was issued (a link to the PDF), or the person may have
    /// one now (<see cref="CertificateRules.MayHave"/>: a button that issues it).
    /// </summary>
    public bool OffersCertificate => CertificateIssued || (Registration is { } r && CertificateRules.MayHave(r, Life));

    /// <summary>Whether their certificate was issued already (and not withdrawn).</summary>
    public bool CertificateIssued { get; private set; }

    /// <summary>The person was asked for feedback and may still give it: the page links to the form.</summary>
    public bool OffersFeedback { get; private set; }

    /// <summary>The site's contact (name, title, organisation), or empty.</summary>
    public string Contact => site.Value.HasContact ? site.Value.Contact(Cultures.Current) : "";

    /// <summary>The contact's address, or empty.</summary>
    public string ContactEmail => site.Value.ContactEmail.Trim();
    public int? WaitingListPosition { get; private set; }
    public string Token { get; private set; } = "";

    /// <summary>The seat offered to the person, while they may still answer (<see cref="SeatOffer"/>).</summary>
    public SeatOffer? Offer { get; private set; }

    /// <summary>The venue code as typed.</summary>
    [BindProperty(Name = "code")]
    public string? Code { get; set; }

    /// <summary>Why the self check-in was refused (for the error summary), and whether it is the code's fault.</summary>
    public string? CheckInError { get; private set; }
    public bool CodeInvalid { get; private set; }

    /// <summary>What the last action (cancel, correct, check in, answer an offer) did, set by that page before it redirects here.</summary>
    [TempData]
    public string? Notice { get; set; }

    public const string Cancelled = "cancelled";
    public const string AlreadyCancelled = "already-cancelled";
    public const string Corrected = "corrected";
    public const string Unchanged = "unchanged";
    public const string NotCorrectable = "not-correctable";
    public const string OfferAccepted = "offer-accepted";
    public const string OfferDeclined = "offer-declined";
    public const string OfferExpired = "offer-expired";
    public const string OfferAlreadyAccepted = "offer-already-accepted";
    public const string OfferAlreadyDeclined = "offer-already-declined";
    public const string OfferWorkshopCancelled = "offer-workshop-cancelled";
    public const string OfferGone = "offer-gone";
    public const string CheckedIn = "checked-in";
    public const string AlreadyCheckedIn = "already-checked-in";
    public const string TooLate = "too-late";
    public const string Attended = "attended";
    public const string Switched = "switched";
    public const string NoSeatToSwitch = "no-seat-to-switch";
    public const string NotSwitchable = "not-switchable";
    public const string SwitchClosed = "switch-closed";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>Switches between on site and online (<see cref="AttendanceService.SwitchModeAsync"/>), then back here with what happened.</summary>
    public async Task<IActionResult> OnPostSwitchAsync(string token, AttendanceMode mode, CancellationToken ct)
    {
        if (await ManageLookup.FindAsync(db, token, ct) is not { } registration || !Enum.IsDefined(mode))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Notice = await attendance.SwitchModeAsync(registration.Id, mode, ct) switch
        {
            ModeSwitchOutcome.Switched => Switched,
            ModeSwitchOutcome.Unchanged => Unchanged,
            ModeSwitchOutcome.NoSeat => NoSeatToSwitch,
            ModeSwitchOutcome.TooLate => SwitchClosed,
            _ => NotSwitchable,
        };
        return RedirectToPage("Index", new { token, handler = (string?)null });
    }

    public async Task<IActionResult> OnPostCheckInAsync(string token, CancellationToken ct)
    {
        if (await ManageLookup.FindAsync(db, token, ct) is not { } registration)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            (CheckInError, CodeInvalid) = (l["Kirjoita saapumiskoodi, joka näkyy paikan päällä."], true);
            await LoadAsync(token, ct);
            return Page();
        }

        var result = await checkIn.CheckInSelfAsync(registration.Id, Code, ct);
        if (result.Outcome is SelfCheckInOutcome.CheckedIn or SelfCheckInOutcome.AlreadyCheckedIn)
        {
            Notice = result.Outcome == SelfCheckInOutcome.CheckedIn ? CheckedIn : AlreadyCheckedIn;
            return RedirectToPage("Index", new { token, handler = (string?)null }); // not back to ?handler=CheckIn
        }

        var language = Cultures.Current;
        CodeInvalid = result.Outcome == SelfCheckInOutcome.WrongCode;
        CheckInError = result.Outcome switch
        {
            SelfCheckInOutcome.WrongCode => l["Koodi ei kelpaa. Tarkista paikan päällä näkyvä koodi: se vaihtuu vartin välein."],
            SelfCheckInOutcome.NotYet => l["Saapumisen voi kirjata vasta, kun työpaja alkaa ({0}).", Formats.LocalMoment(result.Time!.OpensLocal, language)],
            SelfCheckInOutcome.Over => l["Työpaja on jo päättynyt, joten saapumista ei voi enää kirjata."],
            SelfCheckInOutcome.Waitlisted => l["Olet jonossa, joten et voi kirjata saapumistasi itse. Kysy järjestäjältä paikan päällä."],
            SelfCheckInOutcome.Cancelled => l["Ilmoittautumisesi on peruttu, joten saapumista ei voi kirjata. Kysy järjestäjältä paikan päällä."],
            _ => l["Tähän työpajaan ei kirjata saapumisia itse."],
        };
        await LoadAsync(token, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        Registration = await ManageLookup.FindAsync(db, token, ct);
        if (Registration is null)
        {
            return false;
        }

        Token = token;
        Life = WorkshopLifecycle.At(Registration.Workshop!, time);
        CertificateIssued = await db.Certificates.AnyAsync(c => c.RegistrationId == Registration.Id && c.WithdrawnAtUtc == null, ct);
        OffersFeedback = Registration.FeedbackRequestedAtUtc is not null
            && FeedbackRules.ParticipantRefusal(Life, Registration, await db.CheckInUsedAsync(Registration.WorkshopId, ct)) is null;
        // The door's QR code until the workshop ends; afterwards there is no door.
        if (Registration.Status == RegistrationStatus.Confirmed && Mode != AttendanceMode.Online && !Life.HasEnded)
        {
            SelfCheckIn = Domain.Registrations.SelfCheckIn.When(Registration.Workshop!, time);
            if (Registration.CheckedInAtUtc is null)
            {
                CheckInCode = Infrastructure.CheckInCode.DataUri(site.Value.BaseUri, Registration.Id);
            }
        }

        if (Registration.Status == RegistrationStatus.Waitlisted)
        {
            Offer = await db.OpenOfferAsync(Registration.Id, ct);
            WaitingListPosition = await db.WaitingListPositionAsync(Registration.Workshop!, Registration, ct);
        }

        if (MaySwitchMode)
        {
            var other = Mode == AttendanceMode.OnSite ? AttendanceMode.Online : AttendanceMode.OnSite;
            OtherModeSeatsLeft = Workshop.CapacityFor(other) is { } capacity ? Math.Max(0, capacity - await db.SeatsTakenAsync(Workshop, other, ct)) : null;
        }

        return true;
    }
}
