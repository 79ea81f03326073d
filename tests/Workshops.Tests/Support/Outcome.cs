using System.Net;
using AngleSharp.Dom;
using Workshops.Web.Domain;

namespace Workshops.Tests.Support;

/// <summary>Steps the ideas wall and results tests share: the bench café, the hostile text, a proposal through the stand page.</summary>
internal static class Outcome
{
    /// <summary>The SuomiAreena bench café: its ideas wall is on from the seed.</summary>
    public const string BenchCafe = "suomiareena-penkkikahvila";

    /// <summary>The day after the bench café (30.6.2028): results may be published.</summary>
    public static readonly DateTimeOffset AfterTheBenchCafe = new(2028, 7, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Every clean one-line atom of <see cref="HostileInput"/> (markup, formulas, SQL, template syntax, emoji, combining
    /// letters) in one proposal: what the form accepts must come back exactly as typed everywhere it is shown.
    /// </summary>
    public static readonly string Hostile = string.Join(" ", HostileInput.Atoms
        .Where(a => a.Length is > 1 and < 60 && a.Trim() == a && TextRules.IsClean(a, allowLineBreaks: false)));

    public static string StandPath(string slug = BenchCafe) => $"/workshops/{slug}/stand";

    /// <summary>Leaves a proposal on the stand page like a passer-by (no account, no registration); returns the page it ends on.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> LeaveAsync(HttpClient visitor, IDictionary<string, string?> values, string slug = BenchCafe)
    {
        var form = await Html.GetAsync(visitor, StandPath(slug));
        var response = await Html.SubmitAsync(visitor, form, values, "form.proposal-form");
        Assert.True(response.StatusCode is HttpStatusCode.OK, $"the stand page answered {(int)response.StatusCode}");
        return (response, await Html.ParseAsync(response));
    }

    /// <summary>
    /// Adds an outside recipient of <paramref name="slug"/>'s results through the real pages: the form, its confirmation
    /// page (which must show the address), then "add"; returns the page it ends on (the results page).
    /// </summary>
    public static async Task<IDocument> AddRecipientAsync(HttpClient organiser, string name, string email, string language = "fi", string slug = BenchCafe)
    {
        var form = await Html.GetAsync(organiser, $"/organiser/workshops/{slug}/recipients/new");
        var confirm = await Html.ParseAsync(await Html.SubmitAsync(organiser, form, new Dictionary<string, string?>
        {
            ["Recipient.Name"] = name,
            ["Recipient.Email"] = email,
            ["Recipient.Language"] = language,
        }, "form.add-recipient"));
        Assert.Equal(email, confirm.Text(".confirm-recipient [data-field='email']"));
        var added = await Html.SubmitAsync(organiser, confirm, new Dictionary<string, string?>(), "form.confirm-form");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        return await Html.ParseAsync(added);
    }

    /// <summary>Submits the form <paramref name="selector"/> of the organiser page at <paramref name="path"/>; returns the page it ends on.</summary>
    public static async Task<IDocument> SubmitAsync(HttpClient organiser, string path, string selector, IDictionary<string, string?>? values = null)
    {
        var page = await Html.GetAsync(organiser, path);
        var response = await Html.SubmitAsync(organiser, page, values ?? new Dictionary<string, string?>(), selector);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }
}
