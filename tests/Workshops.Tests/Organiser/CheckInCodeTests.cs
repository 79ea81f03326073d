using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Organiser;

/// <summary>The personal QR code on a registrant's own page opens their check-in, for signed-in organisers only.</summary>
public sealed class CheckInCodeTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private WorkshopsFactory _app = null!;

    public Task InitializeAsync()
    {
        _smtp.Start();
        _app = new WorkshopsFactory(settings: _smtp.Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task TheCodeOnTheManagePageLeadsTheOrganiserToThatPersonsCheckIn()
    {
        await Registrations.ThroughFormAsync(_app, "Aino Ääkkönen", "aino@example.fi");
        var manage = await Html.GetAsync(_app.Browser(), Mail.ManagePath(await _smtp.NextMessageAsync()));
        var id = await _app.WithDbAsync(db => db.Registrations.Select(r => r.Id).SingleAsync());

        var src = manage.QuerySelector("img.check-in-code")!.GetAttribute("src")!;

        Assert.StartsWith("data:image/png;base64,", src);
        Assert.Equal(CheckInCode.DataUri(new Uri("https://workshops.test/"), id), src);
        var link = CheckInCode.Link(new Uri("https://workshops.test/"), id);
        Assert.Equal($"https://workshops.test/organiser/check-in/{id}", link.ToString());
        var anonymous = await _app.Browser().GetAsync(link.AbsolutePath);
        Assert.Equal("/organiser/sign-in", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
        var organiser = await Organisers.SignedInAsync(_app);
        var checkIn = await Html.GetAsync(organiser, link.AbsolutePath);
        Assert.Equal("Aino Ääkkönen", checkIn.Text(".checkin-list strong"));
    }

    [Fact]
    public async Task SomeoneOnTheWaitingListGetsNoCode()
    {
        await _app.UpdateWorkshopAsync(Registrations.Rauma, w => w.Capacity = 0);
        await Registrations.ThroughFormAsync(_app, "Bertil", "bertil@example.fi");

        var manage = await Html.GetAsync(_app.Browser(), Mail.ManagePath(await _smtp.NextMessageAsync()));

        Assert.Contains("jonossa", manage.Text("main"));
        Assert.Null(manage.QuerySelector("img.check-in-code"));
    }
}
