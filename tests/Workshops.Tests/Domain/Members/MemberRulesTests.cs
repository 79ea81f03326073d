using Workshops.Web.Domain.Members;

namespace Workshops.Tests.Domain.Members;

/// <summary>The role × capability rules and the reach of each role, without a database.</summary>
public sealed class MemberRulesTests
{
    private static readonly Guid Mine = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static Membership As(MemberRole role) => new(role, new HashSet<Guid> { Mine });

    [Fact]
    public void AnAdministratorMayDoEverythingOnEveryWorkshop() =>
        Assert.All(Enum.GetValues<Capability>(), c => Assert.True(As(MemberRole.Administrator).May(c, Other)));

    [Fact]
    public void AnOrganiserMayDoEverythingAboutTheirOwnWorkshopButNothingOfAnother()
    {
        var organiser = As(MemberRole.Organiser);
        Assert.True(organiser.May(Capability.Export, Mine));
        Assert.True(organiser.May(Capability.Erase, Mine));
        Assert.False(organiser.May(Capability.ViewPersonalData, Other));
        Assert.False(organiser.May(Capability.Export, Other));
        Assert.False(organiser.May(Capability.ManageMembers, null));
        Assert.False(organiser.May(Capability.ManageProgramme, null));
    }

    [Fact]
    public void ADoorHelperMayOnlyCheckPeopleInAtTheirOwnWorkshop()
    {
        var door = As(MemberRole.DoorHelper);
        Assert.True(door.May(Capability.CheckIn, Mine));
        Assert.False(door.May(Capability.CheckIn, Other));
        Assert.All(new[] { Capability.Export, Capability.Erase, Capability.Message, Capability.ManageMembers, Capability.ViewPersonalData, Capability.ViewReports },
            c => Assert.False(door.May(c, Mine)));
    }

    [Fact]
    public void AViewerSeesOnlyFigures()
    {
        var viewer = As(MemberRole.Viewer);
        Assert.True(viewer.May(Capability.ViewReports, null));
        Assert.All(Enum.GetValues<Capability>().Except([Capability.Account, Capability.ViewReports]),
            c => Assert.False(viewer.May(c, Mine)));
    }
}
