using MimeKit;
using Workshops.Tests.Support;

namespace Workshops.Tests.Integration;

public sealed class PickupTests
{
    private static async Task<string> RegisterAndReadEmlAsync(WorkshopsFactory app, string slug)
    {
        var browser = app.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{slug}");
        await Html.SubmitAsync(browser, form, People.Registration());

        string[] files = [];
        await Eventually.TrueAsync(() =>
        {
            files = Directory.Exists(app.PickupDirectory) ? Directory.GetFiles(app.PickupDirectory, "*.eml") : [];
            return Task.FromResult(files.Length == 1);
        }, "an .eml file was written");
        return files[0];
    }

    [Fact]
    public async Task DefaultDeliveryWritesEachMessageAsACompleteEmlFile()
    {
        using var app = new WorkshopsFactory();
        var file = await RegisterAndReadEmlAsync(app, "korkeakoulut-ja-yritykset-webinaari");

        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("aino@example.fi", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("Paikkasi on vahvistettu: Korkeakoulut ja yritykset", message.Subject);
        Assert.Contains("Paikka: Verkossa", message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.Empty(Directory.GetFiles(app.PickupDirectory, "*.tmp"));
    }

    [Fact]
    public async Task TheEmlIsStandardMimeWithCrlfEncodedTextAndATextCalendarInvitation()
    {
        using var app = new WorkshopsFactory();
        var bytes = await File.ReadAllBytesAsync(await RegisterAndReadEmlAsync(app, "rauma-yksinaisyys"));
        for (var i = 0; i < bytes.Length; i++)
        {
            Assert.True(bytes[i] < 0x80, $"byte {i} is not 7-bit: 0x{bytes[i]:x2}");
            if (bytes[i] == '\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == '\r', $"bare LF at byte {i}");
            }
        }

        var message = MimeMessage.Load(new MemoryStream(bytes));
        var parts = message.BodyParts.OfType<MimePart>().ToList();
        Assert.All(parts, p => Assert.NotEqual(ContentEncoding.Default, p.ContentTransferEncoding));
        Assert.All(parts.OfType<TextPart>().Where(p => p.ContentType.MediaSubtype is "plain" or "html"),
            p => Assert.Contains(p.ContentTransferEncoding, new[] { ContentEncoding.QuotedPrintable, ContentEncoding.Base64 }));
        Assert.Contains("Hei Aino Ääkkönen,", message.TextBody);
        var calendars = parts.Where(p => p.ContentType.MimeType == "text/calendar").ToList();
        Assert.Equal(2, calendars.Count); // the inline invitation and the attached file
        Assert.All(calendars, c =>
        {
            Assert.Equal("REQUEST", c.ContentType.Parameters["method"]);
            Assert.Equal("utf-8", c.ContentType.Charset, ignoreCase: true);
        });
        Assert.DoesNotContain(parts, p => p.ContentType.MimeType == "application/ics");
    }
}
