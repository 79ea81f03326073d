using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The venue code large, for a screen or tablet at the door while the workshop is under way, with how to use it in
/// Finnish, Swedish and English; at a walk-in event also the QR code of the "count me in" page. It rotates
/// (<see cref="CheckInCode.Period"/>), so it is never printed: our script fetches the next one when it changes, and the
/// page has a reload link for a browser without script.
/// </summary>
[Needs(Capability.CheckIn)]
public sealed class CheckInCodeModel(CurrentWorkshop current, SiteLinks links, TimeProvider time) : PageModel
{
    /// <summary>What a person does with the code, in each language: the screen speaks to everyone at the door.</summary>
    public static readonly IReadOnlyList<(string Language, string Text)> Instructions =
    [
        ("fi", "Ilmoittauduitko? Kirjaa saapumisesi: avaa oma ilmoittautumissivusi vahvistusviestin linkistä ja kirjoita tämä koodi."),
        ("sv", "Har du anmält dig? Registrera din ankomst: öppna din egen anmälningssida via länken i bekräftelsen och skriv in den här koden."),
        ("en", "Registered? Check yourself in: open your own registration page from the link in your confirmation and enter this code."),
    ];

    /// <summary>For walk-in visitors who did not register.</summary>
    public static readonly IReadOnlyList<(string Language, string Text)> WalkInInstructions =
    [
        ("fi", "Etkö ilmoittautunut? Skannaa QR-koodi ja laske itsesi mukaan – nimeä ei kysytä."),
        ("sv", "Anmälde du dig inte? Skanna QR-koden och räkna in dig – vi frågar inte efter ditt namn."),
        ("en", "Did not register? Scan the QR code and count yourself in – no name asked."),
    ];

    public Workshop Workshop => current.Workshop;
    public SelfCheckInTime SelfCheckIn { get; private set; } = null!;
    public (string Code, DateTimeOffset ChangesAt)? VenueCode { get; private set; }
    public string CountMeInUrl { get; private set; } = "";
    public string? CountMeInQr { get; private set; }

    public void OnGet()
    {
        SelfCheckIn = Domain.Registrations.SelfCheckIn.When(Workshop, time);
        if (SelfCheckIn.Window == SelfCheckInWindow.Open && Workshop.CheckInKey is { } key)
        {
            var now = time.GetUtcNow();
            VenueCode = (CheckInCode.VenueCode(key, now), CheckInCode.ChangesAt(now));
        }

        if (Workshop.IsWalkIn)
        {
            CountMeInUrl = links.CountMeInPage(Workshop.Slug);
            CountMeInQr = QrImage.DataUri(CountMeInUrl, pixelsPerModule: 8);
        }
    }
}
