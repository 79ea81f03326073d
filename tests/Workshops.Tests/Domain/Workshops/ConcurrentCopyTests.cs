using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Data;

namespace Workshops.Tests.Domain.Workshops;

/// <summary>
/// Copies pressed at once on two app instances over one database each get their own <c>-kopio</c> address: the free slug
/// is picked one copy at a time (under PostgreSQL two instances used to pick the same one, and the second answered 500).
/// Two in-process hosts are two instances here: each has its own write gate and connection pool.
/// </summary>
public sealed class ConcurrentCopyTests
{
    private const string Bench = "suomiareena-penkkikahvila";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task TenCopiesAtOnceOnTwoInstancesEachGetTheirOwnAddress(DatabaseProvider provider)
    {
        using var folder = new TestFolder(provider);
        using var a = new WorkshopsFactory(folder);
        var onA = await Organisers.SignedInAsync(a);
        using var b = new WorkshopsFactory(folder);
        var onB = b.Browser();
        var signedIn = await Organisers.SubmitSignInAsync(onB, Organisers.Email, Organisers.Password);
        Assert.Equal("/organiser", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        var pages = new[] { await Html.GetAsync(onA, $"/organiser/workshops/{Bench}"), await Html.GetAsync(onB, $"/organiser/workshops/{Bench}") };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Html.SubmitAsync(i % 2 == 0 ? onA : onB, pages[i % 2], new Dictionary<string, string?>(), "form.copy-form")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode)); // the redirect to the copy's editor, followed
        var editors = answers.Select(answer => answer.RequestMessage!.RequestUri!.AbsolutePath).ToList();
        Assert.All(editors, path => Assert.Matches($"^/organiser/workshops/{Bench}-kopio(-[0-9]+)?/edit$", path));
        Assert.Equal(10, editors.Distinct().Count());
        string[] expected = [$"{Bench}-kopio", .. Enumerable.Range(2, 9).Select(n => $"{Bench}-kopio-{n}")];
        var stored = await a.WithDbAsync(db => db.Workshops.Where(w => w.Slug.StartsWith(Bench + "-kopio")).Select(w => w.Slug).ToListAsync());
        Assert.Equal(expected.Order(), stored.Order());
    }
}
