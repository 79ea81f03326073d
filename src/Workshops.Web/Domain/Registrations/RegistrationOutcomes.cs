using Workshops.Web.Domain.Accessibility;
using Workshops.Web.Domain.Questions;

namespace Workshops.Web.Domain.Registrations;

/// <summary>
/// What a person (or an organiser for them) typed into the registration form. <paramref name="Email"/> is null only for
/// someone an organiser adds without an address (at the door). <paramref name="GroupContactId"/> is the registration of
/// the person who registered this one on the same form (<see cref="GroupRegistrationService"/>); null for oneself.
/// <paramref name="Mode"/> is the choice on a hybrid workshop's form (<see cref="Workshops.AttendanceModes.ModeFor"/>).
/// </summary>
public sealed record RegistrationRequest(
    string Name,
    string? Email,
    string? Organisation,
    HelixGroup Group,
    string? Needs,
    string Language,
    IReadOnlyList<AnswerRequest>? Answers = null,
    int? GroupContactId = null,
    AccessNeeds AccessNeeds = AccessNeeds.None,
    AttendanceMode? Mode = null,
    Funder.OrganisationType? OrganisationType = null);

/// <summary>What a person may correct on their own page: everything they typed except the email address.</summary>
public sealed record RegistrantDetails(string Name, string? Organisation, HelixGroup Group, string? Needs, AccessNeeds AccessNeeds = AccessNeeds.None, Funder.OrganisationType? OrganisationType = null);

public enum CorrectionOutcome
{
    Corrected,

    /// <summary>The details were already as given: nothing saved, nothing sent.</summary>
    Unchanged,

    /// <summary>Cancelled (or erased) meanwhile: there is nothing left to correct.</summary>
    NotCorrectable,
    NotFound,

    /// <summary>The workshop has started (<see cref="RegistrationPolicy.MayCorrect"/>): nothing saved; the person is given the contact.</summary>
    TooLate,

    /// <summary>The answers do not satisfy the questions as they are now (changed after the page read them): nothing saved.</summary>
    AnswersNeeded,
}

/// <summary>What correcting did; <paramref name="Faults"/> is set for <see cref="CorrectionOutcome.AnswersNeeded"/>.</summary>
public sealed record CorrectionResult(CorrectionOutcome Outcome, QuestionFaults? Faults = null);

public enum CancelOutcome
{
    Cancelled,
    AlreadyCancelled,
    NotFound,

    /// <summary>
    /// The workshop has started, been held or been cancelled (<see cref="RegistrationPolicy.MayCancel"/>): nothing changed,
    /// nothing sent; the person is given the contact.
    /// </summary>
    TooLate,

    /// <summary>The person was checked in: their arrival stays in every count, so the registration is not cancelled.</summary>
    Attended,
}

/// <summary>
/// A cancellation and what it set off: whether a confirmed seat was freed (a waiting-list place frees none) and how many
/// people moved up from the waiting list into it (none when nobody waited, or the workshop counts no seats).
/// </summary>
public sealed record CancelResult(CancelOutcome Outcome, bool FreedSeat = false, int Promoted = 0);

public enum RegistrationOutcomeKind
{
    Confirmed,
    Waitlisted,
    AlreadyRegistered,
    Closed,
    NotFound,

    /// <summary>The answers do not satisfy the questions as they are now (changed after the page read them): nothing stored.</summary>
    AnswersNeeded,

    /// <summary>
    /// No email address and no free seat: nothing stored. Someone without an address cannot be told of a seat, so they are
    /// never put on the waiting list; an organiser adds them over the capacity instead, or with an address.
    /// </summary>
    NoEmailForWaitingList,
}

/// <summary>
/// What registering did; <paramref name="RegistrationId"/> is set when a registration exists (new or earlier),
/// <paramref name="Faults"/> for <see cref="RegistrationOutcomeKind.AnswersNeeded"/>; <paramref name="OverCapacity"/> when
/// an organiser's "add anyway" confirmed the person over a full workshop's capacity.
/// </summary>
public sealed record RegistrationOutcome(
    RegistrationOutcomeKind Kind,
    RegistrationStatus? Status = null,
    int? WaitingListPosition = null,
    ClosedReason ClosedReason = ClosedReason.None,
    int? RegistrationId = null,
    QuestionFaults? Faults = null,
    bool OverCapacity = false);
