using Workshops.Web.Domain;

namespace Workshops.Web.Email.Templates;

/// <summary>
/// Everything a message shows, already formatted for the recipient's language and true at the moment it is composed
/// (the lifecycle at send time): <c>MayStillCancel</c> = the personal link still offers cancelling
/// (<see cref="Domain.Registrations.RegistrationPolicy.MayCancel"/>); <c>MayRegisterAgain</c> = the public form is open;
/// <c>NeedsNoted</c> = the needs the person gave (the checklist's labels, then their own words), acknowledged in a
/// confirmation, waiting-list, promotion or "already registered" message; null in others or when none were given.
/// <c>OfferDeadline</c>: the seat offer's deadline in Helsinki time; <c>AcceptUrl</c>/<c>DeclineUrl</c>: the pages that
/// answer it (a GET shows, only their POST acts); <c>RegisteredBy</c>: the group's contact who registered this person, with
/// the privacy notice's address; <c>SelfEntryUrl</c>: the funder's self-entry service (<c>Funder__SelfEntryUrl</c>), in the
/// self-entry message only. <c>PracticalInfo</c> and <c>CancellationReason</c>: the organiser's own words
/// (<see cref="Domain.Workshops.WorkshopTexts"/>) in the recipient's language, plain text, or null when none.
/// </summary>
public sealed record EmailModel(
    EmailKind Kind,
    RegistrationStatus Status,
    string Name,
    string WorkshopTitle,
    string When,
    string? Place,
    string? JoinUrl,
    bool IsWalkIn,
    int? WaitingListPosition,
    string? PreviousWhen,
    string? PreviousPlace,
    string WorkshopUrl,
    string ManageUrl,
    string Subject,
    bool HasSeatLimit = true,
    IReadOnlyList<EmailDetail>? PersonDetails = null,
    string? OrganiserText = null,
    string? FeedbackUrl = null,
    bool MayStillCancel = false,
    bool MayRegisterAgain = false,
    string? OfferDeadline = null,
    string? AcceptUrl = null,
    string? DeclineUrl = null,
    string? RegisteredBy = null,
    string? PrivacyUrl = null,
    IReadOnlyList<string>? NeedsNoted = null,
    string? SelfEntryUrl = null,
    string? PracticalInfo = null,
    string? CancellationReason = null);

/// <summary>One line of the person's own details (label and value, in the message's language), shown after a correction.</summary>
public sealed record EmailDetail(string Label, string Value);

/// <summary>An organiser's preview of one language's copy: the subject, the plain-text part and the HTML part.</summary>
public sealed record EmailPreview(string Language, string Subject, string Text, string Html);

/// <summary>
/// The results message (<see cref="Email.EmailKind.Results"/>), formatted for the recipient's language;
/// <c>ResultsUrl</c> is the public results page, or null while it is not published; <c>CoverNote</c> the organiser's
/// note to an outside recipient (plain text), null for participants or when there is none.
/// </summary>
public sealed record ResultsEmailModel(
    string Name,
    string WorkshopTitle,
    string When,
    IReadOnlyList<string> Summary,
    IReadOnlyList<ResultsEmailItem> TakenForward,
    string? ResultsUrl,
    string WorkshopUrl,
    string Subject,
    string? CoverNote = null);

/// <summary>One proposal taken forward, with its theme's label (or null).</summary>
public sealed record ResultsEmailItem(string Text, string? Theme);
