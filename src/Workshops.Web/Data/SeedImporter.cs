using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Web.Domain;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Data;

/// <summary>
/// Imports the seed file at start-up, by slug: a workshop already in the database is left alone,
/// because organisers edit events through the site and the seed is only the first state.
/// </summary>
public sealed class SeedImporter(WorkshopsDbContext db, WriteTransaction writes, IOptions<SeedOptions> options, TimeProvider time, ILogger<SeedImporter> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public async Task<int> ImportAsync(CancellationToken ct = default)
    {
        var workshops = Read(ResolvePath(options.Value.File), options.Value.Year, time.GetUtcNow().UtcDateTime);
        var (added, known) = await writes.RunAsync(async c =>
        {
            var known = await db.Workshops.Select(w => w.Slug).ToListAsync(c);
            var fresh = workshops.Where(w => !known.Contains(w.Slug)).ToList();
            db.Workshops.AddRange(fresh);
            return (fresh.Count, known.Count);
        }, ct);
        logger.LogInformation("Seed import: {Added} workshops added, {Known} already present", added, known);
        return added;
    }

    public static string ResolvePath(string file)
    {
        if (Path.IsPathRooted(file))
        {
            return file;
        }

        var fromWorkingFolder = Path.GetFullPath(file);
        return File.Exists(fromWorkingFolder) ? fromWorkingFolder : Path.Combine(AppContext.BaseDirectory, file);
    }

    /// <summary>Reads and checks the seed; any problem names the setting to fix. <paramref name="nowUtc"/> is the creation time given to each workshop.</summary>
    /// <exception cref="ConfigurationException">A missing or invalid file, or a year that does not fit the programme.</exception>
    public static IReadOnlyList<Workshop> Read(string path, int year, DateTime nowUtc)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"Seed__File: no seed file at '{path}'.");
        }

        SeedFile? seed;
        try
        {
            seed = JsonSerializer.Deserialize<SeedFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"Seed__File: '{path}' is not a valid workshop seed ({ex.Message}).");
        }

        if (seed?.Workshops is not { Count: > 0 })
        {
            throw new ConfigurationException($"Seed__File: '{path}' holds no workshops.");
        }

        if (year is < 2000 or > 2100)
        {
            throw new ConfigurationException($"Seed__Year must be between 2000 and 2100 (got {year}).");
        }

        return seed.Workshops.Select(w => ToWorkshop(w, year, nowUtc)).ToList();
    }

    private static Workshop ToWorkshop(SeedWorkshop s, int year, DateTime nowUtc)
    {
        if (!DateOnly.TryParseExact($"{year}-{s.Date}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ConfigurationException($"Seed__Year: {s.Slug}'s date '{s.Date}' does not exist in {year}.");
        }

        if (s.Weekday is { } weekday && date.DayOfWeek != weekday)
        {
            throw new ConfigurationException(
                $"Seed__Year: in {year} {s.Slug} ({date:d.M.}) falls on a {date.DayOfWeek}, but the programme says {weekday}; choose a year where the weekdays match (e.g. 2028).");
        }

        var details = new WorkshopDetails(s.Slug, s.Title, s.Description, date, s.StartTime, s.EndTime, s.Format, s.Audience,
            Blank(s.Place?.Fi), OnlineJoinUrl: null, s.Capacity, RegistrationDeadline: null, s.RegistrationRequired,
            Blank(s.Place?.Sv), Blank(s.Place?.En),
            Proposals: s.Proposals is { } p ? new ProposalSettings(p.Enabled, p.ShowApproved, p.Themes ?? new LocalizedText()) : null,
            Funder: s.ActivityKind is { } kind ? Domain.Funder.FunderReporting.Of(kind, retentionDays: null) : null);
        try
        {
            return Workshop.Create(s.Id ?? Guid.NewGuid(), details, nowUtc);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException($"Seed__File: {s.Slug}: {ex.Message}");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record SeedFile(List<SeedWorkshop> Workshops);

    private sealed record SeedWorkshop(
        Guid? Id,
        string Slug,
        string Date,
        DayOfWeek? Weekday,
        TimeOnly? StartTime,
        TimeOnly? EndTime,
        WorkshopFormat Format,
        LocalizedText? Place,
        Audience Audience,
        int? Capacity,
        bool RegistrationRequired,
        LocalizedText Title,
        LocalizedText Description,
        SeedProposals? Proposals = null,
        Domain.Funder.ActivityKind? ActivityKind = null);

    /// <summary>The ideas wall's first state (<see cref="ProposalSettings"/>); themes one per line.</summary>
    private sealed record SeedProposals(bool Enabled, bool ShowApproved, LocalizedText? Themes);
}
