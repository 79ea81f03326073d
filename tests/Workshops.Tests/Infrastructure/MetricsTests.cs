using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using Workshops.Tests.Support;

namespace Workshops.Tests.Infrastructure;

/// <summary>What the metrics cost the rest of the site, and who may read them.</summary>
public sealed class MetricsTests : AppWithMailServer
{
    [Fact]
    public async Task ComposingAConfirmationThrowsNoExceptionInsideTheComponentRenderingMetrics()
    {
        // The OpenTelemetry ASP.NET Core instrumentation also listens to Blazor's meters; measuring the email's Razor
        // component renders threw (and caught) an OperationCanceledException per render: 120-340 a second in a rush.
        var thrown = 0;
        EventHandler<FirstChanceExceptionEventArgs> count = (_, e) =>
        {
            if (e.Exception is OperationCanceledException && Environment.StackTrace.Contains("ComponentsMetrics", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref thrown);
            }
        };
        AppDomain.CurrentDomain.FirstChanceException += count;
        try
        {
            var browser = App.Browser();
            var form = await Html.GetAsync(browser, "/workshops/rauma-yksinaisyys");
            await Html.SubmitAsync(browser, form, People.Registration(email: "metrics.cost@example.fi"));
            var message = await Smtp.NextMessageAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("metrics.cost@example.fi", message.To.Mailboxes.Single().Address);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= count;
        }

        Assert.Equal(0, thrown);
    }

    private const string Token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static async Task<HttpResponseMessage> ScrapeAsync(WorkshopsFactory app, string? token)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, Workshops.Web.Infrastructure.Metrics.Path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task PrometheusScrapesWithTheConfiguredBearerTokenAndNothingElseGetsIn()
    {
        using var app = new WorkshopsFactory(settings: new Dictionary<string, string?> { ["Metrics:BearerToken"] = Token });
        await RegistrationSteps.ThroughFormAsync(app, "Aino Ääkkönen", "aino@example.fi");

        var scraped = await ScrapeAsync(app, Token);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("workshops_registrations{", await scraped.Content.ReadAsStringAsync());

        var wrong = await ScrapeAsync(app, Token[..^1] + "0");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Bearer", wrong.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Null(wrong.Headers.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ScrapeAsync(app, Token + "0")).StatusCode);

        var anonymous = await ScrapeAsync(app, null);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/organiser/sign-in", anonymous.Headers.Location!.OriginalString);

        // The token opens the metrics only, not the organiser area.
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/organiser")).StatusCode);
    }

    [Fact]
    public async Task WithoutATokenSettingABearerHeaderOpensNothing()
    {
        var response = await ScrapeAsync(App, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/organiser/sign-in", response.Headers.Location!.OriginalString);
    }
}
