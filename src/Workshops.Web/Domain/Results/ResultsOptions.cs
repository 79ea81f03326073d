using Microsoft.Extensions.Options;

namespace Workshops.Web.Domain.Results;

/// <summary>Settings under <c>Results__…</c> (docs/configuration.md).</summary>
public sealed class ResultsOptions
{
    public const string Section = "Results";

    /// <summary>
    /// Results sent to outside recipients per organiser in any hour (rolling: the last 60 minutes, UTC). A stolen session
    /// mails at most this many people an hour, and only people already on a workshop's list.
    /// </summary>
    public int OutsideSendsPerHour { get; set; } = 5;
}

internal sealed class ResultsOptionsValidator : IValidateOptions<ResultsOptions>
{
    public ValidateOptionsResult Validate(string? name, ResultsOptions options) =>
        options.OutsideSendsPerHour is < 1 or > 100
            ? ValidateOptionsResult.Fail($"Results__OutsideSendsPerHour must be between 1 and 100 (got {options.OutsideSendsPerHour}).")
            : ValidateOptionsResult.Success;
}
