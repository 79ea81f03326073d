using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Questions;

/// <summary>Where a question moves on the form.</summary>
public enum QuestionMove
{
    Up,
    Down,
}

/// <summary>
/// What saving a question did: saved, nothing found, refused because the form would hold too many answer fields, or
/// refused because its answers would not fit the new kind.
/// </summary>
public enum QuestionSave
{
    Saved,
    NotFound,

    /// <summary>The workshop's questions would put more than <see cref="WorkshopQuestion.MaxAnswerFieldsPerForm"/> answer fields on the form.</summary>
    FormFull,

    /// <summary>The question has answers that the new kind would hide (<see cref="WorkshopQuestion.CanChangeKindTo"/>): nothing saved.</summary>
    KindRefused,
}

/// <summary>What removing a question did: deleted (no answers), archived (answers kept), or nothing found.</summary>
public enum QuestionRemoval
{
    NotFound,
    Deleted,
    Archived,
}

/// <summary>
/// A workshop's custom questions on the registration form: adding, changing, moving and removing them, each one
/// audited <see cref="WriteTransaction"/> under the workshop's lock. <c>actor</c> is the organiser's address.
/// </summary>
public sealed class QuestionService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    AuditLog audit,
    TimeProvider time)
{
    /// <summary>
    /// Adds a question at the end of the form. <see cref="QuestionSave.NotFound"/> when the workshop does not exist,
    /// <see cref="QuestionSave.FormFull"/> (nothing saved) when the form would exceed <see cref="WorkshopQuestion.MaxAnswerFieldsPerForm"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An invalid draft (see <see cref="WorkshopQuestion.Change"/>); the page validates first.</exception>
    public Task<QuestionSave> AddAsync(Guid workshopId, QuestionDraft draft, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            if (await LockedWorkshopAsync(workshopId, ct) is null)
            {
                return QuestionSave.NotFound;
            }

            var onForm = await db.ActiveQuestionsAsync(workshopId, ct);
            if (!FitsOnForm(onForm, draft))
            {
                return QuestionSave.FormFull;
            }

            var last = await db.WorkshopQuestions.Where(q => q.WorkshopId == workshopId).MaxAsync(q => (int?)q.Position, ct) ?? 0;
            var question = WorkshopQuestion.Create(workshopId, last + 1, draft);
            db.WorkshopQuestions.Add(question);
            await db.SaveChangesAsync(ct);
            audit.Add(actor, AuditAction.QuestionAdded, workshopId, detail: AuditDetail.Of(AuditDetailKind.Question, question.Id, question.Kind));
            return QuestionSave.Saved;
        }, ct);

    /// <summary>
    /// Changes a question of <paramref name="workshopId"/> without hiding any answer it has, judged on the answers as
    /// stored when the workshop's lock is held (a registration committing meanwhile counts): a kind the answers would not
    /// fit is <see cref="QuestionSave.KindRefused"/> and saves nothing; an option left out that answers chose is archived
    /// (<see cref="WorkshopQuestion.Change"/>). <see cref="QuestionSave.NotFound"/> when there is no such question on the
    /// form, <see cref="QuestionSave.FormFull"/> (nothing saved) when its new options would overfill the form.
    /// </summary>
    /// <exception cref="ArgumentException">An invalid draft (see <see cref="WorkshopQuestion.Change"/>).</exception>
    public Task<QuestionSave> EditAsync(Guid workshopId, int questionId, QuestionDraft draft, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            if (await ActiveQuestionAsync(workshopId, questionId, ct) is not { } question)
            {
                return QuestionSave.NotFound;
            }

            if (!FitsOnForm((await db.ActiveQuestionsAsync(workshopId, ct)).Where(q => q.Id != questionId), draft))
            {
                return QuestionSave.FormFull;
            }

            var held = AnswersHeld.Of(await db.RegistrationAnswers.Where(a => a.QuestionId == questionId).Select(a => a.OptionKeys).ToListAsync(ct));
            if (!question.CanChangeKindTo(draft.Kind, held))
            {
                return QuestionSave.KindRefused;
            }

            question.Change(draft, held);
            audit.Add(actor, AuditAction.QuestionEdited, workshopId, detail: AuditDetail.Of(AuditDetailKind.Question, question.Id, question.Kind));
            return QuestionSave.Saved;
        }, ct);

    private static bool FitsOnForm(IEnumerable<WorkshopQuestion> others, QuestionDraft draft) =>
        others.Sum(q => q.AnswerFields) + WorkshopQuestion.AnswerFieldsOf(draft.Kind, draft.Options.Count) <= WorkshopQuestion.MaxAnswerFieldsPerForm;

    /// <summary>Swaps a question with its neighbour on the form. False when not found or already first/last.</summary>
    public Task<bool> MoveAsync(Guid workshopId, int questionId, QuestionMove move, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            await workshopLock.LockAsync(db, workshopId, ct);
            var questions = await db.ActiveQuestionsAsync(workshopId, ct);
            var index = questions.FindIndex(q => q.Id == questionId);
            var other = move == QuestionMove.Up ? index - 1 : index + 1;
            if (index < 0 || other < 0 || other >= questions.Count)
            {
                return false;
            }

            // Renumber the whole form: positions may have gaps or ties after removals and copies.
            (questions[index], questions[other]) = (questions[other], questions[index]);
            for (var i = 0; i < questions.Count; i++)
            {
                questions[i].Position = i + 1;
            }

            audit.Add(actor, AuditAction.QuestionMoved, workshopId, detail: AuditDetail.Of(AuditDetailKind.Question, questionId, move));
            return true;
        }, ct);

    /// <summary>
    /// Takes a question off the form: deleted when nobody has answered it, otherwise archived so that its answers stay
    /// in the attendee list and the exports.
    /// </summary>
    public Task<QuestionRemoval> RemoveAsync(Guid workshopId, int questionId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            if (await ActiveQuestionAsync(workshopId, questionId, ct) is not { } question)
            {
                return QuestionRemoval.NotFound;
            }

            if (await db.RegistrationAnswers.AnyAsync(a => a.QuestionId == questionId, ct))
            {
                question.Archive(Now);
                audit.Add(actor, AuditAction.QuestionArchived, workshopId, detail: AuditDetail.Of(AuditDetailKind.QuestionNumber, questionId));
                return QuestionRemoval.Archived;
            }

            db.WorkshopQuestions.Remove(question);
            audit.Add(actor, AuditAction.QuestionRemoved, workshopId, detail: AuditDetail.Of(AuditDetailKind.QuestionNumber, questionId));
            return QuestionRemoval.Deleted;
        }, ct);

    private async Task<WorkshopQuestion?> ActiveQuestionAsync(Guid workshopId, int questionId, CancellationToken ct)
    {
        await workshopLock.LockAsync(db, workshopId, ct);
        return await db.WorkshopQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.WorkshopId == workshopId && q.ArchivedAtUtc == null, ct);
    }

    /// <summary>Takes the workshop's lock, then loads it: what follows decides on the database's current state.</summary>
    private async Task<Workshop?> LockedWorkshopAsync(Guid workshopId, CancellationToken ct)
    {
        await workshopLock.LockAsync(db, workshopId, ct);
        return await db.Workshops.SingleOrDefaultAsync(w => w.Id == workshopId, ct);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct) => writes.RunAsync(_ => work(), ct);
}
