using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Email;

namespace Workshops.Tests.Email;

/// <summary>
/// Delivery through the outbox over a real SMTP server on 127.0.0.1: the server down, refusing, or the site restarted or
/// crashed mid-send, and every message still arrives exactly once (<see cref="OutboxDispatcher"/>, <see cref="OutboxSender"/>).
/// </summary>
public class OutboxDeliveryTests : AppWithMailServer
{
    private const string Rauma = "rauma-yksinaisyys";
    private async Task<HttpResponseMessage> RegisterAsync(Dictionary<string, string?> values, WorkshopsFactory? app = null)
    {
        var browser = (app ?? App).Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        var response = await Html.SubmitAsync(browser, form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static OutboxDispatcher Dispatcher(WorkshopsFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();

    private Task<List<OutgoingEmail>> OutboxAsync(WorkshopsFactory? app = null) =>
        (app ?? App).WithDbAsync(db => db.OutgoingEmails.AsNoTracking().OrderBy(e => e.CreatedAtUtc).ToListAsync());

    [Fact]
    public async Task WithTheServerDownRegistrationSucceedsAndTheMessageArrivesOnceItIsBack()
    {
        await Smtp.StopAsync();

        var response = await RegisterAsync(People.Registration());

        Assert.Equal("Paikkasi on vahvistettu", (await Html.ParseAsync(response)).Text("h1"));
        await Eventually.TrueAsync(async () => (await OutboxAsync()).Single() is { Attempts: 1, LastError: not null }, "the first try failed");
        var queued = (await OutboxAsync()).Single();
        Assert.Equal(EmailState.Queued, queued.State);
        Assert.NotNull(queued.LastError);

        Smtp.Start();
        await Eventually.TrueWhileAdvancingAsync(App.Time, OutgoingEmail.DelayAfter(1),
            async () => (await OutboxAsync()).Single().State == EmailState.Sent, "sent once the server is back");

        var message = await Smtp.NextMessageAsync();
        Assert.Equal("aino@example.fi", message.To.Mailboxes.Single().Address);
        Assert.Equal(2, (await OutboxAsync()).Single().Attempts);

        App.Time.Advance(TimeSpan.FromHours(3));
        await Dispatcher(App).SendDueAsync(CancellationToken.None);
        Assert.Equal(1, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task ABurstWhileTheServerIsDownIsDeliveredOnceEachWhenItReturns()
    {
        await Smtp.StopAsync();
        var emails = Enumerable.Range(0, 20).Select(i => $"burst{i:00}@example.fi").ToList();
        await Task.WhenAll(emails.Select(email => RegisterAsync(People.Registration(email: email))));
        await Eventually.TrueAsync(async () => (await OutboxAsync()) is { Count: 20 } all && all.All(e => e is { Attempts: >= 1, State: EmailState.Queued }),
            "all twenty tried and queued again");

        Smtp.Start();
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromSeconds(10),
            async () => (await OutboxAsync()).All(e => e.State == EmailState.Sent), "all sent once the server is back");

        var received = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            received.Add((await Smtp.NextMessageAsync()).To.Mailboxes.Single().Address);
        }

        Assert.Equal(emails, received.Order());
        // Batched (Email__BatchSize 20): the twenty due at once go over one connection, a second round at most, not twenty.
        Assert.InRange(Smtp.SessionCount, 1, 2);
        App.Time.Advance(TimeSpan.FromHours(3));
        await Dispatcher(App).SendDueAsync(CancellationToken.None);
        Assert.Equal(20, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task TemporaryRefusalIsRetriedWithGrowingDelaysAndDeliveredOnce()
    {
        Smtp.RefuseWith = 451;
        await RegisterAsync(People.Registration());
        await Eventually.TrueAsync(async () => (await OutboxAsync()).Single() is { Attempts: 1, State: EmailState.Queued }, "first try refused");
        var first = (await OutboxAsync()).Single();
        Assert.Equal(first.ClaimedAtUtc + OutgoingEmail.DelayAfter(1), first.NextAttemptAtUtc);

        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromSeconds(5),
            async () => (await OutboxAsync()).Single() is { Attempts: 2, State: EmailState.Queued }, "second try refused");
        var second = (await OutboxAsync()).Single();
        Assert.True(second.ClaimedAtUtc >= first.NextAttemptAtUtc, "the second try waited for its time");
        Assert.True(second.NextAttemptAtUtc - second.ClaimedAtUtc >= OutgoingEmail.DelayAfter(2));
        Assert.True(OutgoingEmail.DelayAfter(2) > OutgoingEmail.DelayAfter(1));
        Assert.Contains("451", second.LastError);

        Smtp.RefuseWith = null;
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromSeconds(5),
            async () => (await OutboxAsync()).Single().State == EmailState.Sent, "sent once accepted");
        await Smtp.NextMessageAsync();
        Assert.Equal(1, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task PermanentRefusalFailsAtOnceAndIsKeptForTheOrganisers()
    {
        Smtp.RefuseWith = 550;
        await RegisterAsync(People.Registration());

        await Eventually.TrueAsync(async () => (await OutboxAsync()).Single().State == EmailState.Failed, "marked failed");
        var failed = (await OutboxAsync()).Single();
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError);
    }

    [Fact]
    public async Task AfterTheLastTryTheMessageIsFailedForGood()
    {
        App.Dispose();
        App = new WorkshopsFactory(new TestFolder(Provider), new Dictionary<string, string?>(Smtp.Settings) { ["Email:MaxAttempts"] = "2" });
        await Smtp.StopAsync();
        await RegisterAsync(People.Registration());
        await Eventually.TrueWhileAdvancingAsync(App.Time, OutgoingEmail.DelayAfter(1),
            async () => (await OutboxAsync()).Single().State == EmailState.Failed, "failed for good");
        Assert.Equal(2, (await OutboxAsync()).Single().Attempts);
    }

    [Fact]
    public async Task ARestartWhileTheServerIsDownLosesNothingAndDuplicatesNothing()
    {
        await Smtp.StopAsync();
        await RegisterAsync(People.Registration(email: "one@example.fi"));
        await RegisterAsync(People.Registration(email: "two@example.fi"));
        await Eventually.TrueAsync(async () => (await OutboxAsync()).All(e => e is { Attempts: >= 1, State: EmailState.Queued }), "both tried once");
        App.Dispose();

        Smtp.Start();
        using var restarted = new WorkshopsFactory(App.Folder, Smtp.Settings);
        restarted.Time.SetUtcNow(App.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        _ = restarted.Services; // start the host: the dispatcher picks up what was queued

        var received = new[] { await Smtp.NextMessageAsync(), await Smtp.NextMessageAsync() };
        Assert.Equal(["one@example.fi", "two@example.fi"], received.Select(m => m.To.Mailboxes.Single().Address).Order());
        await Eventually.TrueAsync(async () => (await OutboxAsync(restarted)).All(e => e.State == EmailState.Sent), "all sent");
        restarted.Time.Advance(TimeSpan.FromHours(3));
        await Dispatcher(restarted).SendDueAsync(CancellationToken.None);
        Assert.Equal(2, Smtp.ReceivedCount);
    }

    [Fact]
    public async Task AMessageLeftSendingByACrashIsSentAgainAfterTheTimeout()
    {
        await Smtp.StopAsync();
        await RegisterAsync(People.Registration());
        await Eventually.TrueAsync(async () => (await OutboxAsync()).Single() is { Attempts: 1, State: EmailState.Queued }, "tried once");
        // As if the process died between claiming the row and hearing from the server.
        await App.WithDbAsync(db => db.OutgoingEmails.ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Sending)
            .SetProperty(e => e.ClaimedAtUtc, App.Time.GetUtcNow().UtcDateTime)));
        Smtp.Start();

        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromMinutes(1),
            async () => (await OutboxAsync()).Single().State == EmailState.Sent, "sent again after the timeout");
        var message = await Smtp.NextMessageAsync();
        Assert.Equal("aino@example.fi", message.To.Mailboxes.Single().Address);
    }
}

/// <summary>The same delivery tests on PostgreSQL.</summary>
public sealed class OutboxDeliveryTestsOnPostgreSQL : OutboxDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
