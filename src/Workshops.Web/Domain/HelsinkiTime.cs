namespace Workshops.Web.Domain;

/// <summary>All local times are Europe/Helsinki, whatever the server's own zone.</summary>
public static class HelsinkiTime
{
    public const string ZoneId = "Europe/Helsinki";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTime Now(TimeProvider time) =>
        TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime;
}
