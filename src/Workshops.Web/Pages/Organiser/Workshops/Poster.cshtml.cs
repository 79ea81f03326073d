using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// A printable A4 poster for the stand: the workshop's title and a call to action in Finnish, Swedish and English, and a
/// QR code leading to the stand page's absolute address (on Site__PublicBaseUrl, so it works from any phone).
/// </summary>
[Needs(Capability.ManageWorkshop)]
public sealed class PosterModel(CurrentWorkshop current, SiteLinks links) : PageModel
{
    /// <summary>The call to action in each language, whatever the organiser's own language: a poster speaks to everyone.</summary>
    public static readonly IReadOnlyList<(string Language, string Text)> CallToAction =
    [
        ("fi", "Jätä toive tai ehdotus! Skannaa koodi puhelimellasi – nimeä ei tarvita."),
        ("sv", "Lämna en önskan eller ett förslag! Skanna koden med din telefon – du behöver inte uppge ditt namn."),
        ("en", "Leave a wish or a proposal! Scan the code with your phone – no name needed."),
    ];

    public Workshop Workshop => current.Workshop;
    public string StandUrl { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";

    public void OnGet()
    {
        StandUrl = links.StandPage(Workshop.Slug);
        QrDataUri = QrImage.DataUri(StandUrl, pixelsPerModule: 12);
    }
}
