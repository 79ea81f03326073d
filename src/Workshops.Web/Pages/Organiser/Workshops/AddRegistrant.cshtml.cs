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
using Workshops.Web.Resources;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// An organiser registers someone (a phone call, a person at the door). The public form's fields and checks apply, worded
/// for the organiser; the deadline and a closed registration do not (see
/// <see cref="RegistrationService.RegisterAsync(Guid, RegistrationRequest, string, bool, CancellationToken)"/>). At the door
/// the organiser may add someone without an email address, or over a full workshop's capacity ("add anyway", audited).
/// </summary>
[Needs(Capability.CheckIn)]
public sealed class AddRegistrantModel(
    WorkshopsDbContext db, RegistrationService registrations, CurrentWorkshop current, CurrentOrganiser organiser,
    CurrentMember member, IStringLocalizer<OrganiserResource> l, IStringLocalizer<SharedResource> formL, TimeProvider time) : PageModel
{
    public Workshop Workshop => current.Workshop;

    /// <summary>The workshop's custom questions, as on the public form.</summary>
    public IReadOnlyList<WorkshopQuestion> Questions { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>Seats taken now (confirmed plus open offers), shown beside "add anyway".</summary>
    public int SeatsTaken { get; private set; }

    /// <summary>A hybrid workshop's seats left per mode, for the form's choice of on site or online; null for any other workshop.</summary>
    public Availability? Modes { get; private set; }

    [BindProperty]
    public AddRegistrantInput Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var answers = QuestionAnswers.Read(Questions, Request.Form, "Input", Input.Answers, ModelState, formL, Cultures.Current);
        foreach (var (field, message) in Input.CrossFieldProblems())
        {
            ModelState.AddModelError($"Input.{field}", l[message]);
        }

        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (Workshop.IsHybrid() && Input.Mode is not (Domain.AttendanceMode.OnSite or Domain.AttendanceMode.Online))
        {
            ModelState.AddModelError("Input.Mode", formL["Valitse, osallistutko paikan päällä vai verkossa."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await registrations.RegisterAsync(Workshop.Id, Input.ToRequest(answers), organiser.Email, Input.OverCapacity, ct);
        if (outcome.Kind is RegistrationOutcomeKind.Confirmed or RegistrationOutcomeKind.Waitlisted)
        {
            TempData.SetNotice(Added(outcome));
            // A door helper may add at the door but not read the attendee list: they go back to the door's page.
            var membership = await member.OfAsync(User, ct);
            return membership?.May(Capability.ViewPersonalData, Workshop.Id) == true
                ? RedirectToPage("Attendees", new { slug = Workshop.Slug })
                : RedirectToPage("CheckIn", new { slug = Workshop.Slug });
        }

        if (outcome.Kind == RegistrationOutcomeKind.AnswersNeeded)
        {
            Questions = outcome.Faults!.Questions;
        }

        Error = outcome.Kind switch
        {
            RegistrationOutcomeKind.AlreadyRegistered => l["Tällä sähköpostiosoitteella on jo voimassa oleva ilmoittautuminen tähän työpajaan."],
            RegistrationOutcomeKind.Closed when outcome.ClosedReason == ClosedReason.Draft => l["Työpaja on luonnos: julkaise se ensin, niin siihen voi lisätä ilmoittautujia."],
            RegistrationOutcomeKind.Closed when outcome.ClosedReason == ClosedReason.EventEnded => l["Työpaja on jo päättynyt, joten siihen ei voi enää lisätä ilmoittautujia."],
            RegistrationOutcomeKind.Closed => l["Työpaja on peruttu, joten siihen ei voi ilmoittautua."],
            RegistrationOutcomeKind.NoEmailForWaitingList => l["Työpaja on täynnä, eikä henkilöä ilman sähköpostiosoitetta voi lisätä jonoon: hänelle ei voisi kertoa vapautuvasta paikasta. Valitse ”Lisää silti, vaikka työpaja on täynnä” tai anna osoite."],
            RegistrationOutcomeKind.AnswersNeeded => QuestionAnswers.Refused(outcome.Faults!, ModelState, formL, Cultures.Current),
            _ => null,
        };
        return Error is null ? NotFound() : Page();
    }

    /// <summary>The notice on the attendee list after an addition: where the person is, and what they were sent.</summary>
    private string Added(RegistrationOutcome outcome) => (outcome switch
    {
        { OverCapacity: true } when Input.NoEmail => l["Henkilö lisättiin ylipaikalle ilman sähköpostiosoitetta: paikka on vahvistettu, viestiä ei lähetetty."],
        { OverCapacity: true } => l["Henkilö lisättiin ylipaikalle: paikka on vahvistettu, vaikka työpaja oli täynnä. Vahvistus lähtee sähköpostiin."],
        _ when Input.NoEmail => l["Henkilö lisättiin ilman sähköpostiosoitetta: paikka on vahvistettu, viestiä ei lähetetty."],
        { Kind: RegistrationOutcomeKind.Confirmed } => l["Ilmoittautuja lisättiin, ja paikka on vahvistettu. Vahvistus lähtee sähköpostiin."],
        _ => l["Työpaja on täynnä: ilmoittautuja lisättiin jonoon. Tieto lähtee sähköpostiin."],
    }).Value;

    private async Task LoadAsync(CancellationToken ct)
    {
        Questions = await db.ActiveQuestionsAsync(Workshop.Id, ct);
        SeatsTaken = await db.SeatsTakenAsync(Workshop.Id, ct);
        Modes = Workshop.IsHybrid() ? RegistrationRules.Evaluate(WorkshopLifecycle.At(Workshop, time), SeatsTaken, await db.OnlineSeatsTakenAsync(Workshop, ct)) : null;
    }
}
