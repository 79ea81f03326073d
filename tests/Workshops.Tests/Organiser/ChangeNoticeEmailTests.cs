using Workshops.Tests.Support;

namespace Workshops.Tests.Organiser;

/// <summary>A time change reaches every registrant's inbox over real SMTP, with the old time shown.</summary>
public sealed class ChangeNoticeEmailTests : IAsyncLifetime
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
    public async Task EveryRegistrantReceivesTheChangeNoticeWithTheNewAndTheOldTime()
    {
        await _app.UpdateWorkshopAsync(Registrations.Rauma, w => w.Capacity = 1);
        await Registrations.ThroughFormAsync(_app, "Aino", "aino@example.fi");
        await Registrations.ThroughFormAsync(_app, "Bertil", "bertil@example.fi");
        await _smtp.NextMessageAsync();
        await _smtp.NextMessageAsync();
        var organiser = await Organisers.SignedInAsync(_app);

        var form = await Html.GetAsync(organiser, $"/organiser/workshops/{Registrations.Rauma}/edit");
        await Html.SubmitAsync(organiser, form, new Dictionary<string, string?> { ["Input.StartTime"] = "13:00", ["Input.EndTime"] = "16:00" }, "form.workshop-form");

        var messages = new[] { await _smtp.NextMessageAsync(), await _smtp.NextMessageAsync() }.ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal(["aino@example.fi", "bertil@example.fi"], messages.Keys.Order());
        foreach (var message in messages.Values)
        {
            Assert.StartsWith("Muutos työpajaan: Yhdessä yksinäisyyttä vastaan", message.Subject);
            Assert.Contains("ke 31.5.2028 klo 13.00–16.00", message.TextBody);
            Assert.Contains("Aiemmin: ke 31.5.2028, koko päivä", message.TextBody);
        }

        Assert.Equal(4, _smtp.ReceivedCount);
    }
}
