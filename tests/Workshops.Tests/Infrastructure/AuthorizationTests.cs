using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>Every endpoint the app maps refuses an anonymous visitor, unless it is on the public list below.</summary>
public sealed partial class AuthorizationTests : IDisposable
{
    /// <summary>The public site. Anything else that gets mapped is for signed-in organisers only.</summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "/",
        "/Index",
        "/accessibility",
        "/calendar.ics",
        "/eu-emblem.svg",
        "/workshops/{slug}/calendar.ics",
        "/language/{language}",
        "/manage/{token}/calendar.ics",
        "/error",
        "/healthz",
        "/healthz/database",
        "/healthz/outbox",
        "/manage/{token}",
        "/manage/{token}/cancel",
        "/manage/{token}/correct",
        "/manage/{token}/feedback",
        "/manage/{token}/offer",
        // Issue 26: a certificate of attendance from the person's own link, and its public verification page (the code is the key).
        "/manage/{token}/certificate",
        "/certificates/{code}",
        "/organiser/sign-in",
        // The code step after the right password; without Identity's two-factor cookie it sends back to the sign-in page.
        "/organiser/sign-in/code",
        // Issue 25: asking for a reset link, and the pages the emailed links open (the one-use token is the key).
        "/organiser/forgot-password",
        "/organiser/invitation",
        "/organiser/reset-password",
        "/privacy",
        "/status/{code:int}",
        "/workshops/{slug}",
        "/workshops/{slug}/registered",
        "/workshops/{slug}/stand",
        "/workshops/{slug}/results",
        "/workshops/{slug}/feedback",
        "/workshops/{slug}/here",
    ];

    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    private List<RouteEndpoint> Endpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string Template(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    /// <summary>
    /// Static files (css) are public by nature; they are recognised by their metadata, not by their path. So is the
    /// static-assets catch-all ({**path:file}), which serves only files from wwwroot and answers 404 otherwise.
    /// </summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null || Template(endpoint) == "/{**path:file}";

    /// <summary>A value each parameter's constraint accepts, so the request reaches the endpoint's own checks.</summary>
    private static string Fill(string template) => RouteParameter().Replace(template, m => m.Value switch
    {
        var p when p.Contains(":int") => "1",
        var p when p.Contains(":guid") => Guid.NewGuid().ToString(),
        _ => "dummy-1",
    });

    [Fact]
    public async Task EveryEndpointOutsideThePublicListRefusesAnAnonymousRequest()
    {
        var endpoints = Endpoints().Where(e => !IsStaticAsset(e)).ToList();
        var guarded = endpoints.Where(e => !PublicRoutes.Contains(Template(e))).ToList();
        // The organiser area is there and being checked: a renamed folder must not make this test pass vacuously.
        Assert.True(guarded.Count >= 14, $"only {guarded.Count} guarded endpoints: " + string.Join(", ", guarded.Select(Template)));

        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var endpoint in guarded)
        {
            var path = Fill(Template(endpoint));
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var request = new HttpRequestMessage(method, path);
                if (method == HttpMethod.Post)
                {
                    request.Content = new FormUrlEncodedContent([new("id", "1")]);
                }

                var response = await client.SendAsync(request);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect
                        && response.Headers.Location?.OriginalString.StartsWith("/organiser/sign-in?ReturnUrl=", StringComparison.Ordinal) == true);
                if (!refused)
                {
                    failures.Add($"{method} {path} ({Template(endpoint)}) answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Open to anonymous visitors:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task ThePublicListNamesOnlyRoutesThatExistAndAnswerWithoutSignIn()
    {
        var templates = Endpoints().Select(Template).ToHashSet();
        Assert.Empty(PublicRoutes.Except(templates));

        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var route in PublicRoutes)
        {
            var response = await client.GetAsync(Fill(route));
            // The sign-in challenge carries ?ReturnUrl=; the code step's own way back to the password has none.
            Assert.False(response.Headers.Location?.OriginalString.Contains("/organiser/sign-in?ReturnUrl=") == true && route != "/organiser/sign-in",
                $"{route} asked for sign-in");
        }
    }

    [Fact]
    public async Task AnOrganiserPageOpensOnlyAfterSignIn()
    {
        var anonymous = await _app.Browser().GetAsync("/organiser");
        Assert.Equal("/organiser/sign-in", anonymous.RequestMessage!.RequestUri!.AbsolutePath);

        var browser = await Organisers.SignedInAsync(_app);
        var page = await Html.GetAsync(browser, "/organiser");
        Assert.Equal("Työpajat", page.Text("h1"));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
