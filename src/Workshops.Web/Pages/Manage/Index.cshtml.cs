using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages.Manage;

/// <summary>The person's own page, opened from the link in their email. A GET never changes anything.</summary>
public sealed class IndexModel(WorkshopsDbContext db, IOptions<SiteOptions> site) : PageModel
{
    /// <summary>The QR code organisers scan at the door; only for someone with a seat.</summary>
    public string? CheckInCode { get; private set; }

    public Registration? Registration { get; private set; }
    public Workshop Workshop => Registration!.Workshop!;
    public int? WaitingListPosition { get; private set; }
    public string Token { get; private set; } = "";

    /// <summary>The seat offered to the person, while they may still answer (<see cref="SeatOffer"/>).</summary>
    public SeatOffer? Offer { get; private set; }

    /// <summary>What the last action (cancel, correct) did, set by that page before it redirects here.</summary>
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

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Registration = await ManageLookup.FindAsync(db, token, ct);
        if (Registration is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Token = token;
        if (Registration.Status == RegistrationStatus.Confirmed && Registration.Workshop!.Format != WorkshopFormat.Online)
        {
            CheckInCode = Infrastructure.CheckInCode.DataUri(site.Value.BaseUri, Registration.Id);
        }

        if (Registration.Status == RegistrationStatus.Waitlisted)
        {
            Offer = await db.OpenOfferAsync(Registration.Id, ct);
            WaitingListPosition = await db.WaitingListPositionAsync(Registration.WorkshopId, Registration.Id, ct);
        }

        return Page();
    }
}
