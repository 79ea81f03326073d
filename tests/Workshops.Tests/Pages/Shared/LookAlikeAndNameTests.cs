using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Shared;

/// <summary>What the person typed is what arrives: no second "person" for the same mailbox, no decoded name.</summary>
[Trait("Kind", "Security")]
public sealed class LookAlikeAndNameTests : AppWithMailServer
{
    [Theory]
    [InlineData("ａｉｎｏ@example.fi")]
    [InlineData("aino＠example.fi")]
    [InlineData("aino@exa\u200Bmple.fi")]
    [InlineData("ai\u200Dno@example.fi")]
    [InlineData("aino@example\u00AD.fi")]
    [InlineData("firstname.@example.fi")]
    public async Task LookAlikeAndUnsendableAddressesAreRefusedAtTheForm(string address)
    {
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, "/workshops/rauma-yksinaisyys");
        var page = await Html.ParseAsync(await Html.SubmitAsync(browser, form, People.Registration(email: address)));
        Assert.Contains("Tarkista sähköpostiosoite", page.Text("main"));
    }

    [Theory]
    [InlineData("a{b}@example.fi")]
    [InlineData("a%b@example.fi")]
    [InlineData("o'brien|x^y`z@example.fi")]
    [InlineData("aino@esimerkki.fi")]
    public async Task UnusualButValidAddressesGetAConfirmationWithACalendarEntry(string address)
    {
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, "/workshops/rauma-yksinaisyys");
        await Html.SubmitAsync(browser, form, People.Registration(email: address));
        var message = await Smtp.NextMessageAsync();
        Assert.Equal(address, message.To.Mailboxes.Single().Address);
        Assert.Contains("ATTENDEE", message.BodyParts.OfType<MimeKit.TextPart>().First(p => p.ContentType.MediaSubtype == "calendar").Text);
    }

    [Theory]
    [InlineData("=?utf-8?b?SGFja2Vy?=")]
    [InlineData("Aino =?iso-8859-1?q?=C4=E4kk=F6nen?= Ääkkönen")]
    public async Task ANameThatLooksLikeAnEncodedWordIsShownLiterally(string name)
    {
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, "/workshops/rauma-yksinaisyys");
        await Html.SubmitAsync(browser, form, People.Registration(name: name));
        var message = await Smtp.NextMessageAsync();
        Assert.Equal(name, message.To.Mailboxes.Single().Name);
    }
}
