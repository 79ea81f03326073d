using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Members;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>The member's own notification settings through the real form (issue 25, item 4).</summary>
public sealed class NotificationsPageTests : IDisposable
{
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ADoorHelperSeesOnlyTheirWorkshopAndSavesADigestInSwedish()
    {
        await Organisers.CreateMemberAsync(_app, "ovi@example.fi", MemberRole.DoorHelper, RegistrationSteps.Rauma);
        var browser = _app.Browser();
        await Organisers.SubmitSignInAsync(browser, "ovi@example.fi", Organisers.Password);
        var page = await Html.GetAsync(browser, "/organiser/notifications");
        Assert.Single(page.QuerySelectorAll("fieldset[data-workshop]"));
        Assert.NotNull(page.QuerySelector($"fieldset[data-workshop='{RegistrationSteps.Rauma}']"));
        Assert.Contains("vain lukumäärät", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("nav a[href='/organiser/notifications']"));

        var rauma = (await _app.WorkshopAsync(RegistrationSteps.Rauma)).Id;
        var saved = await Html.ParseAsync(await Html.SubmitAsync(browser, page,
            new Dictionary<string, string?> { [$"Input.Choices[{rauma}]"] = "Digest", ["Input.Language"] = "sv" }, "form.notifications-form"));
        Assert.NotNull(saved.QuerySelector($"input[name='Input.Choices[{rauma}]'][value=Digest][checked]"));
        Assert.Equal(("Digest", "sv"), await _app.WithDbAsync(async db => (
            (await db.NotificationSubscriptions.SingleAsync()).Choice.ToString(),
            await db.Users.Where(u => u.UserName == "ovi@example.fi").Select(u => EF.Property<string>(u, "Language")).SingleAsync())));
    }

    [Fact]
    public async Task AnUnknownChoiceIsRefusedNextToTheFieldAndNothingIsSaved()
    {
        var browser = await Organisers.SignedInAsync(_app);
        var page = await Html.GetAsync(browser, "/organiser/notifications");
        var rauma = (await _app.WorkshopAsync(RegistrationSteps.Rauma)).Id;
        var response = await Html.SubmitAsync(browser, page,
            new Dictionary<string, string?> { [$"Input.Choices[{rauma}]"] = "Hourly", ["Input.Language"] = "de" }, "form.notifications-form");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var shown = await Html.ParseAsync(response);
        Assert.Contains("Valitse jokaiselle työpajalle yksi vaihtoehdoista.", shown.Text("#Input_Choices-error"));
        Assert.Contains("Valitse kieli", shown.Text("#Input_Language-error"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.NotificationSubscriptions.CountAsync()));
    }
}
