namespace Workshops.Web.Domain;

/// <summary>All local times are Europe/Helsinki, whatever the server's own zone.</summary>
public static class HelsinkiTime
{
    public const string ZoneId = "Europe/Helsinki";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTime Now(TimeProvider time) =>
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime;

    /// <summary>The Helsinki wall-clock time (Kind Unspecified) of a UTC moment; a value read back from the database counts as UTC.</summary>
    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// The UTC moment of a Helsinki wall-clock time. A time skipped by the spring change (03.00–03.59 on the last
    /// Sunday of March) is read as the hour after it; an ambiguous autumn time as its first (summer-time) occurrence.
    /// </summary>
    public static DateTime ToUtc(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(wall) ? Zone.GetAmbiguousTimeOffsets(wall).Max() : Zone.GetUtcOffset(wall);
        return DateTime.SpecifyKind(wall - offset, DateTimeKind.Utc);
    }
}
