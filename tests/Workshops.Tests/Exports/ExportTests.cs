using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Exports;

/// <summary>The attendee list as CSV for Finnish Excel and as .xlsx, read back byte by byte.</summary>
public class ExportTests : IAsyncLifetime
{
    private const string Rauma = RegistrationSteps.Rauma;
    private readonly WorkshopsFactory _app;
    private HttpClient _organiser = null!;

    public ExportTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected ExportTests(DatabaseProvider provider) => _app = new WorkshopsFactory(new TestFolder(provider));

    public async Task InitializeAsync()
    {
        _organiser = await Organisers.SignedInAsync(_app);
        await RegistrationSteps.ThroughFormAsync(_app, "Åsa Öberg-Ämmälä", "asa@example.fi", "Föreningen \"Ström\"; Åbo", needs: "Gluteeniton\nPyörätuoli");
        await RegistrationSteps.ThroughFormAsync(_app, "=HYPERLINK(\"http://evil.example\",\"klikkaa\")", "evil1@example.fi", "+358 40 123 4567");
        await RegistrationSteps.ThroughFormAsync(_app, "-2+3", "evil2@example.fi", "@SUM(A1:A9)");
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Tabitha", "tab@example.fi"));
        // Neither the form nor the service lets a leading tab or carriage return in; an import or a future field might.
        await _app.WithDbAsync(db => db.Registrations.Where(r => r.Email == "tab@example.fi")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Organisation, "\t=1+1").SetProperty(r => r.Needs, "\r=2+2")));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<byte[]> DownloadAsync(string handler, string query = "")
    {
        var response = await _organiser.GetAsync($"/organiser/workshops/{Rauma}?handler={handler}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A minimal RFC 4180 reader with ; as separator: enough to check what Excel will see.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ';') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i++; }
            else { cell.Append(c); }
        }

        return rows;
    }

    [Fact]
    public async Task CsvIsUtf8WithBomSemicolonsAndCrlfAndKeepsNordicLetters()
    {
        var bytes = await DownloadAsync("Csv");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]);
        Assert.StartsWith("Nimi;Sähköposti;Organisaatio;Ryhmä;Tarpeet;Tila;Viestien kieli;Ilmoittautui;Saapui;Paikkatarjous voimassa;Ylipaikka;Ilmoittaja;Osallistumistapa\r\n", text);
        Assert.EndsWith("\r\n", text);
        var rows = ParseCsv(text);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(13, r.Count));
        var asa = rows.Single(r => r[1] == "asa@example.fi");
        Assert.Equal("Åsa Öberg-Ämmälä", asa[0]);
        Assert.Equal("Föreningen \"Ström\"; Åbo", asa[2]);
        Assert.Equal("Kunta tai muu julkinen toimija", asa[3]);
        Assert.Equal("Gluteeniton\nPyörätuoli", asa[4]);
        Assert.Equal("Vahvistettu", asa[5]);
        Assert.Equal("27.11.2026 12.00", asa[7]);
        // The ä/ö/å bytes themselves, as UTF-8.
        Assert.True(bytes.AsSpan().IndexOf("Åsa Öberg-Ämmälä"u8) > 0);
    }

    [Fact]
    public async Task CsvCellsThatCouldRunAsFormulasGetAnApostrophe()
    {
        var rows = ParseCsv(Encoding.UTF8.GetString((await DownloadAsync("Csv"))[3..]));

        var evil1 = rows.Single(r => r[1] == "evil1@example.fi");
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"klikkaa\")", evil1[0]);
        Assert.Equal("'+358 40 123 4567", evil1[2]);
        var evil2 = rows.Single(r => r[1] == "evil2@example.fi");
        Assert.Equal("'-2+3", evil2[0]);
        Assert.Equal("'@SUM(A1:A9)", evil2[2]);
        var tab = rows.Single(r => r[1] == "tab@example.fi");
        Assert.Equal("'\t=1+1", tab[2]);
        Assert.Equal("'\r=2+2", tab[4]);
        // Nothing else is touched.
        Assert.All(rows.SelectMany(r => r).Where(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r'), c => Assert.Fail($"unescaped: {c}"));
        Assert.Equal("Åsa Öberg-Ämmälä", rows.Single(r => r[1] == "asa@example.fi")[0]);
    }

    [Fact]
    public async Task CsvFollowsTheListFilterAndEachDownloadIsAudited()
    {
        var rows = ParseCsv(Encoding.UTF8.GetString((await DownloadAsync("Csv", "&q=asa")).AsSpan(3)));

        Assert.Equal(2, rows.Count);
        Assert.Equal("Åsa Öberg-Ämmälä", rows[1][0]);
        await DownloadAsync("Xlsx");
        var entries = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Exported).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(Organisers.Email, e.Actor));
        Assert.Equal(AuditDetail.Of(AuditDetailKind.AttendeesExported, "csv", 1, "status=active, sort=name, search").ToJson(), entries[0].Detail);
        Assert.Equal(AuditDetail.Of(AuditDetailKind.AttendeesExported, "xlsx", 4, "status=active, sort=name").ToJson(), entries[1].Detail);
        Assert.DoesNotContain("asa", entries[0].Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task XlsxHoldsTheNamesAsTextAndNeverAsFormulas()
    {
        var bytes = await DownloadAsync("Xlsx");

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheetEntry = zip.GetEntry("xl/worksheets/sheet1.xml");
        Assert.NotNull(sheetEntry);
        using var reader = new StreamReader(sheetEntry.Open(), Encoding.UTF8);
        var sheet = await reader.ReadToEndAsync();
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } s ? await new StreamReader(s.Open()).ReadToEndAsync() : "";
        var all = sheet + shared;
        Assert.Contains("Åsa Öberg-Ämmälä", all);
        Assert.Contains("Föreningen &quot;Ström&quot;; Åbo", all.Replace("\"Ström\"", "&quot;Ström&quot;"));
        Assert.Contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;klikkaa&quot;)", all.Replace("\"", "&quot;"));
        Assert.Contains("Sähköposti", all);
        Assert.DoesNotContain("<f>", sheet);
        Assert.DoesNotContain("<f ", sheet);
    }

    [Fact]
    public async Task XlsxTimesAreRealDateCellsInHelsinkiTime()
    {
        var bytes = await DownloadAsync("Xlsx");

        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        // The registrations were made at 27.11.2026 10.00 UTC: 12.00 in Helsinki (EET, UTC+2).
        Assert.All(rows, r => Assert.Equal(new DateTime(2026, 11, 27, 12, 0, 0), Assert.IsType<DateTime>(r["Ilmoittautui"])));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var styles = await new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("formatCode=\"d.m.yyyy h:mm\"", styles);
    }

    [Fact]
    public async Task ExportsNeedSignIn()
    {
        var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var handler in new[] { "Csv", "Xlsx" })
        {
            var response = await anonymous.GetAsync($"/organiser/workshops/{Rauma}?handler={handler}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/organiser/sign-in", response.Headers.Location!.OriginalString);
        }

        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Exported)));
    }
}

/// <summary>The same export tests on PostgreSQL.</summary>
public sealed class ExportTestsOnPostgreSQL() : ExportTests(DatabaseProvider.PostgreSQL);
