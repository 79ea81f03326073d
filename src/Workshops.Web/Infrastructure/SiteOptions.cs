using Microsoft.Extensions.Options;
using Workshops.Web.Domain;

namespace Workshops.Web.Infrastructure;

/// <summary>Settings under <c>Site__…</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>Absolute base for links in emails and calendar files.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The person the article names for questions about the workshops.</summary>
    public string ContactName { get; set; } = "";

    /// <summary>Their title in each language (an empty language falls back to Finnish).</summary>
    public LocalizedText ContactTitle { get; set; } = new();
    public string ContactOrganisation { get; set; } = "";
    public string ContactEmail { get; set; } = "";

    public bool HasContact => !string.IsNullOrWhiteSpace(ContactName) || !string.IsNullOrWhiteSpace(ContactEmail);

    /// <summary>"Paula Alanen, research manager, Silta-Valmennusyhdistys": name, title in the language, organisation.</summary>
    public string Contact(string language) =>
        string.Join(", ", new[] { ContactName, ContactTitle.For(language), ContactOrganisation }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()));

    public Uri BaseUri => new(PublicBaseUrl.TrimEnd('/') + "/");

    /// <summary>
    /// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses (<c>10.0.0.2</c>) or networks
    /// (<c>10.0.0.0/24</c>). Empty: loopback only. A request from anywhere else keeps its connection address.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Applies <see cref="TrustedProxies"/> (already validated) to the forwarded-headers middleware.</summary>
    public void ApplyTrustedProxies(Microsoft.AspNetCore.Builder.ForwardedHeadersOptions forwarded)
    {
        if (TrustedProxies.Length == 0)
        {
            return; // the framework's default: 127.0.0.0/8 and ::1
        }

        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var entry in TrustedProxies)
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry.Trim()));
            }
            else
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(entry.Trim()));
            }
        }
    }
}

/// <summary>Settings under <c>Privacy__…</c>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Days after a workshop before its registrants' personal data is removed.</summary>
    public int RetentionDays { get; set; } = 90;
}

internal sealed class SiteOptionsValidator : IValidateOptions<SiteOptions>, IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return ValidateOptionsResult.Fail(
                $"Site__PublicBaseUrl must be an absolute http or https address without query, e.g. https://workshops.example.fi (got '{options.PublicBaseUrl}').");
        }

        if (options.TrustedProxies.FirstOrDefault(p => !System.Net.IPNetwork.TryParse(p.Trim(), out _) && !System.Net.IPAddress.TryParse(p.Trim(), out _)) is { } bad)
        {
            return ValidateOptionsResult.Fail($"Site__TrustedProxies takes addresses or networks, e.g. 10.0.0.2 or 10.0.0.0/24 (got '{bad}').");
        }

        return ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options) =>
        options.RetentionDays is >= 1 and <= 3650
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Privacy__RetentionDays must be between 1 and 3650 (got {options.RetentionDays}).");
}
