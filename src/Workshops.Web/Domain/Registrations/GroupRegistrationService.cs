using Microsoft.EntityFrameworkCore;
using Workshops.Web.Data;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.Registrations;

/// <summary>What registering a group did as a whole.</summary>
public enum GroupOutcomeKind
{
    /// <summary>Each person has an outcome of their own (confirmed, waitlisted, or already registered).</summary>
    Registered,

    /// <summary>Registration is closed: nobody was registered.</summary>
    Closed,

    /// <summary>Someone's answers do not satisfy the questions as they are now: nobody was registered.</summary>
    AnswersNeeded,

    /// <summary>More people than the workshop allows on one form (the organiser lowered it meanwhile): nobody was registered.</summary>
    TooManyPeople,
    NotFound,
}

/// <summary>
/// What registering a group did: per person, in the order given, their own outcome (<paramref name="People"/>, when
/// <see cref="GroupOutcomeKind.Registered"/>); per person their answer faults (<paramref name="Faults"/>, null where fine,
/// when <see cref="GroupOutcomeKind.AnswersNeeded"/>); the workshop's limit (<paramref name="MaxPeople"/>) for
/// <see cref="GroupOutcomeKind.TooManyPeople"/>.
/// </summary>
public sealed record GroupRegistrationOutcome(
    GroupOutcomeKind Kind,
    IReadOnlyList<RegistrationOutcome> People,
    ClosedReason ClosedReason = ClosedReason.None,
    IReadOnlyList<QuestionFaults?>? Faults = null,
    int MaxPeople = 0);

/// <summary>
/// A contact registers themselves and colleagues on one public form (issue 24). Everyone goes through the one registration
/// path (<see cref="RegistrationService.RegisterInTransactionAsync"/>, <see cref="RegistrationPolicy.Public"/>) in ONE write:
/// one transaction, the workshop's lock taken once, so the seats are decided together: those that fit are confirmed in the
/// order given and the rest wait, and no other registration can slip in between. Each person gets a registration, an email
/// and a manage link of their own; the others' registrations name the contact's (<see cref="Registration.GroupContactId"/>),
/// so their emails say who registered them. Beside <see cref="RegistrationService"/> as <see cref="CheckInService"/> is:
/// that file would pass 300 lines.
/// </summary>
public sealed class GroupRegistrationService(
    WorkshopsDbContext db,
    WriteTransaction writes,
    IWorkshopLock workshopLock,
    RegistrationService registrations,
    TimeProvider time)
{
    /// <summary>
    /// Registers <paramref name="people"/>, the contact first, as one write. Closed, too many people (more than
    /// <see cref="GroupSettings.MaxPeople"/>) or anyone's answers not fitting the questions as read here store nothing. An
    /// address already registered does not block the others: that person's outcome is
    /// <see cref="RegistrationOutcomeKind.AlreadyRegistered"/> (and they get their details again by email, as from the
    /// form alone); the same address twice in one group is registered once.
    /// </summary>
    /// <exception cref="ArgumentException">No people at all.</exception>
    public Task<GroupRegistrationOutcome> RegisterGroupAsync(Guid workshopId, IReadOnlyList<RegistrationRequest> people, CancellationToken ct = default)
    {
        if (people.Count == 0)
        {
            throw new ArgumentException("A group has at least its contact.", nameof(people));
        }

        return writes.RunAsync(async c =>
        {
            await workshopLock.LockAsync(db, workshopId, c);
            if (await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workshopId, c) is not { } workshop)
            {
                return new GroupRegistrationOutcome(GroupOutcomeKind.NotFound, []);
            }

            if (people.Count > workshop.Groups.MaxPeople)
            {
                return new GroupRegistrationOutcome(GroupOutcomeKind.TooManyPeople, [], MaxPeople: workshop.Groups.MaxPeople);
            }

            // Decided for the whole group before anyone is stored: nobody half-registered.
            var closed = RegistrationRules.WhyClosed(WorkshopLifecycle.At(workshop, time));
            if (closed != ClosedReason.None)
            {
                return new GroupRegistrationOutcome(GroupOutcomeKind.Closed, [], closed);
            }

            var questions = await db.ActiveQuestionsAsync(workshopId, c);
            var faults = people.Select(p => QuestionFaults.Find(questions, p.Answers ?? [])).ToList();
            if (faults.Any(f => f is not null))
            {
                return new GroupRegistrationOutcome(GroupOutcomeKind.AnswersNeeded, [], Faults: faults);
            }

            var outcomes = new List<RegistrationOutcome>();
            int? contact = null;
            foreach (var person in people)
            {
                var outcome = await registrations.RegisterInTransactionAsync(workshopId, person with { GroupContactId = contact }, RegistrationPolicy.Public, c);
                contact ??= outcome.RegistrationId;
                outcomes.Add(outcome);
            }

            return new GroupRegistrationOutcome(GroupOutcomeKind.Registered, outcomes);
        }, ct);
    }
}
