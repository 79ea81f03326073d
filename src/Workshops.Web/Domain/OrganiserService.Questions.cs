using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;

namespace Workshops.Web.Domain;

/// <summary>Where a question moves on the form.</summary>
public enum QuestionMove
{
    Up,
    Down,
}

/// <summary>What removing a question did: deleted (no answers), archived (answers kept), or nothing found.</summary>
public enum QuestionRemoval
{
    NotFound,
    Deleted,
    Archived,
}

/// <summary>The organiser's custom questions and the copying of a workshop, each one audited write.</summary>
public sealed partial class OrganiserService
{
    /// <summary>Adds a question at the end of the form. Null when the workshop does not exist.</summary>
    /// <exception cref="ArgumentException">An invalid draft (see <see cref="WorkshopQuestion.Change"/>); the page validates first.</exception>
    public Task<int?> AddQuestionAsync(Guid workshopId, QuestionDraft draft, string actor, CancellationToken ct = default) =>
        InTransactionAsync<int?>(async () =>
        {
            if (await LockedWorkshopAsync(workshopId, ct) is null)
            {
                return null;
            }

            var last = await db.WorkshopQuestions.Where(q => q.WorkshopId == workshopId).MaxAsync(q => (int?)q.Position, ct) ?? 0;
            var question = WorkshopQuestion.Create(workshopId, last + 1, draft);
            db.WorkshopQuestions.Add(question);
            await db.SaveChangesAsync(ct);
            audit.Add(actor, AuditAction.QuestionAdded, workshopId, detail: AuditDetail.Of(AuditDetailKind.Question, question.Id, question.Kind));
            return question.Id;
        }, ct);

    /// <summary>Changes a question of <paramref name="workshopId"/>. False when there is no such question on the form.</summary>
    /// <exception cref="ArgumentException">An invalid draft (see <see cref="WorkshopQuestion.Change"/>).</exception>
    public Task<bool> EditQuestionAsync(Guid workshopId, int questionId, QuestionDraft draft, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            if (await ActiveQuestionAsync(workshopId, questionId, ct) is not { } question)
            {
                return false;
            }

            question.Change(draft);
            audit.Add(actor, AuditAction.QuestionEdited, workshopId, detail: AuditDetail.Of(AuditDetailKind.Question, question.Id, question.Kind));
            return true;
        }, ct);

    /// <summary>Swaps a question with its neighbour on the form. False when not found or already first/last.</summary>
    public Task<bool> MoveQuestionAsync(Guid workshopId, int questionId, QuestionMove move, string actor, CancellationToken ct = default) =>
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
    public Task<QuestionRemoval> RemoveQuestionAsync(Guid workshopId, int questionId, string actor, CancellationToken ct = default) =>
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

    /// <summary>
    /// A new workshop with the texts, date, times, place, format, audience, capacity, deadline, questions, reminder
    /// switch and ideas wall (on/off, public, themes) of <paramref name="sourceId"/>, but not its results; slug <c>{slug}-kopio</c> (then <c>-kopio-2</c>, <c>-kopio-3</c>…). It is a
    /// draft (<see cref="Workshop.IsDraft"/>): its date, time and place are still the source's, so the public does not see it
    /// until an organiser has checked them and published it (<see cref="PublishWorkshopAsync"/>). It also starts with
    /// registration closed, so nobody registers for a copy before it has been edited and opened; the online join link is
    /// not copied (another session needs its own meeting); no registrations, head count or calendar history come along.
    /// Null when the source does not exist.
    /// </summary>
    /// <remarks>
    /// Copies are serialised (<see cref="PostgresLocks.WorkshopCopy"/>): otherwise two PostgreSQL instances copying at
    /// once read the same free slug and the second insert broke the unique index (a 500). Chosen over retrying on the
    /// unique violation because it is one statement, copies are rare, and no failed transaction needs to be told apart.
    /// </remarks>
    public Task<Workshop?> CopyWorkshopAsync(Guid sourceId, string actor, CancellationToken ct = default) =>
        InTransactionAsync(async () =>
        {
            await PostgresLocks.TakeAsync(db, PostgresLocks.WorkshopCopy, ct);
            if (await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == sourceId, ct) is not { } source)
            {
                return null;
            }

            var slug = await FreeSlugAsync(source.Slug, ct);
            var details = new WorkshopDetails(slug, source.Title, source.Description, source.Date, source.StartTime, source.EndTime,
                source.Format, source.Audience, source.Place, OnlineJoinUrl: null, source.Capacity, source.RegistrationDeadline,
                source.RegistrationRequired, source.PlaceSv, source.PlaceEn, source.RemindersEnabled,
                new ProposalSettings(source.ProposalsEnabled, source.ProposalsPublic, source.ProposalThemes));
            var now = Now;
            var copy = Workshop.CreateDraft(Guid.NewGuid(), details, now);
            copy.SetRegistrationOpen(false, now);
            db.Workshops.Add(copy);
            var position = 0;
            foreach (var question in await db.ActiveQuestionsAsync(sourceId, ct))
            {
                var options = question.Options.Select(o => new OptionDraft(null, o.Text)).ToList();
                db.WorkshopQuestions.Add(WorkshopQuestion.Create(copy.Id, ++position,
                    new QuestionDraft(question.Kind, question.Text, question.Help, question.Required, options)));
            }

            audit.Add(actor, AuditAction.WorkshopCopied, copy.Id, detail: AuditDetail.Of(AuditDetailKind.WorkshopCopied, source.Slug, slug, position));
            return copy;
        }, ct);

    private async Task<string> FreeSlugAsync(string slug, CancellationToken ct)
    {
        const string suffix = "-kopio";
        var stem = slug.Length + suffix.Length + 4 > WorkshopConfiguration.SlugMaxLength
            ? slug[..(WorkshopConfiguration.SlugMaxLength - suffix.Length - 4)].TrimEnd('-')
            : slug;
        var taken = await db.Workshops.Where(w => w.Slug.StartsWith(stem + suffix)).Select(w => w.Slug).ToListAsync(ct);
        var candidate = stem + suffix;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{stem}{suffix}-{n}";
        }

        return candidate;
    }

    private async Task<WorkshopQuestion?> ActiveQuestionAsync(Guid workshopId, int questionId, CancellationToken ct)
    {
        await workshopLock.LockAsync(db, workshopId, ct);
        return await db.WorkshopQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.WorkshopId == workshopId && q.ArchivedAtUtc == null, ct);
    }
}
