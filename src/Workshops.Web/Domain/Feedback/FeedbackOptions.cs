using Microsoft.Extensions.Options;

namespace Workshops.Web.Domain.Feedback;

/// <summary>Settings under <c>Feedback__…</c> (docs/configuration.md).</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>False turns the automatic feedback requests off; organisers can still send them by hand, and the forms work.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hours after a workshop ends (an untimed one: after its day ends, Helsinki time) before the request goes out.</summary>
    public double DelayHours { get; set; } = 2;

    /// <summary>How often the background scan looks for workshops whose request is due, in minutes.</summary>
    public double ScanIntervalMinutes { get; set; } = 15;

    /// <summary>
    /// Hours a walk-in feedback form stays valid after it was shown (its key, <see cref="WalkInFormKeys"/>): a form sent
    /// later stores nothing and is shown again with a fresh key and the answers kept.
    /// </summary>
    public double WalkInFormHours { get; set; } = 2;

    public TimeSpan Delay => TimeSpan.FromHours(DelayHours);

    public TimeSpan WalkInFormLifetime => TimeSpan.FromHours(WalkInFormHours);

    public TimeSpan ScanInterval => TimeSpan.FromMinutes(ScanIntervalMinutes);
}

internal sealed class FeedbackOptionsValidator : IValidateOptions<FeedbackOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedbackOptions options) =>
        options.DelayHours is < 0 or > 24 * 60 ? ValidateOptionsResult.Fail($"Feedback__DelayHours must be between 0 and 1440 (got {options.DelayHours}).")
        : options.ScanIntervalMinutes is < 1 or > 24 * 60 ? ValidateOptionsResult.Fail($"Feedback__ScanIntervalMinutes must be between 1 and 1440 (got {options.ScanIntervalMinutes}).")
        : options.WalkInFormHours is < 0.25 or > 24 ? ValidateOptionsResult.Fail($"Feedback__WalkInFormHours must be between 0.25 and 24 (got {options.WalkInFormHours}).")
        : ValidateOptionsResult.Success;
}
