using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Workshops;

public sealed class DetailsModel(
    WorkshopsDbContext db,
    PublicCache cache,
    RegistrationService registrations,
    GroupRegistrationService groups,
    IdeasWallService ideasWall,
    TimeProvider time,
    IStringLocalizer<SharedResource> l,
    ILogger<DetailsModel> logger) : PageModel
{
    internal const string OutcomeKey = "RegistrationOutcome";

    public Workshop Workshop { get; private set; } = null!;

    /// <summary>Where the workshop is in its life at this request (<see cref="WorkshopLifecycle"/>).</summary>
    public WorkshopLifecycle Life { get; private set; } = null!;
    public Availability Availability { get; private set; } = null!;

    /// <summary>The workshop's custom questions, in form order.</summary>
    public IReadOnlyList<WorkshopQuestion> Questions { get; private set; } = [];

    /// <summary>Set when the registration refused the answers because the questions changed meanwhile (the error summary's first line).</summary>
    public string? QuestionsChanged { get; private set; }

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    /// <summary>The ideas wall's form (shown when the organiser has switched proposals on).</summary>
    [BindProperty]
    public ProposalInput Proposal { get; set; } = new();

    /// <summary>Approved proposals the organiser shows on this page (empty otherwise).</summary>
    public IReadOnlyList<PublicProposal> Proposals { get; private set; } = [];

    /// <summary>A proposal was just left (shown once, after the redirect).</summary>
    public bool ProposalThanks { get; private set; }

    /// <summary>The other person of a group whose name field takes the focus (the one just added), or null.</summary>
    public int? FocusPerson { get; private set; }

    /// <summary>The error summary lists the proposal form's errors when that form was posted.</summary>
    public bool ProposalPosted => ModelState.Keys.Any(k => k.StartsWith("Proposal.", StringComparison.Ordinal));

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Input.Language = Cultures.Current;
        // Only a page with an ideas wall reads TempData: reading it may rewrite its cookie, and the other pages stay cookie-light.
        ProposalThanks = Workshop.IdeasWall.Enabled && TempData[ProposalSubmission.ThanksKey] is true;
        return Page();
    }

    /// <summary>A proposal left on the workshop page; back to the page's ideas wall with a thank-you.</summary>
    public async Task<IActionResult> OnPostProposalAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct) || !Workshop.IdeasWall.Enabled)
        {
            return NotFound();
        }

        return await ProposalSubmission.PostAsync(this, Workshop, Proposal, ideasWall, l, logger,
            () => RedirectToPage("Details", null, new { slug }, "proposals"), ct);
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        // The ideas wall's form is not what was posted: its empty text is not an error here.
        ModelState.KeepOnly("Input");

        if (Input.LooksLikeABot)
        {
            logger.LogInformation("Registration dropped: the honeypot field was filled");
            return BadRequest();
        }

        var answers = QuestionAnswers.Read(Questions, Request.Form, Input, ModelState, l, Cultures.Current);
        var othersAnswers = GroupForm.Read(Input, Questions, Workshop.Groups.MaxPeople, Request.Form, ModelState, l, Cultures.Current);
        this.ValidateEvenIfNotPosted(Input, nameof(Input));
        if (Workshop.IsHybrid() && Input.Mode is not (AttendanceMode.OnSite or AttendanceMode.Online))
        {
            ModelState.AddModelError("Input.Mode", l["Valitse, osallistutko paikan päällä vai verkossa."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.Others.Count > 0)
        {
            return await RegisterGroupAsync(slug, answers, othersAnswers, ct);
        }

        var outcome = await registrations.RegisterAsync(Workshop.Id, Input.ToRequest(answers), ct);
        if (outcome.Faults is { } faults)
        {
            // The form again with the questions the transaction read, not this page's cached copy of them.
            Questions = faults.Questions;
            QuestionsChanged = QuestionAnswers.Refused(faults, ModelState, l, Cultures.Current);
            return Page();
        }

        if (outcome.Kind == RegistrationOutcomeKind.Closed)
        {
            // The page now shows why registration is closed, instead of the form.
            Availability = Availability with { ClosedReason = outcome.ClosedReason };
            return Page();
        }

        if (outcome.Kind == RegistrationOutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData[OutcomeKey] = JsonSerializer.Serialize(new RegisteredTicket(outcome.RegistrationId!.Value, time.GetUtcNow().UtcDateTime));
        return RedirectToPage("Registered", new { slug });
    }

    /// <summary>"Add a person" (works without script): the same form again with one more person's fields, everything typed kept.</summary>
    public async Task<IActionResult> OnPostAddPersonAsync(string slug, CancellationToken ct)
    {
        if (!await KeepTypedAsync(slug, ct))
        {
            return NotFound();
        }

        if (Input.Others.Count + 1 < Workshop.Groups.MaxPeople)
        {
            Input.Others.Add(new GroupMemberInput());
            FocusPerson = Input.Others.Count - 1;
        }

        return Page();
    }

    /// <summary>"Remove this person": the same form again without the <paramref name="person"/>th other person, the rest kept.</summary>
    public async Task<IActionResult> OnPostRemovePersonAsync(string slug, int person, CancellationToken ct)
    {
        if (!await KeepTypedAsync(slug, ct))
        {
            return NotFound();
        }

        if (person >= 0 && person < Input.Others.Count)
        {
            Input.Others.RemoveAt(person);
        }

        return Page();
    }

    /// <summary>
    /// Loads the page and keeps what was typed (answers included) for the form shown again, with no errors yet: nothing was
    /// submitted. The fields are rendered from <see cref="Input"/>, so the list may change shape.
    /// </summary>
    private async Task<bool> KeepTypedAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return false;
        }

        QuestionAnswers.Read(Questions, Request.Form, Input, ModelState, l, Cultures.Current);
        GroupForm.Read(Input, Questions, Workshop.Groups.MaxPeople, Request.Form, ModelState, l, Cultures.Current);
        ModelState.Clear();
        return true;
    }

    /// <summary>The contact and the others as one write; the result page lists where each person is.</summary>
    private async Task<IActionResult> RegisterGroupAsync(string slug, IReadOnlyList<AnswerRequest> answers, List<IReadOnlyList<AnswerRequest>> othersAnswers, CancellationToken ct)
    {
        // The whole group attends one way, the contact's choice.
        var people = Input.Others.Select((p, i) => p.ToRequest(Input.Language!, othersAnswers[i]) with { Mode = Input.Mode })
            .Prepend(Input.ToRequest(answers)).ToList();
        var outcome = await groups.RegisterGroupAsync(Workshop.Id, people, ct);
        switch (outcome.Kind)
        {
            case GroupOutcomeKind.NotFound:
                return NotFound();
            case GroupOutcomeKind.Closed:
                Availability = Availability with { ClosedReason = outcome.ClosedReason };
                return Page();
            case GroupOutcomeKind.AnswersNeeded or GroupOutcomeKind.TooManyPeople:
                Questions = outcome.Faults?.FirstOrDefault(f => f is not null)?.Questions ?? Questions;
                QuestionsChanged = GroupForm.Refused(outcome, ModelState, l, Cultures.Current);
                return Page();
        }

        var others = outcome.People.Skip(1).ToList();
        TempData[OutcomeKey] = JsonSerializer.Serialize(new RegisteredTicket(outcome.People[0].RegistrationId!.Value, time.GetUtcNow().UtcDateTime,
            [.. others.Select(o => o.RegistrationId!.Value)],
            [.. others.Where(o => o.Kind == RegistrationOutcomeKind.AlreadyRegistered).Select(o => o.RegistrationId!.Value)]));
        return RedirectToPage("Registered", new { slug });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        // The seat decision itself is made again inside the registration's transaction, never from this cached copy.
        var facts = await ProposalSubmission.FactsAsync(db, cache, slug, ct);
        if (facts is null)
        {
            return false;
        }

        Workshop = facts.Workshop;
        Proposals = facts.PublicProposals;
        Life = WorkshopLifecycle.At(facts.Workshop, time);
        Availability = RegistrationRules.Evaluate(Life, facts.SeatsTaken, facts.OnlineSeatsTaken);
        Questions = facts.FormQuestions;
        return true;
    }
}
