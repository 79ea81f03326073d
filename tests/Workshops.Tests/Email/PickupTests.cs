using MimeKit;
using Workshops.Tests.Support;

namespace Workshops.Tests.Email;

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
    public async Task EmlFilesAreInWireFormCrlfAndEveryEightBitPartDeclaresItsEncoding()
    {
        // Found by the attack-minded pass: the files had bare LF line ends and 8-bit UTF-8 bodies with no
        // Content-Transfer-Encoding (so 7bit by RFC 2045), which an MTA's pickup folder or a strict reader rejects.
        using var app = new WorkshopsFactory();
        var browser = app.Browser();
        var form = await Html.GetAsync(browser, "/workshops/korkeakoulut-ja-yritykset-webinaari");
        await Html.SubmitAsync(browser, form, People.Registration(name: "Jää Öberg 👩🏽‍🚀"));

        string[] files = [];
        await Eventually.TrueAsync(() =>
        {
            files = Directory.Exists(app.PickupDirectory) ? Directory.GetFiles(app.PickupDirectory, "*.eml") : [];
            return Task.FromResult(files.Length == 1);
        }, "an .eml file was written");

        var bytes = await File.ReadAllBytesAsync(files[0]);
        for (var i = 0; i < bytes.Length; i++)
        {
            Assert.False(bytes[i] == (byte)'\n' && (i == 0 || bytes[i - 1] != (byte)'\r'), $"a bare LF at byte {i}");
            Assert.False(bytes[i] == (byte)'\r' && (i + 1 == bytes.Length || bytes[i + 1] != (byte)'\n'), $"a bare CR at byte {i}");
        }

        var message = await MimeMessage.LoadAsync(files[0]);
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            using var content = new MemoryStream();
            await part.Content!.WriteToAsync(content);
            if (content.ToArray().Any(b => b > 0x7F))
            {
                Assert.NotEqual(ContentEncoding.Default, part.ContentTransferEncoding);
                Assert.NotEqual(ContentEncoding.SevenBit, part.ContentTransferEncoding);
            }
        }

        Assert.Contains("Jää Öberg 👩🏽‍🚀", message.TextBody); // and the text is still readable as typed
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
