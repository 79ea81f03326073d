using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Workshops.Web.Infrastructure;

/// <summary>Settings under <c>Metrics__…</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>The shortest token accepted: 32 characters (e.g. <c>openssl rand -hex 32</c> gives 64).</summary>
    public const int MinimumTokenLength = 32;

    /// <summary>
    /// The credential a scraper (Prometheus) sends as <c>Authorization: Bearer …</c> to read <see cref="Metrics.Path"/>.
    /// Empty (the default): the endpoint is for signed-in organisers only.
    /// </summary>
    public string BearerToken { get; set; } = "";
}

/// <summary>Refuses a <c>Metrics__BearerToken</c> short enough to guess.</summary>
internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
        options.BearerToken.Length is 0 or >= MetricsOptions.MinimumTokenLength && options.BearerToken.Trim() == options.BearerToken
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Metrics__BearerToken must be at least {MetricsOptions.MinimumTokenLength} characters without spaces at either end (e.g. the output of: openssl rand -hex 32), or empty.");
}

/// <summary>
/// The scraper's sign-in: a request to the metrics endpoint carrying <c>Authorization: Bearer</c> with the configured
/// token. Compared in constant time over SHA-256 of both (so neither the content nor the length leaks through timing).
/// No token configured, or no bearer header: no result, and the organiser cookie decides. A wrong token answers 401
/// with <c>WWW-Authenticate: Bearer</c> instead of the sign-in page, which a scraper cannot use.
/// </summary>
internal sealed class MetricsTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    IOptions<MetricsOptions> metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggers, encoder)
{
    public const string SchemeName = "MetricsToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = metrics.Value.BearerToken;
        if (expected.Length == 0 || PresentedToken() is not { } presented)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
        {
            return Task.FromResult(AuthenticateResult.Fail("The metrics bearer token does not match."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "metrics-scraper")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (metrics.Value.BearerToken.Length == 0 || PresentedToken() is null)
        {
            return Task.CompletedTask; // the organiser cookie's challenge (to the sign-in page) stands
        }

        Response.Headers.Location = default;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private string? PresentedToken()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
