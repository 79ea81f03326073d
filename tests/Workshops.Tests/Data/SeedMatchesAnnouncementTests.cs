using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;

namespace Workshops.Tests.Data;

/// <summary>
/// seeds/workshops.json against the announcement's table of facts (seeds/facts.md, read at test time):
/// for each of the five workshops the date, the weekday where one is written, the format, the place and the audience
/// match, and nothing the announcement does not give (a start time, an end time, a seat limit) is there.
/// </summary>
public sealed partial class SeedMatchesAnnouncementTests
{
    /// <summary>One row of the table: "| 1 | Wed 31.5. | Rauma, in person (Satakunta) | local actors … | loneliness … |".</summary>
    private sealed record Row(int Number, string When, string Where, string Audience);

    [GeneratedRegex(@"^\|\s*(\d)\s*\|([^|]*)\|([^|]*)\|([^|]*)\|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"(\d{1,2})\.(\d{1,2})\.")]
    private static partial Regex DayMonth();

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(() => TableRow().Matches(File.ReadAllText(SeedFiles.FactsTable))
        .Select(m => new Row(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value.Trim(), m.Groups[3].Value.Trim(), m.Groups[4].Value.Trim()))
        .ToList());

    private static readonly Lazy<IReadOnlyList<JsonElement>> Seed = new(() =>
        JsonDocument.Parse(File.ReadAllText(SeedFiles.WorkshopsJson)).RootElement.GetProperty("workshops").EnumerateArray().ToList());

    public static TheoryData<int> Workshops => [1, 2, 3, 4, 5];

    private static (Row Row, JsonElement Seed) Pair(int number)
    {
        Assert.Equal(5, Rows.Value.Count);
        Assert.Equal(5, Seed.Value.Count);
        // The seed lists the workshops in the table's order (both follow the announcement).
        return (Rows.Value.Single(r => r.Number == number), Seed.Value[number - 1]);
    }

    [Theory]
    [MemberData(nameof(Workshops))]
    public void DateAndWrittenWeekdayMatchTheTable(int number)
    {
        var (row, seed) = Pair(number);
        var dayMonth = DayMonth().Match(row.When);
        Assert.True(dayMonth.Success, $"no d.M. date in row {number}: {row.When}");
        var expected = $"{int.Parse(dayMonth.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(dayMonth.Groups[1].Value, CultureInfo.InvariantCulture):00}";
        Assert.Equal(expected, seed.GetProperty("date").GetString());

        // "Wed 31.5." gives a weekday; "25.10. (no weekday written; a Wednesday)" names the one the date falls on.
        var weekday = Enum.GetValues<DayOfWeek>().SingleOrDefault(d =>
            row.When.StartsWith(d.ToString()[..3] + " ", StringComparison.Ordinal) || row.When.Contains("a " + d, StringComparison.Ordinal));
        Assert.Equal(weekday.ToString(), seed.GetProperty("weekday").GetString());

        // And the importer puts it on that weekday in the configured year.
        var imported = SeedImporter.Read(SeedFiles.WorkshopsJson, 2028, DateTime.UnixEpoch)[number - 1];
        Assert.Equal(weekday, imported.Date.DayOfWeek);
    }

    [Theory]
    [MemberData(nameof(Workshops))]
    public void FormatMatchesTheTable(int number)
    {
        var (row, seed) = Pair(number);
        var where = row.Where.ToLowerInvariant();
        var expected = where.Contains("walk-in") ? WorkshopFormat.WalkIn
            : where.Contains("online") || where.Contains("webinar") ? WorkshopFormat.Online
            : where.Contains("in person") ? WorkshopFormat.InPerson
            : WorkshopFormat.ToBeAnnounced; // the table gives no format: the site must not invent one
        Assert.Equal(expected.ToString(), seed.GetProperty("format").GetString());
    }

    [Theory]
    [MemberData(nameof(Workshops))]
    public void PlaceMatchesTheTableInEveryLanguage(int number)
    {
        var (row, seed) = Pair(number);
        var place = seed.GetProperty("place");
        if (row.Where.Contains("online", StringComparison.OrdinalIgnoreCase) || row.Where.Contains("place not given", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Equal(JsonValueKind.Null, place.ValueKind);
            return;
        }

        // "Rauma, in person (Satakunta)" names Rauma; "Finland's Community Hub at the Social Enterprise World Forum" names both.
        var named = Regex.Replace(row.Where.Split(", ")[0], @"\s*\([^)]*\)", "")
            .Split(" at the ")
            .Select(n => n.Replace("Finland's ", "", StringComparison.Ordinal).Trim());
        Assert.Equal(JsonValueKind.Object, place.ValueKind);
        var fi = place.GetProperty("fi").GetString()!;
        Assert.All(named, n => Assert.Contains(n, fi));
        Assert.All(["sv", "en"], language => Assert.False(string.IsNullOrWhiteSpace(place.GetProperty(language).GetString()), $"place.{language} of workshop {number}"));
    }

    [Theory]
    [MemberData(nameof(Workshops))]
    public void AudienceMatchesTheTable(int number)
    {
        var (row, seed) = Pair(number);
        var audience = row.Audience.ToLowerInvariant();
        var expected = audience.Contains("not stated") ? Audience.NotStated
            : audience.Contains("municipal") ? Audience.MunicipalActors
            : audience.Contains("citizens") ? Audience.Citizens
            : audience.Contains("higher-education") ? Audience.HigherEducationAndCompanies
            : audience.Contains("social enterprises") ? Audience.SocialEnterprises
            : throw new InvalidOperationException($"Unknown audience in row {number}: {row.Audience}");
        Assert.Equal(expected.ToString(), seed.GetProperty("audience").GetString());
    }

    [Theory]
    [MemberData(nameof(Workshops))]
    public void NoWorkshopHasATimeOrASeatLimitTheAnnouncementDoesNotGive(int number)
    {
        var (_, seed) = Pair(number);
        Assert.All(["startTime", "endTime", "capacity"], field =>
            Assert.True(!seed.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null, $"{field} of workshop {number}"));
    }

    [Fact]
    public void TheTableIsTheRepositorysOwnAndCitesTheArticleByItsTitle()
    {
        var root = SeedFiles.RepositoryRoot();
        Assert.StartsWith(root, Path.GetFullPath(SeedFiles.FactsTable), StringComparison.Ordinal);
        var table = File.ReadAllText(SeedFiles.FactsTable);
        Assert.Contains("Kehittämistyöpajat perehdyttävät sosiaalisiin innovaatioihin", table);
        Assert.Contains("Silta-Valmennusyhdistys", table);
    }
}
