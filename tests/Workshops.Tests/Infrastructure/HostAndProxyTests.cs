using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Infrastructure;

/// <summary>The Host header cannot steer a redirect, and X-Forwarded-For counts only from a trusted proxy.</summary>
public sealed class HostAndProxyTests
{
    private static WorkshopsFactory WithManageLimit(int permits, string? trustedProxies = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Manage:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:Manage:WindowSeconds"] = "600",
        };
        if (trustedProxies is not null)
        {
            settings["Site:TrustedProxies:0"] = trustedProxies;
        }

        return new WorkshopsFactory(settings: settings, services: s => s.AddSingleton<IStartupFilter, ClientAddress>());
    }

    /// <summary>Manage-link guesses from <paramref name="connection"/>, each claiming a different client behind it.</summary>
    private static async Task<HttpStatusCode> GuessAsync(WorkshopsFactory app, string connection, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/manage/" + new string((char)('a' + n), 43));
        request.Headers.Add(ClientAddress.Header, connection);
        request.Headers.Add("X-Forwarded-For", $"198.51.100.{n + 1}");
        return (await app.Browser().SendAsync(request)).StatusCode;
    }

    [Theory]
    [InlineData("/organiser")]
    [InlineData("/organiser/workshops/rauma-yksinaisyys")]
    public async Task TheSignInRedirectNeverNamesTheHostTheClientSent(string path)
    {
        using var app = new WorkshopsFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri, $"Location {location} must be a path on this site");
        Assert.DoesNotContain("evil.example", location.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("/organiser/sign-in?ReturnUrl=", location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XForwardedForFromAnUntrustedAddressDoesNotGiveAFreshBudget()
    {
        using var app = WithManageLimit(2, trustedProxies: "10.0.0.2");

        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(app, "203.0.113.7", 0));
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(app, "203.0.113.7", 1));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GuessAsync(app, "203.0.113.7", 2));
        // Loopback is no longer trusted once the proxies are named.
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(app, "127.0.0.1", 3));
        Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(app, "127.0.0.1", 4));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GuessAsync(app, "127.0.0.1", 5));
    }

    [Fact]
    public async Task XForwardedForFromAConfiguredProxyNamesTheClient()
    {
        using var app = WithManageLimit(2, trustedProxies: "10.0.0.2");

        // Each request through the proxy is from a different client: each has its own budget.
        for (var n = 0; n < 4; n++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await GuessAsync(app, "10.0.0.2", n));
        }
    }

    [Theory]
    [InlineData("proxy.internal", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0.2", true)]
    [InlineData("10.0.0.0/24", true)]
    [InlineData("fd00::/64", true)]
    public void TrustedProxiesAreAddressesOrNetworks(string entry, bool valid)
    {
        var result = new SiteOptionsValidator().Validate(null, new SiteOptions { TrustedProxies = [entry] });

        Assert.Equal(valid, result.Succeeded);
        Assert.Equal(valid, result.FailureMessage?.Contains("Site__TrustedProxies", StringComparison.Ordinal) != true);
    }

    [Fact]
    public void NamedProxiesReplaceTheLoopbackDefault()
    {
        var forwarded = new ForwardedHeadersOptions();
        new SiteOptions { TrustedProxies = ["10.0.0.2", "10.1.0.0/16"] }.ApplyTrustedProxies(forwarded);

        Assert.Equal([IPAddress.Parse("10.0.0.2")], forwarded.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("10.1.0.0/16")], forwarded.KnownIPNetworks);
    }
}
