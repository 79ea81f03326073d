using Workshops.Web.Pages.Shared;

namespace Workshops.Tests.Pages.Shared;

public sealed class TextValidationTests
{
    [Theory]
    [InlineData("aino@example.fi")]
    [InlineData("first.last+tag@sub.example.org")]
    [InlineData("åsa@exempel.se")]
    public void AcceptsOrdinaryAddresses(string email) => Assert.True(new PlainEmailAttribute().IsValid(email));

    [Theory]
    [InlineData("aino")]
    [InlineData("aino@")]
    [InlineData("@example.fi")]
    [InlineData("aino@example")]
    [InlineData("aino@@example.fi")]
    [InlineData("Aino <aino@example.fi>")]
    [InlineData("aino@example.fi\r\nBcc: x@example.fi")]
    [InlineData("a,b@example.fi")]
    [InlineData("aino@example.fi.")]
    public void RejectsAddressesThatAreNotOneMailbox(string email) => Assert.False(new PlainEmailAttribute().IsValid(email));

    [Theory]
    [InlineData("Aino\nÄäkkönen", false)]
    [InlineData("Aino\u0000", false)]
    [InlineData("evil\u202Etxt", false)]
    [InlineData("Aino \uFFFD", false)]
    [InlineData("Åsa Öberg 漢字 🎉", true)]
    [InlineData("<script>alert(1)</script>", true)]
    public void SingleLineTextRejectsControlCharactersOnly(string text, bool valid) =>
        Assert.Equal(valid, new SingleLineTextAttribute().IsValid(text));

    [Fact]
    public void LoneSurrogatesAreRejected()
    {
        Assert.False(new SingleLineTextAttribute().IsValid("broken" + (char)0xD800));
        Assert.False(new SingleLineTextAttribute().IsValid((char)0xDC00 + "broken"));
        Assert.True(new SingleLineTextAttribute().IsValid("pair 🎉"));
    }

    [Fact]
    public void MultiLineTextAllowsLineBreaksButNotOtherControls()
    {
        Assert.True(new MultiLineTextAttribute().IsValid("Gluteeniton\r\nPyörätuoli"));
        Assert.False(new MultiLineTextAttribute().IsValid("bell\u0007"));
    }
}
