using System.Net;
using Npgsql;
using Workshops.Tests.Support;
using Workshops.Web.Data;

namespace Workshops.Tests.Data;

/// <summary>
/// PostgreSQL going away while the site runs is an outage, not a fault: 503 with Retry-After and the same "nothing was
/// saved, try again shortly" page a SQLite storage error gets (it was a 500), /healthz names the database, and the site
/// recovers by itself when the server is back.
/// </summary>
public sealed class PostgresOutageTests : IDisposable
{
    private readonly TestFolder _folder = new(DatabaseProvider.PostgreSQL);
    private readonly TcpRelay _relay;
    private readonly WorkshopsFactory _app;

    public PostgresOutageTests()
    {
        var server = new NpgsqlConnectionStringBuilder(_folder.PostgresConnectionString);
        _relay = new TcpRelay(server.Host!, server.Port);
        server.Host = "127.0.0.1";
        server.Port = _relay.Port;
        _app = new WorkshopsFactory(_folder, new Dictionary<string, string?> { ["ConnectionStrings:Workshops"] = server.ConnectionString });
    }

    public void Dispose()
    {
        _app.Dispose();
        _relay.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task AnUnreachableServerAnswers503WithRetryAfterAndTheSiteRecoversWhenItReturns()
    {
        var browser = _app.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{RegistrationSteps.Rauma}");
        Assert.Equal(HttpStatusCode.OK, (await _app.Browser().GetAsync("/healthz")).StatusCode);

        _relay.Stop();
        var refused = await Html.SubmitAsync(browser, form, People.Registration(email: "outage@example.fi"));
        var health = await _app.Browser().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("Tallennus ei juuri nyt onnistu", (await Html.ParseAsync(refused)).Text("h1"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("database: database unreachable", await health.Content.ReadAsStringAsync());

        _relay.Start();
        await Eventually.TrueAsync(async () => (await _app.Browser().GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, "the site is healthy again");
        var again = await Html.SubmitAsync(browser, await Html.GetAsync(browser, $"/workshops/{RegistrationSteps.Rauma}"), People.Registration(email: "outage@example.fi"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await _app.RegistrationsInFileAsync(RegistrationSteps.Rauma), r => r.Email == "outage@example.fi");
    }
}
