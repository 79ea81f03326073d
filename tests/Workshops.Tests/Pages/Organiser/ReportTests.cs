using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Pages.Organiser;

public sealed class ReportTests : IAsyncLifetime
{
    private const string Rauma = RegistrationSteps.Rauma;
    private readonly WorkshopsFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync()
    {
        _organiser = await Organisers.SignedInAsync(_app);
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino", "aino@example.fi", "Rauman kaupunki", HelixGroup.Municipal));
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Bertil", "bertil@example.fi", "Rauman kaupunki", HelixGroup.Municipal));
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Cecilia", "cecilia@example.fi", "Åbo Akademi", HelixGroup.HigherEducationOrCompany));
        await _app.WithDbAsync(db => db.Registrations.Where(r => r.Email != "bertil@example.fi")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAtUtc, DateTime.UtcNow)));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ReportShowsRegistrationsAndAttendanceByGroupAndOrganisation()
    {
        var page = await Html.GetAsync(_organiser, "/organiser/report");

        string Cell(string row, int column) => page.QuerySelector($"table.report-groups tr[data-group='{row}'] td:nth-of-type({column})")!.TextContent;
        Assert.Equal(("2", "1"), (Cell("Municipal", 1), Cell("Municipal", 2)));
        Assert.Equal(("1", "1"), (Cell("HigherEducationOrCompany", 1), Cell("HigherEducationOrCompany", 2)));
        Assert.Equal(("3", "2"), (page.Text("[data-total='registered']"), page.Text("[data-total='attended']")));
        var organisations = page.QuerySelectorAll("table.report-organisations tbody tr").Select(tr => tr.TextContent.Trim().Replace("\n", "").Replace(" ", "")).ToList();
        Assert.Equal(["Raumankaupunki21", "ÅboAkademi11"], organisations);
    }

    [Fact]
    public async Task ChartsAreServerDrawnTextAndSvgBarsWithoutStyleOrScript()
    {
        var page = await Html.GetAsync(_organiser, "/organiser/report");

        var charts = page.QuerySelectorAll("figure.chart");
        Assert.Equal(3, charts.Length);
        foreach (var chart in charts)
        {
            Assert.Equal(chart.QuerySelector("figcaption")!.Id, chart.GetAttribute("aria-labelledby"));
            Assert.NotEmpty(chart.QuerySelectorAll(".chart-rows li svg.bar rect"));
        }

        Assert.Empty(page.QuerySelectorAll("[style], script:not([src]), style"));
        var group = page.QuerySelectorAll("figure#groups .chart-rows li").Single(li => li.QuerySelector(".chart-label")!.TextContent == "Kunta tai muu julkinen toimija");
        Assert.Equal(["Ilmoittautuneet: 2", "Osallistuneet: 1"], group.QuerySelectorAll(".chart-value").Select(v => v.TextContent.Trim()).ToList());
    }

    [Fact]
    public async Task ReportCsvOpensInFinnishExcelAndIsAudited()
    {
        var response = await _organiser.GetAsync("/organiser/report?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("Näkökulma;Työpaja;", lines[0]);
        Assert.Contains("Ryhmä;Kaikki työpajat;Kunta tai muu julkinen toimija;2;;;;1;;;;", lines);
        Assert.Contains("Organisaatio;Kaikki työpajat;Åbo Akademi;1;;;;1;;;;", lines);
        Assert.Contains("Yhteensä;Kaikki työpajat;;3;;;;2;;;;", lines);
        var entry = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Exported));
        Assert.Equal(AuditDetail.Of(AuditDetailKind.ReportOfAllExported).ToJson(), entry.Detail);
    }

    [Fact]
    public async Task OneWorkshopCanBeReportedAlone()
    {
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Webinaari", "web@example.fi", "Yliopisto", HelixGroup.HigherEducationOrCompany), "korkeakoulut-ja-yritykset-webinaari");

        var all = await Html.GetAsync(_organiser, "/organiser/report");
        var one = await Html.GetAsync(_organiser, $"/organiser/report?workshop={Rauma}");

        Assert.Equal("4", all.Text("[data-total='registered']"));
        Assert.Equal("3", one.Text("[data-total='registered']"));
        Assert.Equal(HttpStatusCode.NotFound, (await _organiser.GetAsync("/organiser/report?workshop=nope")).StatusCode);
    }
}
