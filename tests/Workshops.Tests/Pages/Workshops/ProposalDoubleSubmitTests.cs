using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain.IdeasWall;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// One submission of the ideas wall's form is one proposal: a double click, two simultaneous posts or a form resent after
/// a dropped connection store it once and thank every time, through the real forms (antiforgery tokens) of the stand
/// page and the workshop page. A shared tablet still takes the next person's proposal: every rendered form is new.
/// </summary>
public class ProposalDoubleSubmitTests : AppWithMailServer
{
    private const string Bench = Outcome.BenchCafe;
    private const string KeyField = "Proposal.FormKey";

    public static TheoryData<string, string> Forms => new()
    {
        { $"/workshops/{Bench}/stand", ".thanks[role=status]" },
        { $"/workshops/{Bench}", "#proposals .thanks" },
    };

    private Task<List<Proposal>> StoredAsync() =>
        App.WithDbAsync(db => db.Proposals.AsNoTracking().OrderBy(p => p.Id).ToListAsync());

    private static Dictionary<string, string?> Text(string text) => new() { ["Proposal.Text"] = text };

    private static string? KeyOf(IDocument page) =>
        page.QuerySelector($"form.proposal-form input[type=hidden][name='{KeyField}']")?.GetAttribute("value");

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task TheSameFormPostedTwiceStoresOneProposalAndThanksBothTimes(string path, string thanks)
    {
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, path);

        var first = await Html.SubmitAsync(visitor, form, Text("Kahvia joka kokoukseen"), "form.proposal-form");
        var again = await Html.SubmitAsync(visitor, form, Text("Kahvia joka kokoukseen"), "form.proposal-form");

        foreach (var response in new[] { first, again })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new Uri(form.Url).AbsolutePath, response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.NotNull((await Html.ParseAsync(response)).QuerySelector(thanks));
        }

        Assert.Equal("Kahvia joka kokoukseen", Assert.Single(await StoredAsync()).Text);
    }

    [Fact]
    public async Task AKeyFromAnotherWorkshopsFormIsNoRepeatAndTheProposalIsStored()
    {
        // Found by a breaker: the key was looked up across workshops, so a hand-made post carrying another workshop's
        // key was thanked and dropped.
        await App.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.IdeasWall.Enabled = true);
        var visitor = App.Browser();
        var bench = await Html.GetAsync(visitor, $"/workshops/{Bench}/stand");
        await Html.SubmitAsync(visitor, bench, Text("Penkille lisää tyynyjä"), "form.proposal-form");

        var rauma = await Html.GetAsync(visitor, $"/workshops/{RegistrationSteps.Rauma}/stand");
        await Html.SubmitAsync(visitor, rauma, new Dictionary<string, string?>(Text("Raumalle oma kahvila")) { [KeyField] = KeyOf(bench) }, "form.proposal-form");

        var stored = await StoredAsync();
        Assert.Equal(["Penkille lisää tyynyjä", "Raumalle oma kahvila"], stored.Select(p => p.Text));
        Assert.Equal(await App.WithDbAsync(db => db.Workshops.Where(w => w.Slug == RegistrationSteps.Rauma).Select(w => w.Id).SingleAsync()), stored[1].WorkshopId);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task TheSameFormPostedTwiceAtOnceStoresOneProposalAndThanksBoth(string path, string thanks)
    {
        var jar = new CookieContainer();
        var visitor = App.Browser(jar);
        var form = await Html.GetAsync(visitor, path);
        var secondClick = App.SameBrowserAgain(jar);

        var responses = await Task.WhenAll(
            Html.SubmitAsync(visitor, form, Text("Kahvia joka kokoukseen"), "form.proposal-form"),
            Html.SubmitAsync(secondClick, form, Text("Kahvia joka kokoukseen"), "form.proposal-form"));

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull((await Html.ParseAsync(response)).QuerySelector(thanks));
        }

        Assert.Single(await StoredAsync());
    }

    [Fact]
    public async Task TwoRendersOfTheStandFormEachStoreTheirProposalOnTheSameTablet()
    {
        var tablet = App.Browser();
        var (_, afterFirst) = await Outcome.LeaveAsync(tablet, Text("Joustavat työajat"));
        var (_, afterSecond) = await Outcome.LeaveAsync(tablet, Text("Joustavat työajat")); // the next passer-by, same words

        Assert.Equal(2, (await StoredAsync()).Count);
        // Each empty form after a thank-you is a new submission with a new key.
        Assert.NotEqual(KeyOf(afterFirst), KeyOf(afterSecond));
        Assert.All(new[] { afterFirst, afterSecond }, page => Assert.True(Guid.TryParse(KeyOf(page), out _)));
    }

    [Fact]
    public async Task AFormReShownWithErrorsKeepsItsKeySoItsCorrectedPostIsStoredOnce()
    {
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, Outcome.StandPath());
        var key = KeyOf(form);

        var refused = await Html.ParseAsync(await Html.SubmitAsync(visitor, form, Text(""), "form.proposal-form"));
        Assert.NotNull(refused.QuerySelector(".error-summary"));
        Assert.Equal(key, KeyOf(refused));

        var corrected = Text("Etätyöpäivä viikossa");
        await Html.SubmitAsync(visitor, refused, corrected, "form.proposal-form");
        var resent = await Html.SubmitAsync(visitor, refused, corrected, "form.proposal-form");

        Assert.NotNull((await Html.ParseAsync(resent)).QuerySelector(".thanks[role=status]"));
        Assert.Single(await StoredAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task APostWithoutAWellFormedKeyFromAnOldPageIsStoredAsAFreshProposal(string? posted)
    {
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, Outcome.StandPath());
        var values = new Dictionary<string, string?>(Text("Penkkejä lisää")) { [KeyField] = posted };

        var first = await Html.SubmitAsync(visitor, form, values, "form.proposal-form");
        var second = await Html.SubmitAsync(visitor, form, values, "form.proposal-form");

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull((await Html.ParseAsync(response)).QuerySelector(".thanks[role=status]"));
        }

        // Without a key nothing tells a resent form from the next person's: each post counts, as before keys existed.
        Assert.Equal(2, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task AFormReShownWithErrorsAfterAMalformedKeyCarriesAWellFormedOne()
    {
        var visitor = App.Browser();
        var form = await Html.GetAsync(visitor, Outcome.StandPath());

        var refused = await Html.ParseAsync(await Html.SubmitAsync(visitor, form,
            new Dictionary<string, string?>(Text("")) { [KeyField] = "not-a-guid" }, "form.proposal-form"));

        Assert.NotNull(refused.QuerySelector(".error-summary"));
        Assert.True(Guid.TryParse(KeyOf(refused), out var key) && key != Guid.Empty, $"key '{KeyOf(refused)}'");
    }
}

public sealed class ProposalDoubleSubmitTestsOnPostgreSQL : ProposalDoubleSubmitTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
