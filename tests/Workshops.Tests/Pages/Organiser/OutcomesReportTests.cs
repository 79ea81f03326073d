using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>
/// The cross-workshop comparison (/organiser/outcomes) for known answers: means, counts and response rates per workshop
/// and per format computed here from the inputs, the same numbers in the CSV, written answers exactly as typed in the
/// page, the CSV and the .xlsx, and what erasure and the retention purge leave of an answer.
/// </summary>
public sealed class OutcomesReportTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Webinar = "korkeakoulut-ja-yritykset-webinaari";
    private const string Hub = "community-hub-sewf";
    private const string WalkIn = "suomiareena-penkkikahvila";
    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");

    /// <summary>(slug, overall, method, come again) for each answer; participants answer first in each workshop.</summary>
    private static readonly (string Slug, int Overall, int Method, ComeAgain? Again, bool WalkIn)[] Answers =
    [
        (Rauma, 4, 5, ComeAgain.Yes, false), (Rauma, 2, 3, ComeAgain.No, false), (Rauma, 5, 4, null, false),
        (Webinar, 3, 3, ComeAgain.Maybe, false), (Webinar, 1, 2, ComeAgain.Yes, false),
        (Hub, 5, 5, ComeAgain.Yes, false),
        (WalkIn, 5, 5, ComeAgain.Yes, true), (WalkIn, 4, 3, ComeAgain.Maybe, true), (WalkIn, 3, 4, null, true),
    ];

    /// <summary>Confirmed registrations per workshop (the hub is made an online event, so "online" holds two workshops).</summary>
    private static readonly Dictionary<string, int> Confirmed = new() { [Rauma] = 4, [Webinar] = 2, [Hub] = 3 };

    private async Task ArrangeAsync()
    {
        await App.UpdateWorkshopAsync(Hub, w => w.Format = WorkshopFormat.Online);
        await App.UpdateWorkshopAsync(WalkIn, w => w.HeadCount = 40);
        foreach (var (slug, count) in Confirmed)
        {
            for (var i = 0; i < count; i++)
            {
                await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request($"P{i}", $"{slug}-{i}@example.fi"), slug);
            }
        }

        // Participants answer once their workshop has ended and they have been asked; walk-in visitors from the walk-in
        // event's own day. The workshops are visited in date order, so every answer is in before the retention purge
        // erases its people (their ratings stay: Rauma's are purged by the hub's day).
        foreach (var slug in new[] { Rauma, WalkIn, Webinar, Hub })
        {
            await MoveToAsync(slug, days: slug == WalkIn ? 0 : 1);
            var workshop = await App.WorkshopAsync(slug);
            await using var scope = App.Services.CreateAsyncScope();
            var feedback = scope.ServiceProvider.GetRequiredService<FeedbackService>();
            var keys = scope.ServiceProvider.GetRequiredService<WalkInFormKeys>();
            if (Confirmed.ContainsKey(slug))
            {
                Assert.False((await feedback.SendNowAsync(workshop.Id, Organisers.Email)).TooEarly);
            }

            var people = await App.WithDbAsync(db => db.Registrations.Where(r => r.WorkshopId == workshop.Id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
            foreach (var (a, i) in Answers.Where(a => a.Slug == slug).Select((a, i) => (a, i)))
            {
                var response = new FeedbackResponse(a.Overall, a.Method, null, null, a.Again);
                var outcome = a.WalkIn
                    ? await feedback.SaveWalkInAsync(workshop.Id, keys.Issue(workshop.Id), response, "fi")
                    : await feedback.SaveParticipantAsync(people[i], response, "fi");
                Assert.Equal(FeedbackSaveOutcome.Saved, outcome);
            }
        }
    }

    /// <summary>Moves the clock to noon on the workshop's day and signs the organiser in again (the session has a lifetime).</summary>
    private async Task MoveToAsync(string slug, int days = 0)
    {
        var workshop = await App.WorkshopAsync(slug);
        App.Time.SetUtcNow(FeedbackSteps.Helsinki(workshop.Date.AddDays(days).ToDateTime(new TimeOnly(12, 0))));
        await Organisers.SubmitSignInAsync(Organiser, Organisers.Email, Organisers.Password);
    }

    private static string Mean(IEnumerable<int> values) => values.Average().ToString("0.00", Finnish);

    /// <summary>A source's cell: "overall / method (count)", dashes without answers.</summary>
    private static string Means(IReadOnlyCollection<(string Slug, int Overall, int Method, ComeAgain? Again, bool WalkIn)> answers) =>
        answers.Count == 0 ? "– / – (0)" : $"{Mean(answers.Select(a => a.Overall))} / {Mean(answers.Select(a => a.Method))} ({answers.Count})";

    /// <summary>A source's mean in the CSV: two decimals with a comma, empty without answers.</summary>
    private static string CsvMean(IReadOnlyCollection<int> values) =>
        values.Count == 0 ? "" : Math.Round(values.Average(), 2).ToString("0.00", Finnish);

    [Fact]
    public async Task TheComparisonShowsTheRightMeansCountsAndRatesPerWorkshopAndPerFormatAndTheCsvHasTheSameNumbers()
    {
        await ArrangeAsync();
        var formats = new Dictionary<string, string> { [Rauma] = "InPerson", [Webinar] = "Online", [Hub] = "Online", [WalkIn] = "WalkIn" };

        var page = await Html.GetAsync(Organiser, "/organiser/outcomes");
        var csv = await CsvRowsAsync(await Organiser.GetByteArrayAsync("/organiser/outcomes?handler=Csv"));

        var header = csv[0];
        string CsvCell(string kind, string label, string column) =>
            csv.Single(r => r[0] == kind && r[1] == label)[Array.IndexOf(header, column)];
        foreach (var (key, table, kind) in Answers.Select(a => a.Slug).Distinct().Select(s => (s, "outcomes-workshops", "Työpaja"))
            .Concat(formats.Values.Distinct().Select(f => (f, "outcomes-formats", "Toteutustapa"))))
        {
            var mine = Answers.Where(a => a.Slug == key || formats[a.Slug] == key).ToList();
            var participants = mine.Count(a => !a.WalkIn);
            var asked = Confirmed.Where(c => c.Key == key || formats[c.Key] == key).Sum(c => c.Value);
            string Cell(string column) => page.Text($"table.{table} tr[data-key='{key}'] td[data-col='{column}']");
            Assert.Equal($"{Mean(mine.Select(a => a.Overall))} ({mine.Count})", Cell("overall"));
            Assert.Equal($"{Mean(mine.Select(a => a.Method))} ({mine.Count})", Cell("method"));
            Assert.Equal($"{mine.Count(a => a.Again == ComeAgain.Yes)} / {mine.Count(a => a.Again == ComeAgain.No)} / {mine.Count(a => a.Again == ComeAgain.Maybe)}", Cell("come-again"));
            Assert.Equal(asked == 0 ? "–" : $"{Math.Round(100.0 * participants / asked):0} %", Cell("response-rate"));
            Assert.Equal(mine.Count(a => a.WalkIn).ToString(CultureInfo.InvariantCulture), Cell("walk-in-answers"));
            var (fromParticipants, fromWalkIns) = (mine.Where(a => !a.WalkIn).ToList(), mine.Where(a => a.WalkIn).ToList());
            Assert.Equal(Means(fromParticipants), Cell("participant-means"));
            Assert.Equal(Means(fromWalkIns), Cell("walk-in-means"));

            var label = page.Text($"table.{table} tr[data-key='{key}'] th");
            if (kind == "Työpaja")
            {
                label = (await App.WorkshopAsync(key)).Title.Fi;
            }

            Assert.Equal(Math.Round(mine.Average(a => a.Overall), 2).ToString("0.00", Finnish), CsvCell(kind, label, "Kokonaisarvio, keskiarvo"));
            Assert.Equal(Math.Round(mine.Average(a => a.Method), 2).ToString("0.00", Finnish), CsvCell(kind, label, "Työskentelytapa, keskiarvo"));
            Assert.Equal(mine.Count.ToString(CultureInfo.InvariantCulture), CsvCell(kind, label, "Kokonaisarvio, vastauksia"));
            Assert.Equal(participants.ToString(CultureInfo.InvariantCulture), CsvCell(kind, label, "Vastauksia osallistujilta"));
            Assert.Equal(asked == 0 ? "" : asked.ToString(CultureInfo.InvariantCulture), CsvCell(kind, label, "Palautetta pyydetty")); // nobody asked: no count
            Assert.Equal(asked == 0 ? "–" : asked.ToString(CultureInfo.InvariantCulture), Cell("asked"));
            Assert.Equal(CsvMean(fromParticipants.Select(a => a.Overall).ToList()), CsvCell(kind, label, "Kokonaisarvio, osallistujat"));
            Assert.Equal(CsvMean(fromWalkIns.Select(a => a.Overall).ToList()), CsvCell(kind, label, "Kokonaisarvio, ohikulkijat"));
            Assert.Equal(CsvMean(fromParticipants.Select(a => a.Method).ToList()), CsvCell(kind, label, "Työskentelytapa, osallistujat"));
            for (var rating = 1; rating <= 5; rating++)
            {
                Assert.Equal(mine.Count(a => a.Overall == rating).ToString(CultureInfo.InvariantCulture), CsvCell(kind, label, $"Kokonaisarvio {rating}"));
            }
        }

        Assert.Equal("40", page.Text($"table.outcomes-formats tr[data-key='WalkIn'] td[data-col='head-count']"));
        Assert.Equal(Answers.Length, csv.Count(r => r[0] == "Vastaus"));
        // Answers per workshop, and the ratings of each format that has answers.
        Assert.Equal(1 + formats.Values.Distinct().Count(), page.QuerySelectorAll("figure.chart").Length);
    }

    [Fact]
    public async Task WalkInAnswersAreShownApartFromParticipantsSoThatAStuffedScoreIsVisible()
    {
        // Two participants of the bench café answer through their personal links; five walk-in answers of 1 arrive
        // where only two visitors were counted at the door.
        await App.UpdateWorkshopAsync(WalkIn, w => w.HeadCount = 2);
        for (var i = 0; i < 2; i++)
        {
            await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request($"P{i}", $"penkki-{i}@example.fi"), WalkIn);
        }

        // Walk-in visitors answer on the event's day; the participants once it is over and they have been asked.
        await MoveToAsync(WalkIn);
        var workshop = await App.WorkshopAsync(WalkIn);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var feedback = scope.ServiceProvider.GetRequiredService<FeedbackService>();
            var keys = scope.ServiceProvider.GetRequiredService<WalkInFormKeys>();
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(FeedbackSaveOutcome.Saved, await feedback.SaveWalkInAsync(workshop.Id, keys.Issue(workshop.Id), new FeedbackResponse(1, 1, null, null, null), "fi"));
            }
        }

        await MoveToAsync(WalkIn, days: 1);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var feedback = scope.ServiceProvider.GetRequiredService<FeedbackService>();
            Assert.False((await feedback.SendNowAsync(workshop.Id, Organisers.Email)).TooEarly);
            foreach (var person in await App.WithDbAsync(db => db.Registrations.Where(r => r.WorkshopId == workshop.Id).Select(r => r.Id).ToListAsync()))
            {
                Assert.Equal(FeedbackSaveOutcome.Saved, await feedback.SaveParticipantAsync(person, new FeedbackResponse(5, 5, null, null, null), "fi"));
            }
        }

        var page = await Html.GetAsync(Organiser, "/organiser/outcomes");
        string Cell(string column) => page.Text($"table.outcomes-formats tr[data-key='WalkIn'] td[data-col='{column}']");
        Assert.Equal("2,14 (7)", Cell("overall"));
        Assert.Equal("5,00 / 5,00 (2)", Cell("participant-means"));
        Assert.StartsWith("1,00 / 1,00 (5)", Cell("walk-in-means"));
        Assert.Contains("enemmän vastauksia kuin kävijöitä (2)", Cell("walk-in-means"));
    }

    [Fact]
    public async Task HostileWrittenAnswersRoundTripExactlyToThePageTheCsvAndTheXlsx()
    {
        await MoveToAsync(WalkIn);
        // Every hostile atom the form accepts (it refuses control characters); line breaks apart, since HTML and XML
        // parsers fold CR LF into LF when reading them back.
        var clean = HostileInput.Atoms.Where(a => a.Trim().Length > 0 && !a.Contains('\r') && !a.Contains('\n') && a.Length < 300
            && TextRules.IsClean(a, allowLineBreaks: true)).ToList();
        var worked = "Toimi: " + string.Join(" | ", clean.Take(clean.Count / 2)) + " .";
        var improve = "Paranna: " + string.Join(" | ", clean.Skip(clean.Count / 2)) + " .";
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, $"/workshops/{WalkIn}/feedback");
        var response = await Html.SubmitAsync(visitor, form, FeedbackSteps.Answer(3, 4, worked, improve));
        Assert.Contains("Kiitos palautteestasi!", (await Html.ParseAsync(response)).Text(".outcome"));
        var (expectedWorked, expectedImprove) = (TextRules.Nfc(worked), TextRules.Nfc(improve));

        var page = await Html.GetAsync(Organiser, "/organiser/outcomes");
        Assert.Equal(expectedWorked, page.QuerySelector($"ul.feedback-texts[data-slug='{WalkIn}'] [data-field='worked']")!.TextContent);
        Assert.Equal(expectedImprove, page.QuerySelector($"ul.feedback-texts[data-slug='{WalkIn}'] [data-field='improve']")!.TextContent);

        var csv = await CsvRowsAsync(await Organiser.GetByteArrayAsync("/organiser/outcomes?handler=Csv"));
        var answer = csv.Single(r => r[0] == "Vastaus");
        Assert.Equal([expectedWorked, expectedImprove], answer[^2..]);

        var texts = XlsxTexts(await Organiser.GetByteArrayAsync("/organiser/outcomes?handler=Xlsx"));
        Assert.Contains(expectedWorked, texts);
        Assert.Contains(expectedImprove, texts);
    }

    [Fact]
    public async Task ErasureAndTheRetentionPurgeKeepTheRatingsButRemoveTheTieToThePersonAndTheWrittenTexts()
    {
        await App.UpdateWorkshopAsync(Rauma, w => w.Capacity = 5);
        await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request("Aino Ääkkönen", "aino@example.fi"));
        var aino = await FeedbackSteps.PersonAsync(App, "aino@example.fi");
        var rauma = await App.WorkshopAsync(Rauma);
        var walkIn = await App.WorkshopAsync(WalkIn);
        await MoveToAsync(WalkIn);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var feedback = scope.ServiceProvider.GetRequiredService<FeedbackService>();
            await feedback.SendNowAsync(rauma.Id, Organisers.Email); // Rauma is over; the automatic round may have asked her already
            Assert.Equal(FeedbackSaveOutcome.Saved, await feedback.SaveParticipantAsync(aino.Id, new FeedbackResponse(4, 5, "Aino kiittää", "Ääkkönen toivoo", ComeAgain.Yes), "fi"));
            var key = scope.ServiceProvider.GetRequiredService<WalkInFormKeys>().Issue(walkIn.Id);
            Assert.Equal(FeedbackSaveOutcome.Saved, await feedback.SaveWalkInAsync(walkIn.Id, key, new FeedbackResponse(3, 2, "Olen Bertil", null, null), "fi"));
        }

        var list = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}");
        await Html.SubmitAsync(Organiser, list, new Dictionary<string, string?> { ["id"] = aino.Id.ToString(CultureInfo.InvariantCulture) }, $"#r-{aino.Id} form.erase-form");

        var erased = await App.WithDbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync(a => a.WorkshopId == rauma.Id));
        Assert.Equal((null, 4, 5, null, null, ComeAgain.Yes, FeedbackSource.Participant),
            (erased.RegistrationId, erased.OverallRating, erased.MethodRating, erased.WhatWorked, erased.WhatToImprove, erased.WouldComeAgain, erased.Source));
        var page = await Html.GetAsync(Organiser, "/organiser/outcomes");
        Assert.Equal("4,00 (1)", page.Text($"table.outcomes-workshops tr[data-key='{Rauma}'] td[data-col='overall']"));
        Assert.DoesNotContain("Ääkkönen", page.Text("main"));

        // The walk-in visitor's text goes when the retention time of its workshop has passed.
        await MoveToAsync(WalkIn, days: 200);
        await App.Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None);
        var visitor = await App.WithDbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync(a => a.WorkshopId == walkIn.Id));
        Assert.Equal((3, 2, null), (visitor.OverallRating, visitor.MethodRating, visitor.WhatWorked));
        Assert.NotNull(visitor.AnonymisedAtUtc);
    }

    private static async Task<List<string[]>> CsvRowsAsync(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var rows = new List<string[]>();
        while (await parser.ReadAsync())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }

    /// <summary>Every text cell of the workbook's first sheet (inline or shared strings), as the XML holds it.</summary>
    private static HashSet<string> XlsxTexts(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var texts = new HashSet<string>();
        foreach (var name in new[] { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml" })
        {
            if (zip.GetEntry(name) is { } entry)
            {
                using var stream = entry.Open();
                var xml = XDocument.Load(stream, LoadOptions.PreserveWhitespace);
                Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName == "f"); // text, never a formula
                texts.UnionWith(xml.Descendants().Where(e => e.Name.LocalName == "t").Select(e => e.Value));
            }
        }

        return texts;
    }
}
