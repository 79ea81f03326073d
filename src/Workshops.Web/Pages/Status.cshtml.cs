using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages;

/// <summary>Friendly pages for 4xx answers (re-executed by the status-code middleware).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Text { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Text) = code switch
        {
            404 => (l["Sivua ei löytynyt"], l["Tarkista osoite tai palaa työpajojen ohjelmaan."]),
            400 => (l["Lomaketta ei voitu käsitellä"], l["Lomake oli ehkä vanhentunut. Lataa sivu uudelleen ja yritä uudelleen."]),
            429 => (l["Liian monta pyyntöä"], l["Odota hetki ja yritä sitten uudelleen."]),
            _ => (l["Pyyntöä ei voitu käsitellä"], l["Palaa työpajojen ohjelmaan ja yritä uudelleen."]),
        };
    }
}
