namespace Workshops.Web.Domain.Members;

/// <summary>
/// What a member of the organiser team is (issue 25). Stored by name in <c>AspNetUsers.Role</c>; an account made before
/// roles existed, or by the <c>add-organiser</c> command, is an <see cref="Administrator"/> (the column's default).
/// </summary>
public enum MemberRole
{
    /// <summary>Everything, every workshop, and the members themselves.</summary>
    Administrator = 0,

    /// <summary>Everything about the workshops chosen for them (lists, exports, messages, results); nothing of the others.</summary>
    Organiser = 1,

    /// <summary>Check-in and adding people at the door of the workshops chosen for them; no exports, erasure or messages.</summary>
    DoorHelper = 2,

    /// <summary>The participation report and the comparison of methods: figures without personal data (a funder, a steering group).</summary>
    Viewer = 3,
}

/// <summary>What an organiser page or handler needs (<c>[Needs(…)]</c> on it); <see cref="MemberRules"/> says which role has which.</summary>
public enum Capability
{
    /// <summary>Any signed-in member: their own account (password, authenticator app), sign-out, the start page.</summary>
    Account,

    /// <summary>Figures without personal data: the participation report, the comparison of methods.</summary>
    ViewReports,

    /// <summary>A workshop's people on screen: the attendee list, the sign-in sheet, proposals with their names.</summary>
    ViewPersonalData,

    /// <summary>Downloading a workshop's people (CSV, .xlsx).</summary>
    Export,

    /// <summary>Emailing a workshop's people: messages, reminders, results, feedback requests.</summary>
    Message,

    /// <summary>Erasing a person's data.</summary>
    Erase,

    /// <summary>The door: marking arrivals, the head count, adding someone at the door.</summary>
    CheckIn,

    /// <summary>Changing a workshop: edit, cancel, questions, results, moderation, registrations opened or cancelled.</summary>
    ManageWorkshop,

    /// <summary>The whole programme: new workshops and copies, emails that failed (any workshop), the audit log.</summary>
    ManageProgramme,

    /// <summary>The members page: invitations, roles, disabling a member.</summary>
    ManageMembers,
}

/// <summary>The one table of role × capability, and which roles reach every workshop. Pure; tested without a database.</summary>
public static class MemberRules
{
    private static readonly Capability[] OrganiserCan =
    [
        Capability.Account, Capability.ViewReports, Capability.ViewPersonalData, Capability.Export, Capability.Message,
        Capability.Erase, Capability.CheckIn, Capability.ManageWorkshop,
    ];

    /// <summary>Whether <paramref name="role"/> may do <paramref name="capability"/> at all (reach aside).</summary>
    public static bool Allows(MemberRole role, Capability capability) => role switch
    {
        MemberRole.Administrator => true,
        MemberRole.Organiser => OrganiserCan.Contains(capability),
        MemberRole.DoorHelper => capability is Capability.Account or Capability.CheckIn,
        MemberRole.Viewer => capability is Capability.Account or Capability.ViewReports,
        _ => false,
    };

    /// <summary>
    /// Whether the role reaches every workshop. An organiser and a door helper reach only the workshops chosen for them;
    /// a viewer reaches all, but only for figures (no page about one workshop needs <see cref="Capability.ViewReports"/>).
    /// </summary>
    public static bool ReachesEveryWorkshop(MemberRole role) => role is MemberRole.Administrator or MemberRole.Viewer;

    /// <summary>Whether the role works on chosen workshops (the invitation form asks which).</summary>
    public static bool HasChosenWorkshops(MemberRole role) => role is MemberRole.Organiser or MemberRole.DoorHelper;
}

/// <summary>A signed-in member as the access rules see them: their role and the workshops chosen for them.</summary>
/// <param name="Role">The member's role.</param>
/// <param name="Workshops">The workshops chosen for an organiser or a door helper (ignored for the other roles).</param>
public sealed record Membership(MemberRole Role, IReadOnlySet<Guid> Workshops)
{
    /// <summary>Whether the member reaches the workshop <paramref name="workshopId"/> at all.</summary>
    public bool Reaches(Guid workshopId) => MemberRules.ReachesEveryWorkshop(Role) || Workshops.Contains(workshopId);

    /// <summary>
    /// Whether the member may do <paramref name="capability"/>, on the workshop <paramref name="workshopId"/> when the
    /// page or handler is about one (null: a page about no single workshop, or one that no longer exists).
    /// </summary>
    public bool May(Capability capability, Guid? workshopId) =>
        MemberRules.Allows(Role, capability) && (workshopId is not { } id || Reaches(id));
}
