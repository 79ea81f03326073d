using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Shared;

/// <summary>
/// The article names a contact for the workshops. Every page footer and every email names them, with the
/// title in the reader's language, and replies to any message reach them (Email__ReplyTo defaults to the contact).
/// </summary>
public sealed class ContactTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private WorkshopsFactory _app = null!;

    public Task InitializeAsync()
    {
        _smtp.Start();
        var settings = _smtp.Settings;
        settings.Remove("Email:ReplyTo"); // the shipped default: no Reply-To setting of its own
        _app = new WorkshopsFactory(settings: settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    [Theory]
    [InlineData("fi", "Lisätietoja työpajoista: Paula Alanen, tutkimuspäällikkö, Silta-Valmennusyhdistys, paula.alanen@siltavalmennus.fi")]
    [InlineData("sv", "Mer information om workshopparna: Paula Alanen, forskningschef, Silta-Valmennusyhdistys, paula.alanen@siltavalmennus.fi")]
    [InlineData("en", "More about the workshops: Paula Alanen, research manager, Silta-Valmennusyhdistys, paula.alanen@siltavalmennus.fi")]
    public async Task EveryPageFooterNamesTheContactWithTheTitleInThePageLanguage(string language, string line)
    {
        foreach (var path in new[] { "/", $"/workshops/{RegistrationSteps.Rauma}", "/privacy", "/accessibility", "/organiser/sign-in" })
        {
            var page = await Html.GetAsync(_app.Browser(), $"{path}?culture={language}");

            var footer = page.QuerySelector("footer")!;
            Assert.Equal(line, string.Join(' ', footer.QuerySelector(".contact")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            Assert.NotNull(footer.QuerySelector("a[href='mailto:paula.alanen@siltavalmennus.fi']"));
            if (language != "fi")
            {
                Assert.DoesNotContain("tutkimuspäällikkö", page.Text("body"), StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("fi", "Lisätietoja työpajoista: Paula Alanen, tutkimuspäällikkö, Silta-Valmennusyhdistys, paula.alanen@siltavalmennus.fi")]
    [InlineData("sv", "Mer information om workshopparna: Paula Alanen, forskningschef, Silta-Valmennusyhdistys, paula.alanen@siltavalmennus.fi")]
    [InlineData("en", "More about the workshops: Paula Alanen, research manager, Silta-Valmennusyhdistys, paula.alanen@siltavalmennus.fi")]
    public async Task EveryEmailEndsWithTheContactAndRepliesGoToThem(string language, string line)
    {
        var browser = _app.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{RegistrationSteps.Rauma}?culture={language}");
        var values = People.Registration();
        values["Input.Language"] = language;
        await Html.SubmitAsync(browser, form, values);

        var message = await _smtp.NextMessageAsync();

        var replyTo = Assert.Single(message.ReplyTo.Mailboxes);
        Assert.Equal("paula.alanen@siltavalmennus.fi", replyTo.Address);
        Assert.Equal("Paula Alanen", replyTo.Name);
        Assert.Equal(line, message.TextBody!.TrimEnd().Split('\n')[^1]);
        Assert.Contains(line.Replace(", paula.alanen", ", <a href=\"mailto:paula.alanen@siltavalmennus.fi\">paula.alanen", StringComparison.Ordinal), message.HtmlBody);
    }

    [Fact]
    public async Task AnExplicitReplyToWins()
    {
        using var app = new WorkshopsFactory(settings: _smtp.Settings);
        await RegistrationSteps.ThroughFormAsync(app, "Aino", "aino@example.fi");

        var message = await _smtp.NextMessageAsync();

        Assert.Equal("info@example.fi", Assert.Single(message.ReplyTo.Mailboxes).Address);
    }
}
