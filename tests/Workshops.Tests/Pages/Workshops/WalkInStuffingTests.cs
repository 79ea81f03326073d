using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Feedback;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// One person cannot decide the walk-in score (issue 22): the anonymous feedback form's keys are issued and signed by the
/// server, used once and valid for two hours, and each client has a budget of posts; through the real form.
/// </summary>
public sealed class WalkInStuffingTests : IDisposable
{
    private const string Bench = Outcome.BenchCafe;
    private const string Path = $"/workshops/{Bench}/feedback";
    private const string KeyField = "Input.FormKey";
    private WorkshopsFactory _app = null!;

    private async Task<WorkshopsFactory> StartAsync(bool limits)
    {
        _app = new WorkshopsFactory(
            settings: new Dictionary<string, string?> { ["RateLimiting:Enabled"] = limits ? "true" : "false" },
            services: s => s.AddSingleton<IStartupFilter, ClientAddress>());
        var workshop = await _app.WorkshopAsync(Bench);
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(workshop.Date.ToDateTime(new TimeOnly(12, 0)))); // walk-in feedback is open on the day
        return _app;
    }

    public void Dispose() => _app?.Dispose();

    private HttpClient Client(string address)
    {
        var browser = _app.Browser();
        browser.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return browser;
    }

    private Task<int> StoredAsync() => _app.WithDbAsync(db => db.FeedbackAnswers.CountAsync(a => a.Source == FeedbackSource.WalkIn));

    private static string? KeyOf(IDocument page) => page.QuerySelector($"input[name='{KeyField}']")?.GetAttribute("value");

    private static async Task RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Lomake oli vanhentunut tai virheellinen, joten vastaustasi ei tallennettu.", (await Html.ParseAsync(response)).Text(".error-summary"));
    }

    [Fact]
    public async Task SixHundredPostsWithKeysTheClientMadeUpStoreNothing()
    {
        // As the probe did it: one form fetched, then a fresh key of the client's own in every post (limits off, so
        // only the keys stand in the way).
        await StartAsync(limits: false);
        var visitor = Client("203.0.113.7");
        var form = await Html.GetAsync(visitor, Path);
        var last = new HttpResponseMessage();
        for (var i = 0; i < 600; i++)
        {
            last = await Html.SubmitAsync(visitor, form, new Dictionary<string, string?>(FeedbackSteps.Answer(1, 1)) { [KeyField] = Guid.NewGuid().ToString() });
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }

        var stored = await StoredAsync();
        Assert.True(stored == 0, $"600 posts with made-up keys stored {stored} answers");
        await RefusedAsync(last);
    }

    [Fact]
    public async Task SixHundredPostsFromOneClientMoveTheStoredCountByAtMostItsLimit()
    {
        // The same client with real keys too: a fresh form for every post, made-up keys, and one key replayed.
        await StartAsync(limits: true);
        var stuffer = Client("203.0.113.7");
        var first = await Html.GetAsync(stuffer, Path);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 600; i++)
        {
            var form = i % 3 == 0 ? await Html.GetAsync(stuffer, Path) : first;
            var values = new Dictionary<string, string?>(FeedbackSteps.Answer(1, 1));
            if (i % 3 == 1)
            {
                values[KeyField] = Guid.NewGuid().ToString();
            }

            statuses.Add((await Html.SubmitAsync(stuffer, form, values)).StatusCode);
        }

        var stored = await StoredAsync();
        Assert.True(stored <= 10, $"600 posts from one client stored {stored} answers");
        Assert.Equal(590, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        // Someone else at the stand still answers.
        var visitor = Client("198.51.100.20");
        var response = await Html.SubmitAsync(visitor, await Html.GetAsync(visitor, Path), FeedbackSteps.Answer(4, 5));
        Assert.Contains("Kiitos palautteestasi!", (await Html.ParseAsync(response)).Text(".outcome"));
        Assert.Equal(stored + 1, await StoredAsync());
    }

    [Fact]
    public async Task AKeyAlteredOrIssuedForAnotherWorkshopsFormStoresNothing()
    {
        await StartAsync(limits: false);
        var visitor = Client("203.0.113.7");
        var form = await Html.GetAsync(visitor, Path);
        var key = KeyOf(form)!;
        var altered = key[..10] + (key[10] == 'A' ? 'B' : 'A') + key[11..];
        var rauma = await _app.WorkshopAsync(RegistrationSteps.Rauma);
        var borrowed = _app.Services.GetRequiredService<WalkInFormKeys>().Issue(rauma.Id);

        foreach (var bad in new[] { altered, borrowed, key + "AA", new string('A', 5000) })
        {
            await RefusedAsync(await Html.SubmitAsync(visitor, form, new Dictionary<string, string?>(FeedbackSteps.Answer(1, 1)) { [KeyField] = bad }));
        }

        Assert.Equal(0, await StoredAsync());
    }

    [Fact]
    public async Task AFormOlderThanTwoHoursStoresNothingAndIsShownAgainWithTheAnswersAndAFreshKey()
    {
        await StartAsync(limits: false);
        var visitor = Client("203.0.113.7");
        var form = await Html.GetAsync(visitor, Path);

        _app.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var refused = await Html.SubmitAsync(visitor, form, FeedbackSteps.Answer(4, 3, "Kahvi oli hyvää"));
        await RefusedAsync(refused);
        var again = await Html.ParseAsync(refused);
        Assert.Equal("Kahvi oli hyvää", again.QuerySelector("#Input_WhatWorked")!.TextContent);
        Assert.NotEqual(KeyOf(form), KeyOf(again));
        Assert.Equal(0, await StoredAsync());

        var sent = await Html.SubmitAsync(visitor, again, new Dictionary<string, string?>());
        Assert.Contains("Kiitos palautteestasi!", (await Html.ParseAsync(sent)).Text(".outcome"));
        var answer = await _app.WithDbAsync(db => db.FeedbackAnswers.AsNoTracking().SingleAsync());
        Assert.Equal((4, 3, "Kahvi oli hyvää"), (answer.OverallRating, answer.MethodRating, answer.WhatWorked));
    }
}
