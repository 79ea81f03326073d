namespace Workshops.Web.Domain;

/// <summary>
/// How people take part. <see cref="ToBeAnnounced"/> is for events whose form is not known yet. <see cref="Hybrid"/> is
/// on-site and online at once: each registration then chooses its <see cref="AttendanceMode"/>, with seats and a waiting
/// list per mode (Workshops/AttendanceModes). One more value rather than flags: the format is stored by name, the old
/// values keep their meaning, and every "is it online?" question stays one comparison.
/// </summary>
public enum WorkshopFormat
{
    InPerson = 0,
    Online = 1,
    WalkIn = 2,
    ToBeAnnounced = 3,
    Hybrid = 4,
}

/// <summary>
/// How one person attends: chosen on the form of a <see cref="WorkshopFormat.Hybrid"/> workshop, and otherwise following
/// the format (online for <see cref="WorkshopFormat.Online"/>, on site for every other).
/// </summary>
public enum AttendanceMode
{
    OnSite = 0,
    Online = 1,
}

/// <summary>The quadruple-helix group a workshop is meant for.</summary>
public enum Audience
{
    OpenToAll = 0,
    MunicipalActors = 1,
    Citizens = 2,
    HigherEducationAndCompanies = 3,
    SocialEnterprises = 4,

    /// <summary>The announcement does not say whom the workshop is for: pages then show no audience at all.</summary>
    NotStated = 5,
}

public enum WorkshopStatus
{
    Open = 0,
    Closed = 1,
    Cancelled = 2,
}

/// <summary>The group a registrant says they represent (the four helix groups and "other").</summary>
public enum HelixGroup
{
    Municipal = 1,
    Citizen = 2,
    HigherEducationOrCompany = 3,
    SocialEnterprise = 4,
    Other = 5,
}

public enum RegistrationStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
}
