using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Offers;

namespace Workshops.Web.Domain.Workshops;

/// <summary>
/// What an organiser (or the seed file) sets on a workshop; the slug only when creating it: links in sent emails use it.
/// <c>Offers</c>, <c>MaxGroupSize</c> and <c>Funder</c> left null keep what the workshop has (a new one: confirm at once,
/// groups of 5, the activity kind from the format and the site's retention).
/// <c>OnlineCapacity</c> is a hybrid workshop's online seats (null = unlimited; <see cref="HybridSeats"/>).
/// </summary>
public sealed record WorkshopDetails(
    string Slug,
    LocalizedText Title,
    LocalizedText Description,
    DateOnly Date,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    WorkshopFormat Format,
    Audience Audience,
    string? Place,
    string? OnlineJoinUrl,
    int? Capacity,
    DateTime? RegistrationDeadline,
    bool RegistrationRequired,
    string? PlaceSv = null,
    string? PlaceEn = null,
    bool RemindersEnabled = true,
    ProposalSettings? Proposals = null,
    OfferSettings? Offers = null,
    int? MaxGroupSize = null,
    int? OnlineCapacity = null,
    Domain.Funder.FunderReporting? Funder = null);
