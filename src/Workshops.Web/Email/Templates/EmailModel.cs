using Workshops.Web.Domain;

namespace Workshops.Web.Email.Templates;

/// <summary>Everything a message shows, already formatted for the recipient's language.</summary>
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
    string? FeedbackUrl = null);
