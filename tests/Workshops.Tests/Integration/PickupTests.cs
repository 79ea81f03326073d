using MimeKit;
using Workshops.Tests.Support;

namespace Workshops.Tests.Integration;

public sealed class PickupTests
{
    [Fact]
    public async Task DefaultDeliveryWritesEachMessageAsACompleteEmlFile()
    {
        using var app = new WorkshopsFactory();
        var browser = app.Browser();
        var form = await Html.GetAsync(browser, "/workshops/korkeakoulut-ja-yritykset-webinaari");
        await Html.SubmitAsync(browser, form, People.Registration());

        string[] files = [];
        await Eventually.TrueAsync(() =>
        {
            files = Directory.Exists(app.PickupDirectory) ? Directory.GetFiles(app.PickupDirectory, "*.eml") : [];
            return Task.FromResult(files.Length == 1);
        }, "an .eml file was written");

        var message = await MimeMessage.LoadAsync(files[0]);
        Assert.Equal("aino@example.fi", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("Paikkasi on vahvistettu: Korkeakoulut ja yritykset", message.Subject);
        Assert.Contains("Paikka: Verkossa", message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.Empty(Directory.GetFiles(app.PickupDirectory, "*.tmp"));
    }
}
