namespace Workshops.Web.Domain.Funder;

/// <summary>
/// What a workshop is in the funder's terms (issue 26). In ESF-funded projects in Finland the participants of a
/// participant activity enter their own monitoring data in the funder's system (EURA); people at an open information
/// event are not participants: they are counted by head.
/// </summary>
public enum ActivityKind
{
    /// <summary>People registered to take part: those who attended form the roster and get the self-entry step.</summary>
    ParticipantActivity = 0,

    /// <summary>An open event (the bench café): counted by head, no roster, no self-entry emails.</summary>
    OpenEvent = 1,
}

/// <summary>
/// The type of the organisation a person represents, as the funder counts supported organisations (issue 26: public
/// bodies, companies, social enterprises, …). An optional answer on the registration form; personal data with the
/// organisation's name (<see cref="Registrations.Registration.OrganisationType"/>).
/// </summary>
public enum OrganisationType
{
    PublicBody = 1,
    Company = 2,
    SocialEnterprise = 3,
    UniversityOrCollege = 4,
    Association = 5,
    Other = 6,
}
