namespace Workshops.Web.Domain.Members;

/// <summary>
/// One workshop chosen for an organiser or a door helper (<see cref="MemberRules.HasChosenWorkshops"/>): table
/// <c>MemberWorkshops</c>, removed with the account or the workshop. Holds only the two keys.
/// </summary>
public sealed class MemberWorkshop
{
    /// <summary>The member's Identity user id (<c>AspNetUsers.Id</c>).</summary>
    public string UserId { get; set; } = "";

    public Guid WorkshopId { get; set; }
}
