using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Infrastructure;

/// <summary>disable-organiser, enable-organiser, reset-password and the authenticator app's commands: one line out, exit codes, sessions ended.</summary>
public sealed class OrganiserCommandsTests : IDisposable
{
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(int Exit, string Out, string Error)> RunAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Commands.RunAsync(args, _app.Services, new StringReader(stdin), output, error);
        return (exit, output.ToString().Trim(), error.ToString().Trim());
    }

    private async Task<bool> InAreaAsync(HttpClient browser) =>
        (await browser.GetAsync("/organiser")).RequestMessage!.RequestUri!.AbsolutePath == "/organiser";

    [Fact]
    public async Task DisablingEndsTheSessionAndRefusesSignInUntilEnabledAgain()
    {
        var browser = await Organisers.SignedInAsync(_app);

        var (exit, output, _) = await RunAsync("", "disable-organiser", "--email", Organisers.Email);
        Assert.Equal(0, exit);
        Assert.Equal($"Organiser {Organisers.Email} disabled; their sessions have ended.", output);
        Assert.False(await InAreaAsync(browser));
        var refused = await Html.ParseAsync(await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password));
        Assert.Contains("Sähköposti tai salasana on väärin.", refused.Text(".error-summary"));

        Assert.Equal(0, (await RunAsync("", "enable-organiser", "--email", Organisers.Email)).Exit);
        var again = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ResettingThePasswordEndsSessionsAndOnlyTheNewOneWorks()
    {
        var browser = await Organisers.SignedInAsync(_app);
        const string newPassword = "aivan uusi pitkä salasana";

        var (exit, output, _) = await RunAsync(newPassword, "reset-password", "--email", Organisers.Email);
        Assert.Equal(0, exit);
        Assert.Equal($"Password of {Organisers.Email} reset; their sessions have ended and they were told by email.", output);
        Assert.False(await InAreaAsync(browser));
        var fresh = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, newPassword);
        Assert.Equal("/organiser", fresh.RequestMessage!.RequestUri!.AbsolutePath);

        var file = "";
        await Eventually.TrueAsync(
            () => Task.FromResult(Directory.Exists(_app.PickupDirectory) && (file = Directory.GetFiles(_app.PickupDirectory, "*.eml").SingleOrDefault() ?? "") != ""),
            "the notice is written");
        var notice = await MimeMessage.LoadAsync(file);
        Assert.Equal((Organisers.Email, "Salasanasi vaihdettiin"), (notice.To.Mailboxes.Single().Address, notice.Subject));
    }

    [Fact]
    public async Task RequiringTheAppSendsTheOrganiserToItsSetUpAfterThePassword()
    {
        await Organisers.CreateAsync(_app);

        var (exit, output, _) = await RunAsync("", "require-two-factor", "--email", Organisers.Email);

        Assert.Equal(0, exit);
        Assert.StartsWith($"Organiser {Organisers.Email} must use an authenticator app", output);
        var landed = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser/two-factor", landed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task ResettingTheAppOfALostPhoneLetsTheOrganiserInWithThePasswordAgain()
    {
        await Organisers.CreateAsync(_app);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = (await users.FindByNameAsync(Organisers.Email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        var asked = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser/sign-in/code", asked.RequestMessage!.RequestUri!.AbsolutePath);

        Assert.Equal(0, (await RunAsync("", "reset-two-factor", "--email", Organisers.Email)).Exit);
        var signedIn = await Organisers.SubmitSignInAsync(_app.Browser(), Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData("disable-organiser")]
    [InlineData("enable-organiser")]
    [InlineData("reset-password")]
    public async Task AnUnknownOrganiserIsAnErrorWithExitCodeOne(string command)
    {
        var (exit, output, error) = await RunAsync("pitkä ja hyvä salasana", command, "--email", "nobody@example.fi");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("Error: no organiser with the email nobody@example.fi.", error);
    }

    [Fact]
    public async Task ATooShortResetPasswordIsRefused()
    {
        await Organisers.CreateAsync(_app);
        var (exit, _, error) = await RunAsync("lyhyt", "reset-password", "--email", Organisers.Email);
        Assert.Equal(1, exit);
        Assert.StartsWith("Error:", error);
    }
}
