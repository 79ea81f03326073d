using System.Net;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Shared;

/// <summary>
/// A POST that carries the antiforgery token but none of the form's own fields (or another form's fields, on a page
/// with two forms) is answered like any bad input: the form again with its messages, nothing stored, never a 500.
/// Model binding leaves such a model at its defaults without running its validation (found by a breaker: a
/// NullReferenceException in <c>Proposal.Create</c> and a null helix group in <c>RegisterInput.ToRequest</c>).
/// </summary>
[Trait("Kind", "Security")]
public sealed class UnpostedFieldsTests : IClassFixture<UnpostedFieldsTests.App>
{
    public sealed class App : IDisposable
    {
        public WorkshopsFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private const string Bench = "suomiareena-penkkikahvila";
    private readonly WorkshopsFactory _app;

    public UnpostedFieldsTests(App app) => _app = app.Factory;

    [Theory]
    [InlineData("/workshops/" + Bench + "/stand", "", "")]
    [InlineData("/workshops/" + Bench + "?handler=Proposal", "", "")]
    [InlineData("/workshops/" + Bench, "", "")]
    [InlineData("/workshops/" + Bench, "Proposal.Text", "a proposal sent to the registration form")]
    [InlineData("/workshops/" + Bench + "?handler=Proposal", "Input.Name", "a name sent to the proposal form")]
    public async Task APostWithoutTheFormsOwnFieldsShowsTheFormsMessagesAndStoresNothing(string path, string field, string value)
    {
        var visitor = _app.Browser();
        var page = await Html.GetAsync(visitor, $"/workshops/{Bench}/stand");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        if (field.Length > 0)
        {
            fields.Add(new(field, value));
        }

        var response = await visitor.PostAsync(path, new FormUrlEncodedContent(fields));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.NotNull((await Html.ParseAsync(response)).QuerySelector(".error-summary"));
        }

        Assert.Equal((0, 0), await _app.WithDbAsync(async db => (db.Proposals.Count(), db.Registrations.Count())));
    }
}
