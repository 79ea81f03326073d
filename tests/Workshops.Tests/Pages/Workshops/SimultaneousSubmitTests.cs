using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// Double clicks, double taps and two tabs: the same form posted several times at once, over real HTTP and a real
/// SQLite file, with every message delivered to a real SMTP server. Each test fails when the write seam reads a
/// registration loaded before the write lock (checked by removing ChangeTracker.Clear from WriteTransaction).
/// </summary>
public sealed class SimultaneousSubmitTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;

    [Fact]
    public async Task EightSimultaneousCancelPostsCancelOnceAndSendOneCancellationEmail()
    {
        await RegistrationSteps.ThroughFormAsync(App, "Aino", "aino@example.fi");
        var manage = await ManageLinkAsync("aino@example.fi");
        var forms = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CancelFormAsync(manage)));

        var responses = await AllAtOnceAsync(
            [.. forms.Select(f => (Func<Task<HttpResponseMessage>>)(() => Html.SubmitAsync(f.Browser, f.Page, new Dictionary<string, string?>())))]);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("Cancelled", Assert.Single(await App.RegistrationsInFileAsync(Rauma)).Status);
        var mail = await AllMailAsync();
        Assert.Equal(2, mail.Count); // the confirmation, then exactly one cancellation
        Assert.Single(await OutboxAsync(EmailKind.Cancelled));
    }

    [Fact]
    public async Task WhenTheSeatHolderAndTheFirstInLineCancelAtOnceTheNextInLineGetsTheSeatEveryTime()
    {
        const int rounds = 50;
        for (var round = 0; round < rounds; round++)
        {
            // One seat more than the people already holding one: A takes it, X and Y wait.
            await App.UpdateWorkshopAsync(Rauma, w => w.Capacity = round + 1);
            foreach (var who in new[] { "a", "x", "y" })
            {
                await RegistrationSteps.ThroughFormAsync(App, who.ToUpperInvariant(), $"{who}{round}@example.fi");
            }

            var a = await CancelFormAsync(await ManageLinkAsync($"a{round}@example.fi"));
            var x = await CancelFormAsync(await ManageLinkAsync($"x{round}@example.fi"));
            await AllAtOnceAsync([
                () => Html.SubmitAsync(a.Browser, a.Page, new Dictionary<string, string?>()),
                () => Html.SubmitAsync(x.Browser, x.Page, new Dictionary<string, string?>()),
            ]);

            var rows = await App.RegistrationsInFileAsync(Rauma);
            Assert.True(rows.Single(r => r.Email == $"y{round}@example.fi").Status == "Confirmed", $"round {round}: Y was not given the freed seat");
            Assert.DoesNotContain(rows, r => r.Status == "Waitlisted");
            Assert.Equal(round + 1, rows.Count(r => r.Status == "Confirmed"));
        }

        var mail = await AllMailAsync();
        var promotions = await OutboxAsync(EmailKind.Promoted);
        for (var round = 0; round < rounds; round++)
        {
            var y = $"y{round}@example.fi";
            Assert.Single(promotions, e => e.Registration!.Email == y);
            Assert.Single(mail, m => m.To.Mailboxes.Single().Address == y && (m.Subject ?? "").StartsWith("Sinulle vapautui paikka:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheSameRegistrationFormPostedTwiceAtOnceStoresOneRowAndSendsOneEmail()
    {
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        var values = People.Registration();

        var responses = await AllAtOnceAsync([
            () => Html.SubmitAsync(browser, form, values),
            () => Html.SubmitAsync(browser, form, values),
        ]);

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Paikkasi on vahvistettu", (await Html.ParseAsync(response)).Text("h1"));
        }

        Assert.Single(await App.RegistrationsInFileAsync(Rauma));
        var message = Assert.Single(await AllMailAsync());
        Assert.StartsWith("Paikkasi on vahvistettu", message.Subject);
    }

    [Fact]
    public async Task AWaitlistedPersonsOwnCalendarIsTentativeWithoutTheJoinLinkAndACancelledOnesIsCancelled()
    {
        const string join = "https://meet.example.fi/j/only-for-seat-holders";
        await App.UpdateWorkshopAsync(Rauma, w =>
        {
            w.Format = WorkshopFormat.Online;
            w.OnlineJoinUrl = join;
            w.Capacity = 1;
        });
        await RegistrationSteps.ThroughFormAsync(App, "Aino", "aino@example.fi");
        await RegistrationSteps.ThroughFormAsync(App, "Bertil", "bertil@example.fi");
        var aino = await ManageLinkAsync("aino@example.fi");
        var bertil = await ManageLinkAsync("bertil@example.fi");

        var seat = await CalendarAsync(aino);
        Assert.Contains(join, seat);
        Assert.Contains("STATUS:CONFIRMED", seat);

        var waiting = await CalendarAsync(bertil);
        Assert.DoesNotContain(join, waiting);
        Assert.DoesNotContain("STATUS:CONFIRMED", waiting);
        Assert.Contains("STATUS:TENTATIVE", waiting);
        Assert.DoesNotContain(join, (await Html.GetAsync(App.Browser(), bertil)).Text("main"));
        var mail = await AllMailAsync();
        Assert.DoesNotContain(join, mail.Single(m => m.To.Mailboxes.Single().Address == "bertil@example.fi").TextBody);

        var (browser, page) = await CancelFormAsync(bertil);
        await Html.SubmitAsync(browser, page, new Dictionary<string, string?>());
        var cancelled = await CalendarAsync(bertil);
        Assert.Contains("STATUS:CANCELLED", cancelled);
        Assert.DoesNotContain(join, cancelled);
    }

    private async Task<string> CalendarAsync(string manage)
    {
        var response = await App.Browser().GetAsync(manage + "/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A working manage link for the person (arranged in the database: the emailed one is tested in EmailTests).</summary>
    private async Task<string> ManageLinkAsync(string email)
    {
        var (token, hash) = ManageToken.Create();
        await App.WithDbAsync(async db =>
        {
            var id = await db.Registrations.Where(r => r.Email == email).Select(r => r.Id).SingleAsync();
            db.ManageTokens.Add(new ManageToken { RegistrationId = id, Hash = hash, CreatedAtUtc = App.Time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        return $"/manage/{token}";
    }

    private async Task<(HttpClient Browser, IDocument Page)> CancelFormAsync(string manage)
    {
        var browser = App.Browser();
        return (browser, await Html.GetAsync(browser, manage + "/cancel"));
    }

    /// <summary>Starts every request, then lets them all go at the same moment.</summary>
    private static async Task<HttpResponseMessage[]> AllAtOnceAsync(IReadOnlyCollection<Func<Task<HttpResponseMessage>>> posts)
    {
        using var start = new SemaphoreSlim(0);
        var running = posts.Select(async post =>
        {
            await start.WaitAsync();
            return await post();
        }).ToList();
        start.Release(running.Count);
        return await Task.WhenAll(running);
    }

    private Task<List<OutgoingEmail>> OutboxAsync(EmailKind kind) =>
        App.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Include(e => e.Registration).Where(e => e.Kind == kind).ToListAsync());

    /// <summary>
    /// Every message the site has sent so far, once the outbox has handled them all (sent, or skipped as out of date:
    /// "you are waiting" for someone who already has a seat). The fake clock moves a minute at a time meanwhile, so a
    /// message put back for a retry (a busy moment on a loaded machine) is tried again.
    /// </summary>
    private async Task<List<MimeMessage>> AllMailAsync()
    {
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromMinutes(1),
            () => App.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent || e.State == EmailState.Skipped)),
            "every message was sent or skipped", TimeSpan.FromMinutes(3));

        var mail = new List<MimeMessage>();
        while (!Smtp.NothingMoreReceived)
        {
            mail.Add(await Smtp.NextMessageAsync());
        }

        return mail;
    }
}
