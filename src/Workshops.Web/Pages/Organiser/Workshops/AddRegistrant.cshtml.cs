using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Pages.Workshops;
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// An organiser registers someone (a phone call, a person at the door). The public form's input and checks
/// apply; the deadline and a closed registration do not (see <see cref="RegistrationService.RegisterAsync(Guid, RegistrationRequest, string, CancellationToken)"/>).
/// </summary>
[Needs(Capability.CheckIn)]
public sealed class AddRegistrantModel(
    WorkshopsDbContext db, RegistrationService registrations, CurrentWorkshop current, CurrentOrganiser organiser,
    IStringLocalizer<OrganiserResource> l, IStringLocalizer<SharedResource> formL) : PageModel
{
    public Workshop Workshop => current.Workshop;

    /// <summary>The workshop's custom questions, as on the public form.</summary>
    public IReadOnlyList<WorkshopQuestion> Questions { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var answers = QuestionAnswers.Read(Questions, Request.Form, Input, ModelState, formL, Cultures.Current);
        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await registrations.RegisterAsync(Workshop.Id, Input.ToRequest(answers), organiser.Email, ct);
        switch (outcome.Kind)
        {
            case RegistrationOutcomeKind.Confirmed:
                TempData.SetNotice(l["Ilmoittautuja lisättiin, ja paikka on vahvistettu. Vahvistus lähtee sähköpostiin."].Value);
                return RedirectToPage("Attendees", new { slug = Workshop.Slug });
            case RegistrationOutcomeKind.Waitlisted:
                TempData.SetNotice(l["Työpaja on täynnä: ilmoittautuja lisättiin jonoon. Tieto lähtee sähköpostiin."].Value);
                return RedirectToPage("Attendees", new { slug = Workshop.Slug });
            case RegistrationOutcomeKind.AlreadyRegistered:
                Error = l["Tällä sähköpostiosoitteella on jo voimassa oleva ilmoittautuminen tähän työpajaan."];
                return Page();
            case RegistrationOutcomeKind.Closed:
                Error = outcome.ClosedReason switch
                {
                    ClosedReason.Draft => l["Työpaja on luonnos: julkaise se ensin, niin siihen voi lisätä ilmoittautujia."],
                    ClosedReason.EventEnded => l["Työpaja on jo päättynyt, joten siihen ei voi enää lisätä ilmoittautujia."],
                    _ => l["Työpaja on peruttu, joten siihen ei voi ilmoittautua."],
                };
                return Page();
            case RegistrationOutcomeKind.AnswersNeeded:
                Questions = outcome.Faults!.Questions;
                Error = QuestionAnswers.Refused(outcome.Faults, ModelState, formL, Cultures.Current);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken ct) => Questions = await db.ActiveQuestionsAsync(Workshop.Id, ct);
}
