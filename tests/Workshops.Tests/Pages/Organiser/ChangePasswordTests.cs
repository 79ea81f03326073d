using MimeKit;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>The organiser's own new password: not easy to guess, and the organiser is told by email.</summary>
public sealed class ChangePasswordTests : SignedInOrganiser
{
    private async Task<AngleSharp.Dom.IDocument> ChangeAsync(string current, string next, string? culture = null)
    {
        var form = await Html.GetAsync(Organiser, "/organiser/password" + (culture is null ? "" : $"?culture={culture}"));
        return await Html.ParseAsync(await Html.SubmitAsync(Organiser, form, new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        }));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("paula@example.fi2028")]
    public async Task APasswordThatIsEasyToGuessIsRefusedAtItsField(string weak)
    {
        var page = await ChangeAsync(Organisers.Password, weak);

        Assert.Equal("/organiser/password", page.Location.PathName);
        Assert.Contains("Salasana on liian helppo arvata", page.Text("#Input_NewPassword-error"));
        Assert.Equal("true", page.QuerySelector("#Input_NewPassword")!.GetAttribute("aria-invalid"));
        var old = await Organisers.SubmitSignInAsync(App.Browser(), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", old.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TheRefusalSpeaksEnglishInTheEnglishArea()
    {
        var page = await ChangeAsync(Organisers.Password, "password1234", "en");

        Assert.Contains("The password is too easy to guess", page.Text("#Input_NewPassword-error"));
    }

    [Fact]
    public async Task AChangedPasswordIsReportedToTheOrganiserByEmail()
    {
        var page = await ChangeAsync(Organisers.Password, "uusi vielä parempi salasana");
        Assert.Equal("/organiser", page.Location.PathName);

        var file = "";
        await Eventually.TrueAsync(
            () => Task.FromResult(Directory.Exists(App.PickupDirectory) && (file = Directory.GetFiles(App.PickupDirectory, "*.eml").SingleOrDefault() ?? "") != ""),
            "the notice is written");
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(Organisers.Email, message.To.Mailboxes.Single().Address);
        Assert.Equal("Salasanasi vaihdettiin", message.Subject);
        Assert.Contains("Järjestäjätunnuksesi paula@example.fi salasana vaihdettiin 27.11.2026 12.00 (Suomen aikaa).", message.TextBody);
        Assert.Contains("https://workshops.test/organiser/sign-in", message.TextBody);
        Assert.DoesNotContain("uusi vielä parempi salasana", message.ToString());
    }
}
