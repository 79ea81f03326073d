using System.Net;
using Workshops.Tests.Support;
using Workshops.Web.Domain;

namespace Workshops.Tests.Organiser;

/// <summary>The audit log's details are worded in the organiser's language; rows written before that stay as written.</summary>
public sealed class AuditLogTests
{
    [Theory]
    [InlineData("fi", "osallistujalista csv, 1 riviä, status=active, sort=name")]
    [InlineData("sv", "deltagarlista csv, 1 rader, status=active, sort=name")]
    [InlineData("en", "attendee list csv, 1 rows, status=active, sort=name")]
    public async Task AnExportsDetailIsShownInTheOrganisersLanguage(string language, string expected)
    {
        using var app = new WorkshopsFactory();
        var organiser = await Organisers.SignedInAsync(app);
        await Registrations.ThroughFormAsync(app, "Aino Ääkkönen", "aino@example.fi");
        var download = await organiser.GetAsync($"/organiser/workshops/{Registrations.Rauma}?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        var page = await Html.GetAsync(organiser, $"/organiser/audit?culture={language}");

        var row = page.QuerySelector("table.audit tbody tr[data-action=Exported]")!;
        Assert.Equal(expected, row.QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.DoesNotContain("Ääkkönen", page.Text("table.audit"));
    }

    [Fact]
    public async Task AnOlderFreeTextDetailIsShownAsWritten()
    {
        using var app = new WorkshopsFactory();
        var organiser = await Organisers.SignedInAsync(app);
        await app.WithDbAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry { AtUtc = DateTime.UtcNow, Actor = Organisers.Email, Action = AuditAction.Exported, Detail = "report csv, all workshops" });
            return db.SaveChangesAsync();
        });

        var page = await Html.GetAsync(organiser, "/organiser/audit?culture=sv");

        var row = page.QuerySelector("table.audit tbody tr[data-action=Exported]")!;
        Assert.Equal("report csv, all workshops", row.QuerySelectorAll("td").Last().TextContent.Trim());
    }
}
