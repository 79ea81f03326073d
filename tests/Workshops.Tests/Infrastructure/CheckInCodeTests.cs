using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Infrastructure;

/// <summary>The personal QR code on a registrant's own page opens their check-in, for signed-in organisers only.</summary>
public sealed class CheckInCodeTests : AppWithMailServer
{
    [Fact]
    public async Task TheCodeOnTheManagePageLeadsTheOrganiserToThatPersonsCheckIn()
    {
        await RegistrationSteps.ThroughFormAsync(App, "Aino Ääkkönen", "aino@example.fi");
        var manage = await Html.GetAsync(App.Browser(), Mail.ManagePath(await Smtp.NextMessageAsync()));
        var id = await App.WithDbAsync(db => db.Registrations.Select(r => r.Id).SingleAsync());

        var src = manage.QuerySelector("img.check-in-code")!.GetAttribute("src")!;

        Assert.StartsWith("data:image/png;base64,", src);
        Assert.Equal(CheckInCode.DataUri(new Uri("https://workshops.test/"), id), src);
        var link = CheckInCode.Link(new Uri("https://workshops.test/"), id);
        Assert.Equal($"https://workshops.test/organiser/check-in/{id}", link.ToString());
        var anonymous = await App.Browser().GetAsync(link.AbsolutePath);
        Assert.Equal("/organiser/sign-in", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
        var organiser = await Organisers.SignedInAsync(App);
        var checkIn = await Html.GetAsync(organiser, link.AbsolutePath);
        Assert.Equal("Aino Ääkkönen", checkIn.Text(".checkin-list strong"));
    }

    [Fact]
    public async Task SomeoneOnTheWaitingListGetsNoCode()
    {
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Capacity = 0);
        await RegistrationSteps.ThroughFormAsync(App, "Bertil", "bertil@example.fi");

        var manage = await Html.GetAsync(App.Browser(), Mail.ManagePath(await Smtp.NextMessageAsync()));

        Assert.Contains("jonossa", manage.Text("main"));
        Assert.Null(manage.QuerySelector("img.check-in-code"));
    }
}
