using Workshops.Web.Domain.Privacy;

namespace Workshops.Web.Domain.Funder;

/// <summary>
/// A workshop's funder settings as stored with it (a complex type: columns <c>Funder_*</c> of the workshop's row), set in
/// the workshop editor and replaced as a whole (<see cref="Workshops.Workshop.ChangeSettings"/>):
/// what kind of activity it is and how long its people's data is kept. A record: equal values compare equal.
/// </summary>
public sealed record FunderReporting
{
    /// <summary>The longest retention an organiser may set, in days after the workshop day (about 30 years).</summary>
    public const int MaxRetentionDays = 11000;

    /// <summary>The organiser's choice; null follows the format (<see cref="DefaultKind"/>).</summary>
    public ActivityKind? Kind { get; set; }

    /// <summary>
    /// Full days after the workshop day that its people's personal data is kept before the purge (<see cref="RetentionPurge"/>);
    /// null keeps the site's <c>Privacy__RetentionDays</c>. Set by the organiser to the funder's audit rule: the rule
    /// comes from the funding decision and the funder's guidance, not from this site.
    /// </summary>
    public int? RetentionDays { get; set; }

    /// <summary>The default by format: a walk-in event is an open event (counted by head); everything else a participant activity.</summary>
    public static ActivityKind DefaultKind(WorkshopFormat format) =>
        format == WorkshopFormat.WalkIn ? ActivityKind.OpenEvent : ActivityKind.ParticipantActivity;

    /// <summary>The kind in force for a workshop of <paramref name="format"/>: the organiser's choice, else the default.</summary>
    public ActivityKind KindFor(WorkshopFormat format) => Kind ?? DefaultKind(format);

    /// <summary>The days in force: this workshop's own, else <paramref name="siteDays"/> (<c>Privacy__RetentionDays</c>).</summary>
    public int RetentionDaysOr(int siteDays) => RetentionDays ?? siteDays;

    /// <summary>
    /// A new value from the editor; null <paramref name="kind"/> or <paramref name="retentionDays"/> keeps the default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Retention outside 1–<see cref="MaxRetentionDays"/>, or an unknown kind.</exception>
    public static FunderReporting Of(ActivityKind? kind, int? retentionDays)
    {
        if (retentionDays is < 1 or > MaxRetentionDays)
        {
            throw new ArgumentOutOfRangeException(nameof(retentionDays), retentionDays, $"Retention must be 1–{MaxRetentionDays} days.");
        }

        if (kind is { } k && !Enum.IsDefined(k))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activity kind.");
        }

        return new FunderReporting { Kind = kind, RetentionDays = retentionDays };
    }
}
