using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.IdeasWall;

namespace Workshops.Tests.Domain.IdeasWall;

/// <summary>The ideas wall's rules on the entities themselves: moderation transitions, personal data, results publishing.</summary>
[Trait("Kind", "Rules")]
public sealed class ProposalTransitionTests
{
    private static readonly DateTime Now = new(2028, 6, 30, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Workshop = Guid.NewGuid();

    private static Proposal New(int id, string? name = null, string? organisation = null, bool showName = false)
    {
        var proposal = Proposal.Create(Workshop, new ProposalRequest("  Joustoa  ", null, name, organisation, showName, null, "fi"), Now);
        proposal.Id = id;
        return proposal;
    }

    [Fact]
    public void ANewProposalIsTrimmedAnonymousByDefaultAndWaitsForModeration()
    {
        var proposal = New(1, name: "  ", showName: true);
        Assert.Equal(("Joustoa", ProposalState.New, (string?)null, false, false), (proposal.Text, proposal.State, proposal.Name, proposal.ShowName, proposal.HasPersonalData));
        Assert.Null(proposal.ConsentedAtUtc);
        Assert.Throws<ArgumentException>(() => Proposal.Create(Workshop, new ProposalRequest(" \n ", null, null, null, false, null, "fi"), Now));
    }

    [Fact]
    public void ApprovingAndHidingMoveBetweenTheStatesAndHidingTakesTheForwardMarkOff()
    {
        var proposal = New(1);
        Assert.False(proposal.MarkTakenForward(true, Now)); // only an approved one
        Assert.True(proposal.Approve(Now));
        Assert.False(proposal.Approve(Now));
        Assert.True(proposal.MarkTakenForward(true, Now));
        Assert.False(proposal.MarkTakenForward(true, Now));
        Assert.True(proposal.Hide(Now));
        Assert.Equal((ProposalState.Hidden, false), (proposal.State, proposal.TakenForward));
        Assert.True(proposal.Approve(Now));
    }

    [Fact]
    public void MergingIsFinalAndOnlyIntoAnotherLiveProposalOfTheSameWorkshop()
    {
        var (duplicate, kept, merged) = (New(1), New(2), New(3));
        merged.State = ProposalState.Merged;
        var elsewhere = New(4);
        elsewhere.WorkshopId = Guid.NewGuid();

        Assert.False(duplicate.MergeInto(duplicate, Now));
        Assert.False(duplicate.MergeInto(merged, Now));
        Assert.False(duplicate.MergeInto(elsewhere, Now));
        Assert.True(duplicate.MergeInto(kept, Now));
        Assert.Equal((ProposalState.Merged, (int?)2), (duplicate.State, duplicate.MergedIntoId));
        Assert.False(duplicate.Approve(Now));
        Assert.False(duplicate.Hide(Now));
        Assert.False(duplicate.MergeInto(kept, Now));
    }

    [Fact]
    public void ANameOrAnOrganisationMakesItPersonalDataThatErasingRemoves()
    {
        var named = New(1, name: "Maija", organisation: "Porin kaupunki", showName: true);
        Assert.True(named.HasPersonalData);
        Assert.Equal(Now, named.ConsentedAtUtc);
        Assert.Equal("Maija", named.PublicName);
        Assert.True(New(2, organisation: "Porin kaupunki").HasPersonalData);
        Assert.Null(New(3, name: "Ville").PublicName); // not chosen to be shown

        Assert.True(named.ErasePersonalData(Now));
        Assert.Equal(("Joustoa", (string?)null, (string?)null, false, (string?)null), (named.Text, named.Name, named.Organisation, named.ShowName, named.PublicName));
        Assert.False(named.ErasePersonalData(Now));
    }

    [Fact]
    public void ResultsCanBePublishedFromTheWorkshopsStartOn()
    {
        var workshop = SeedImporter.Read(SeedFiles.WorkshopsJson, 2028, Now).Single(w => w.Slug == "suomiareena-penkkikahvila");
        var summary = new LocalizedText { Fi = " Tulokset " };
        var dayStarts = HelsinkiTime.ToUtc(new DateTime(2028, 6, 30)); // no time announced: it starts at 00.00 of its day
        Assert.False(workshop.SaveResults(summary, publish: true, dayStarts.AddSeconds(-1)));
        Assert.False(workshop.Results.Published);
        Assert.True(workshop.SaveResults(summary, publish: false, dayStarts.AddSeconds(-1))); // the summary alone any time
        Assert.True(workshop.SaveResults(summary, publish: true, dayStarts));
        Assert.Equal(("Tulokset", true), (workshop.Results.Summary.Fi, workshop.Results.Published));
    }

    [Fact]
    public void TheBenchCafeHasItsIdeasWallOnFromTheSeedWithItsTopicAsThemesAndNoOtherWorkshopHasOne()
    {
        var programme = SeedImporter.Read(SeedFiles.WorkshopsJson, 2028, Now);
        var bench = programme.Single(w => w.Slug == "suomiareena-penkkikahvila");
        Assert.Equal((true, false), (bench.IdeasWall.Enabled, bench.IdeasWall.Public));
        Assert.Equal(["Hyvä työpaikka", "Hyvä työelämä"], bench.IdeasWall.ThemesFor("fi").Select(t => t.Key));
        Assert.Equal(["En bra arbetsplats", "Ett bra arbetsliv"], bench.IdeasWall.ThemesFor("sv").Select(t => t.Label));
        Assert.Equal(["A good workplace", "A good working life"], bench.IdeasWall.ThemesFor("en").Select(t => t.Label));
        Assert.All(programme.Where(w => w != bench), w => Assert.False(w.IdeasWall.Enabled, w.Slug));
    }
}
