using System.Net;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Pages.Organiser;

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
        await RegistrationSteps.ThroughFormAsync(app, "Aino Ääkkönen", "aino@example.fi");
        var download = await organiser.GetAsync($"/organiser/workshops/{RegistrationSteps.Rauma}?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        var page = await Html.GetAsync(organiser, $"/organiser/audit?culture={language}");

        var row = page.QuerySelector("table.audit tbody tr[data-action=Exported]")!;
        Assert.Equal(expected, row.QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.DoesNotContain("Ääkkönen", page.Text("table.audit"));
    }

    [Theory]
    [InlineData("fi", "kysymys {0}, Yksi vaihtoehto")]
    [InlineData("sv", "fråga {0}, Ett alternativ")]
    [InlineData("en", "question {0}, One choice")]
    public async Task AQuestionsKindIsWordedAsTheQuestionPagesWordIt(string language, string expected)
    {
        using var app = new WorkshopsFactory();
        var organiser = await Organisers.SignedInAsync(app);
        var question = await QuestionSteps.AddAsync(app, organiser, new()
        {
            ["Input.Kind"] = "OneChoice",
            ["Input.TextFi"] = "Mihin aikaan pääset paikalle?",
            ["Input.Options[0].Fi"] = "Aamupäivä",
            ["Input.Options[1].Fi"] = "Iltapäivä",
        });

        var page = await Html.GetAsync(organiser, $"/organiser/audit?culture={language}");

        var row = page.QuerySelector("table.audit tbody tr[data-action=QuestionAdded]")!;
        Assert.Equal(string.Format(expected, question.Id), row.QuerySelectorAll("td").Last().TextContent.Trim());
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
