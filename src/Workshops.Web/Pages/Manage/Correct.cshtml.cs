using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Localization;
using Workshops.Web.Pages.Shared;
using Workshops.Web.Pages.Workshops;

namespace Workshops.Web.Pages.Manage;

/// <summary>
/// The person corrects their name, organisation, group, needs and answers to the workshop's current questions: the
/// registration form's fields, rules and messages, without the email address (the registration's identity). The GET only shows the form; the POST saves through
/// <see cref="RegistrationService.CorrectDetailsAsync"/> and returns to the personal page with a notice.
/// </summary>
public sealed class CorrectModel(
    WorkshopsDbContext db, RegistrationService registrations, TimeProvider time, IStringLocalizer<SharedResource> l, ILogger<CorrectModel> logger) : PageModel
{
    /// <summary>The person's stored answers, as the page read them (the transaction reads them again under the lock).</summary>
    private List<RegistrationAnswer> _stored = [];

    public Registration Registration { get; private set; } = null!;
    public string Token { get; private set; } = "";

    /// <summary>The workshop's current (not archived) questions, in form order.</summary>
    public IReadOnlyList<WorkshopQuestion> Questions { get; private set; } = [];

    /// <summary>The person's stored answers the form cannot show (an archived option), as text by question id: kept, and said so.</summary>
    public IReadOnlyDictionary<int, string> Kept { get; private set; } = new Dictionary<int, string>();

    /// <summary>Set when the correction refused the answers because the questions changed meanwhile (the error summary's first line).</summary>
    public string? QuestionsChanged { get; private set; }

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Input = RegisterInput.From(Registration);
        // Each answer as the question can show it now: posted back unchanged, it stays exactly as stored (AnswerCorrection).
        foreach (var question in Questions)
        {
            if (_stored.FirstOrDefault(a => a.QuestionId == question.Id) is { } answer)
            {
                Input.Answers[question.Id] = [.. question.Shown(answer)];
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await LoadAsync(token, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var answers = QuestionAnswers.Read(Questions, Request.Form, Input, ModelState, l, Cultures.Current, _stored);
        if (!RegistrationFields.AreValid(ModelState, RegistrationFields.CorrectableNamesWith(Questions)))
        {
            return Page();
        }

        var (outcome, faults) = await registrations.CorrectDetailsAsync(Registration.Id, Input.ToDetails(), answers, ct);
        if (faults is not null)
        {
            Questions = faults.Questions;
            QuestionsChanged = QuestionAnswers.Refused(faults, ModelState, l, Cultures.Current);
            return Page();
        }

        if (outcome == CorrectionOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == CorrectionOutcome.Corrected)
        {
            // The id only: the details themselves are personal data.
            logger.LogInformation("Registration {RegistrationId}: details corrected by the registrant", Registration.Id);
        }

        return Notice(outcome switch
        {
            CorrectionOutcome.Corrected => IndexModel.Corrected,
            CorrectionOutcome.Unchanged => IndexModel.Unchanged,
            CorrectionOutcome.TooLate => IndexModel.TooLate,
            _ => IndexModel.NotCorrectable,
        });
    }

    /// <summary>
    /// Null when the form can be shown; otherwise where to go instead (an unknown link, a cancelled registration, a
    /// workshop that has started: <see cref="RegistrationPolicy.MayCorrect"/>).
    /// </summary>
    private async Task<IActionResult?> LoadAsync(string token, CancellationToken ct)
    {
        if (await ManageLookup.FindAsync(db, token, ct) is not { } registration)
        {
            return NotFound();
        }

        Registration = registration;
        Token = token;
        Questions = await db.ActiveQuestionsAsync(registration.WorkshopId, ct);
        _stored = await db.RegistrationAnswers.AsNoTracking().Where(a => a.RegistrationId == registration.Id).ToListAsync(ct);
        Kept = Questions
            .Select(q => (q.Id, Text: _stored.FirstOrDefault(a => a.QuestionId == q.Id) is { } a ? q.Unshown(a, Cultures.Current) : null))
            .Where(k => k.Text is not null)
            .ToDictionary(k => k.Id, k => k.Text!);
        return registration.Status == RegistrationStatus.Cancelled ? Notice(IndexModel.NotCorrectable)
            : !RegistrationPolicy.MayCorrect(WorkshopLifecycle.At(registration.Workshop!, time)) ? Notice(IndexModel.TooLate)
            : null;
    }

    private RedirectToPageResult Notice(string notice)
    {
        TempData["Notice"] = notice;
        return RedirectToPage("Index", new { token = Token });
    }
}
