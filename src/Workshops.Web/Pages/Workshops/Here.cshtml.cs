using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Workshops;

/// <summary>What a "count me in" form posts: the venue code and the rendered form's key (one form, one visitor).</summary>
public sealed class CountMeInInput : IKeyedForm
{
    public string? Code { get; set; }
    public string? FormKey { get; set; } = KeyedFormExtensions.NewKey();
}

/// <summary>
/// "Count me in" at a walk-in event, for a visitor who did not register: the venue code shown at the door, one tap, and
/// the head count rises by one; nothing about the person is asked or stored. The QR code on the organiser's door screen
/// leads here. Posts are rate-limited with the registration form (the /Workshops folder's policy). Whether it is open
/// now, and whether the code is right, is decided in <see cref="CheckInService.CountVisitorAsync"/>.
/// </summary>
public sealed class HereModel(WorkshopsDbContext db, CheckInService checkIn, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public SelfCheckInTime When { get; private set; } = null!;

    [BindProperty]
    public CountMeInInput Input { get; set; } = new();

    /// <summary>Set by the post that counted this visitor, for the thank-you after the redirect.</summary>
    [TempData]
    public bool Counted { get; set; }

    public string? Error { get; private set; }
    public bool CodeInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        var formKey = Input.SubmissionKey();
        if (string.IsNullOrWhiteSpace(Input.Code))
        {
            (Error, CodeInvalid) = (l["Kirjoita saapumiskoodi, joka näkyy paikan päällä."], true);
            return Page();
        }

        var result = await checkIn.CountVisitorAsync(Workshop.Id, Input.Code, formKey, ct);
        if (result.Outcome is SelfCheckInOutcome.CheckedIn or SelfCheckInOutcome.AlreadyCheckedIn)
        {
            Counted = true;
            return RedirectToPage(new { slug });
        }

        CodeInvalid = result.Outcome == SelfCheckInOutcome.WrongCode;
        Error = result.Outcome switch
        {
            SelfCheckInOutcome.WrongCode => l["Koodi ei kelpaa. Tarkista paikan päällä näkyvä koodi: se vaihtuu vartin välein."],
            SelfCheckInOutcome.NotYet => l["Voit laskea itsesi mukaan vasta, kun tapahtuma alkaa ({0}).", Formats.LocalMoment(result.Time!.OpensLocal, Cultures.Current)],
            SelfCheckInOutcome.Over => l["Tapahtuma on jo päättynyt."],
            _ => l["Tähän tapahtumaan ei lasketa kävijöitä itse."],
        };
        return Page();
    }

    /// <summary>The workshop, when it is public and walk-in (others have nothing to count here).</summary>
    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await db.PublicWorkshopBySlugAsync(slug, ct) is not { IsWalkIn: true } workshop)
        {
            return false;
        }

        Workshop = workshop;
        When = SelfCheckIn.When(workshop, time);
        return true;
    }
}
