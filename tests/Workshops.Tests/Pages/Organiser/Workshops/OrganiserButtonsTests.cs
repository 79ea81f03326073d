using System.Net;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Members;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// "Out of reach is a 403, never a hidden link alone (the links follow the role too)": the pages an organiser of chosen
/// workshops uses offer no button that answers them 403.
/// </summary>
public sealed class OrganiserButtonsTests : IDisposable
{
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnOrganiserOfAWorkshopIsOfferedNoCopyButtonThatRefusesThem()
    {
        await Organisers.CreateMemberAsync(_app, "olli@example.fi", MemberRole.Organiser, RegistrationSteps.Rauma);
        var olli = _app.Browser();
        await Organisers.SubmitSignInAsync(olli, "olli@example.fi", Organisers.Password);

        var list = await Html.GetAsync(olli, $"/organiser/workshops/{RegistrationSteps.Rauma}");
        Assert.NotNull(list.QuerySelector("table, .cards, h2")); // the attendee list itself is theirs
        if (list.QuerySelector("form.copy-form") is not null)
        {
            var pressed = await Html.SubmitAsync(olli, list, new Dictionary<string, string?>(), "form.copy-form");
            Assert.NotEqual(HttpStatusCode.Forbidden, pressed.StatusCode);
        }
    }
}
