using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Certificates;

namespace Workshops.Tests.Domain.Certificates;

/// <summary>
/// A certificate withdrawn because the arrival was taken back is not final: marked arrived again, the same code is valid
/// again and the PDF already emailed stands. So while it may come back, the workshop's date must not move under it.
/// </summary>
public sealed class CertificateDateTests : IDisposable
{
    private const string Rauma = RegistrationSteps.Rauma;
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero); // 14.00 Helsinki

    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AReinstatedCertificateStillNamesTheDayItWasIssuedFor()
    {
        await _app.UpdateWorkshopAsync(Rauma, w => (w.Date, w.StartTime, w.EndTime) = (new DateOnly(2026, 12, 3), new TimeOnly(14, 0), new TimeOnly(16, 0)));
        Assert.NotNull(await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino Aaltonen", "aino@example.fi")));
        var aino = await _app.WithDbAsync(db => db.Registrations.Where(r => r.Email == "aino@example.fi").Select(r => r.Id).SingleAsync());
        _app.Time.SetUtcNow(Start.AddMinutes(10));
        var organiser = await Organisers.SignedInAsync(_app);
        await MarkAsync(organiser, aino, arrived: true);

        _app.Time.SetUtcNow(Start.AddHours(3));
        string code;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            code = (await scope.ServiceProvider.GetRequiredService<CertificateService>().IssueAsync(aino))!.Code; // the PDF she holds says 3.12.2026
        }

        // A wrong tap takes her arrival back; meanwhile the organiser edits the date; then her arrival is marked again.
        await MarkAsync(organiser, aino, arrived: false);
        var edit = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/edit");
        await Html.SubmitAsync(organiser, edit, new Dictionary<string, string?> { ["Input.Date"] = "2027-01-14" }, "form.workshop-form");
        await MarkAsync(organiser, aino, arrived: true);

        var verify = await Html.ParseAsync(await _app.Browser().GetAsync($"/certificates/{code}"));
        Assert.NotNull(verify.QuerySelector("[data-verdict=genuine]"));
        Assert.Equal("3.12.2026", verify.QuerySelectorAll("main dl.facts dd").Last().TextContent.Trim());
        Assert.Equal(new DateOnly(2026, 12, 3), (await _app.WorkshopAsync(Rauma)).Date);
    }

    /// <summary>Presses "arrived" or "take back the arrival" for registration <paramref name="id"/> on the door's check-in page.</summary>
    private async Task MarkAsync(HttpClient browser, int id, bool arrived)
    {
        var page = await Html.GetAsync(browser, $"/organiser/workshops/{Rauma}/check-in");
        var form = arrived ? $"#r-{id} form.arrive-form" : $"#r-{id} details.undo form";
        var response = await Html.SubmitAsync(browser, page, new Dictionary<string, string?>(), form);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} marking {id}");
        Assert.Equal(arrived, await _app.WithDbAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.CheckedInAtUtc != null).SingleAsync()));
    }
}
