using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Data;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Web.Pages.Manage;

/// <summary>
/// Answering a seat offer, from the links in the offer email or the person's own page. The GET only shows the offer (a
/// link checker or a mail scanner opening the link changes nothing); the POSTs accept or decline, decided under the
/// workshop's lock (<see cref="OfferService"/>), then back to the person's page with what happened.
/// </summary>
public sealed class OfferModel(WorkshopsDbContext db, OfferService offers, TimeProvider time) : PageModel
{
    public Registration Registration { get; private set; } = null!;
    public SeatOffer Offer { get; private set; } = null!;
    public string Token { get; private set; } = "";

    /// <summary>The answer the emailed link chose (<c>accept</c> or <c>decline</c>): that button comes first.</summary>
    [FromQuery(Name = "answer")]
    public string? Answer { get; set; }

    public bool Declining => Answer == "decline";

    /// <summary>The time to answer has run out (the expiry job has not come by yet): the page says so and offers no buttons.</summary>
    public bool TooLate => Offer.IsDue(time.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await ManageLookup.FindAsync(db, token, ct) is not { } registration
            || await db.OpenOfferAsync(registration.Id, ct) is not { } offer)
        {
            // The person's page says where things stand (or that the link is not valid).
            return RedirectToPage("Index", new { token });
        }

        (Registration, Offer, Token) = (registration, offer, token);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken ct) => AnswerAsync(token, accept: true, ct);

    public Task<IActionResult> OnPostDeclineAsync(string token, CancellationToken ct) => AnswerAsync(token, accept: false, ct);

    private async Task<IActionResult> AnswerAsync(string token, bool accept, CancellationToken ct)
    {
        if (await ManageLookup.FindAsync(db, token, ct) is not { } registration)
        {
            return RedirectToPage("Index", new { token });
        }

        var answer = accept ? await offers.AcceptAsync(registration.Id, ct) : await offers.DeclineAsync(registration.Id, ct);
        TempData["Notice"] = answer switch
        {
            OfferAnswer.Accepted => IndexModel.OfferAccepted,
            OfferAnswer.Declined => IndexModel.OfferDeclined,
            OfferAnswer.Expired => IndexModel.OfferExpired,
            OfferAnswer.AlreadyAnswered => accept ? IndexModel.OfferAlreadyAccepted : IndexModel.OfferAlreadyDeclined,
            OfferAnswer.WorkshopCancelled => IndexModel.OfferWorkshopCancelled,
            _ => IndexModel.OfferGone,
        };
        return RedirectToPage("Index", new { token });
    }
}
