using Workshops.Tests.Support;

namespace Workshops.Tests.Email;

/// <summary>A time change reaches every registrant's inbox over real SMTP, with the old time shown.</summary>
public sealed class ChangeNoticeEmailTests : AppWithMailServer
{
    [Fact]
    public async Task EveryRegistrantReceivesTheChangeNoticeWithTheNewAndTheOldTime()
    {
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.Capacity = 1);
        await RegistrationSteps.ThroughFormAsync(App, "Aino", "aino@example.fi");
        await RegistrationSteps.ThroughFormAsync(App, "Bertil", "bertil@example.fi");
        await Smtp.NextMessageAsync();
        await Smtp.NextMessageAsync();
        var organiser = await Organisers.SignedInAsync(App);

        var form = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/edit");
        await Html.SubmitAsync(organiser, form, new Dictionary<string, string?> { ["Input.StartTime"] = "13:00", ["Input.EndTime"] = "16:00" }, "form.workshop-form");

        var messages = new[] { await Smtp.NextMessageAsync(), await Smtp.NextMessageAsync() }.ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal(["aino@example.fi", "bertil@example.fi"], messages.Keys.Order());
        foreach (var message in messages.Values)
        {
            Assert.StartsWith("Muutos työpajaan: Yhdessä yksinäisyyttä vastaan", message.Subject);
            Assert.Contains("ke 31.5.2028 klo 13.00–16.00", message.TextBody);
            Assert.Contains("Aiemmin: ke 31.5.2028, aika tarkentuu", message.TextBody);
        }

        Assert.Equal(4, Smtp.ReceivedCount);
    }
}
