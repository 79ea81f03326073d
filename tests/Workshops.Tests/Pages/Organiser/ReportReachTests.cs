using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>
/// The participation report is open to every role that sees figures (a viewer, an organiser of other workshops). An
/// organisation is personal data here (a one-person company names its person: organisers.md, "Trade-off: organisations"),
/// so the report by organisation must not show one to a member who may not see that workshop's people.
/// </summary>
public sealed class ReportReachTests : IDisposable
{
    private const string Organisation = "Aaltosen Toiminimi Tmi";

    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(MemberRole.Viewer)]
    [InlineData(MemberRole.Organiser)] // of another workshop than Rauma, where Aino registered
    public async Task AMemberWhoMayNotSeeAWorkshopsPeopleSeesNoneOfItsOrganisationsInTheReport(MemberRole role)
    {
        var other = await _app.WithDbAsync(db => Task.FromResult(db.Workshops.Where(w => w.Slug != RegistrationSteps.Rauma).Select(w => w.Slug).First()));
        Assert.NotNull(await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino Aaltonen", "aino@example.fi", Organisation, HelixGroup.HigherEducationOrCompany)));
        await Organisers.CreateMemberAsync(_app, "member@example.fi", role, role == MemberRole.Organiser ? [other] : []);
        var member = _app.Browser();
        await Organisers.SubmitSignInAsync(member, "member@example.fi", Organisers.Password);

        foreach (var path in new[] { "/organiser/report", $"/organiser/report?workshop={RegistrationSteps.Rauma}", "/organiser/report?handler=Csv" })
        {
            var response = await member.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain(Organisation, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
