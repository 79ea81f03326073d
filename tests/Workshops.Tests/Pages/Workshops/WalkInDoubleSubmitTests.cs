using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain.Feedback;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// Walk-in feedback on a shared stand tablet: every rendered form takes the next passer-by's answer, but one submission
/// is one answer, however often it is posted (a double tap, two posts at once, a resent form), through the real form.
/// </summary>
public class WalkInDoubleSubmitTests : AppWithMailServer
{
    private const string Bench = "suomiareena-penkkikahvila";
    private const string Path = $"/workshops/{Bench}/feedback";
    private const string KeyField = "Input.FormKey";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var workshop = await App.WorkshopAsync(Bench);
        App.Time.SetUtcNow(FeedbackSteps.Helsinki(workshop.Date.ToDateTime(new TimeOnly(12, 0)))); // walk-in feedback is open on the day
    }

    private Task<int> StoredAsync() => App.WithDbAsync(db => db.FeedbackAnswers.CountAsync(a => a.Source == FeedbackSource.WalkIn));

    private static async Task ThankedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Path, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Kiitos palautteestasi!", (await Html.ParseAsync(response)).Text(".outcome"));
    }

    private static string? KeyOf(IDocument page) =>
        page.QuerySelector($"form.feedback-form input[type=hidden][name='{KeyField}']")?.GetAttribute("value");

    [Fact]
    public async Task TheSameFormPostedTwiceStoresOneAnswerAndThanksBothTimes()
    {
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, Path);

        await ThankedAsync(await Html.SubmitAsync(visitor, form, FeedbackSteps.Answer(5, 4, "Penkillä oli helppo jutella")));
        await ThankedAsync(await Html.SubmitAsync(visitor, form, FeedbackSteps.Answer(5, 4, "Penkillä oli helppo jutella")));

        Assert.Equal(1, await StoredAsync());
    }

    [Fact]
    public async Task TheSameFormPostedTwiceAtOnceStoresOneAnswerAndThanksBoth()
    {
        var jar = new CookieContainer();
        var visitor = App.Browser(jar);
        var form = await Html.GetAsync(visitor, Path);
        var secondTap = App.SameBrowserAgain(jar);

        var responses = await Task.WhenAll(
            Html.SubmitAsync(visitor, form, FeedbackSteps.Answer(4, 4)),
            Html.SubmitAsync(secondTap, form, FeedbackSteps.Answer(4, 4)));

        foreach (var response in responses)
        {
            await ThankedAsync(response);
        }

        Assert.Equal(1, await StoredAsync());
    }

    [Fact]
    public async Task EachNewFormOnTheSharedTabletTakesTheNextPassersByAnswer()
    {
        var tablet = App.Browser();
        var first = await Html.SubmitAsync(tablet, await Html.GetAsync(tablet, Path), FeedbackSteps.Answer(3, 3));
        var afterFirst = await Html.ParseAsync(first);
        var second = await Html.SubmitAsync(tablet, afterFirst, FeedbackSteps.Answer(3, 3)); // the same ratings from the next person

        await ThankedAsync(first);
        await ThankedAsync(second);
        Assert.Equal(2, await StoredAsync());
        Assert.NotEqual(KeyOf(afterFirst), KeyOf(await Html.ParseAsync(second)));
    }

    [Fact]
    public async Task AFormReShownWithErrorsKeepsItsKey()
    {
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, Path);

        var refused = await Html.ParseAsync(await Html.SubmitAsync(visitor, form, new Dictionary<string, string?>(FeedbackSteps.Answer(5, 4)) { ["Input.MethodRating"] = null }));
        Assert.NotNull(refused.QuerySelector(".error-summary"));
        Assert.Equal(KeyOf(form), KeyOf(refused));

        await ThankedAsync(await Html.SubmitAsync(visitor, refused, FeedbackSteps.Answer(5, 4)));
        await ThankedAsync(await Html.SubmitAsync(visitor, refused, FeedbackSteps.Answer(5, 4)));
        Assert.Equal(1, await StoredAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")] // a key the client made up (what forms carried before issue 22)
    public async Task APostWithoutAKeyIssuedForThisFormStoresNothingAndKeepsTheAnswersToSendAgain(string? posted)
    {
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, Path);

        var refused = await Html.SubmitAsync(visitor, form, new Dictionary<string, string?>(FeedbackSteps.Answer(2, 5, "Penkki oli hyvä")) { [KeyField] = posted });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ParseAsync(refused);
        Assert.Contains("Lomake oli vanhentunut tai virheellinen, joten vastaustasi ei tallennettu.", again.Text(".error-summary"));
        Assert.Equal("Penkki oli hyvä", again.QuerySelector("#Input_WhatWorked")!.TextContent);
        Assert.Equal(0, await StoredAsync());

        // The re-shown form carries a fresh key: sent as it is, the answer is stored once.
        await ThankedAsync(await Html.SubmitAsync(visitor, again, new Dictionary<string, string?>()));
        Assert.Equal(1, await StoredAsync());
    }
}

public sealed class WalkInDoubleSubmitTestsOnPostgreSQL : WalkInDoubleSubmitTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
