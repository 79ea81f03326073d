using Workshops.Web.Domain.IdeasWall;

namespace Workshops.Web.Domain.Workshops;

/// <summary>What an organiser (or the seed file) sets on a workshop; the slug only when creating it: links in sent emails use it.</summary>
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
    ProposalSettings? Proposals = null);
