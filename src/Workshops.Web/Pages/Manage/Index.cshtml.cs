using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Manage;

/// <summary>
/// The person's own page, opened from the link in their email. A GET never changes anything. Before the workshop starts it
/// offers correcting and cancelling; from the start on it shows what happened (attended, registered, waited) and the
/// site's contact for anything the person still needs to tell the organisers (<see cref="WorkshopLifecycle"/>).
/// </summary>
public sealed class IndexModel(WorkshopsDbContext db, IOptions<SiteOptions> site, TimeProvider time) : PageModel
{
    /// <summary>The QR code organisers scan at the door; only for someone with a seat.</summary>
    public string? CheckInCode { get; private set; }

    public Registration? Registration { get; private set; }
    public Workshop Workshop => Registration!.Workshop!;

    /// <summary>The workshop at this request.</summary>
    public WorkshopLifecycle Life { get; private set; } = null!;

    /// <summary>Whether the page offers cancelling (<see cref="RegistrationPolicy.MayCancel"/>); the cancel itself decides again.</summary>
    public bool MayCancel => Registration!.Status != RegistrationStatus.Cancelled && RegistrationPolicy.MayCancel(Life, Registration);

    /// <summary>Whether the page offers correcting (<see cref="RegistrationPolicy.MayCorrect"/>).</summary>
    public bool MayCorrect => Registration!.Status != RegistrationStatus.Cancelled && RegistrationPolicy.MayCorrect(Life);

    /// <summary>Whether the person may register again on the workshop page now (after cancelling).</summary>
    public bool MayRegisterAgain => RegistrationRules.WhyClosed(Life) == ClosedReason.None;

    /// <summary>The person was asked for feedback and may still give it: the page links to the form.</summary>
    public bool OffersFeedback { get; private set; }

    /// <summary>The site's contact (name, title, organisation), or empty.</summary>
    public string Contact => site.Value.HasContact ? site.Value.Contact(Cultures.Current) : "";

    /// <summary>The contact's address, or empty.</summary>
    public string ContactEmail => site.Value.ContactEmail.Trim();
    public int? WaitingListPosition { get; private set; }
    public string Token { get; private set; } = "";

    /// <summary>What the last action (cancel, correct) did, set by that page before it redirects here.</summary>
    [TempData]
    public string? Notice { get; set; }

    public const string Cancelled = "cancelled";
    public const string AlreadyCancelled = "already-cancelled";
    public const string Corrected = "corrected";
    public const string Unchanged = "unchanged";
    public const string NotCorrectable = "not-correctable";
    public const string TooLate = "too-late";
    public const string Attended = "attended";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Registration = await ManageLookup.FindAsync(db, token, ct);
        if (Registration is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Token = token;
        Life = WorkshopLifecycle.At(Registration.Workshop!, time);
        OffersFeedback = Registration.FeedbackRequestedAtUtc is not null
            && FeedbackRules.ParticipantRefusal(Life, Registration, await db.CheckInUsedAsync(Registration.WorkshopId, ct)) is null;
        // The door's QR code until the workshop ends; afterwards there is no door.
        if (Registration.Status == RegistrationStatus.Confirmed && Registration.Workshop!.Format != WorkshopFormat.Online && !Life.HasEnded)
        {
            CheckInCode = Infrastructure.CheckInCode.DataUri(site.Value.BaseUri, Registration.Id);
        }

        if (Registration.Status == RegistrationStatus.Waitlisted)
        {
            WaitingListPosition = await db.WaitingListPositionAsync(Registration.WorkshopId, Registration.Id, ct);
        }

        return Page();
    }
}
