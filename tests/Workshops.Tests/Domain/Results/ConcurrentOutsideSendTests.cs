using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain.Results;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Results;

/// <summary>
/// The hourly budget of sends to outside recipients holds when one organiser presses "send" at once on two app instances
/// over one database, for two workshops (whose workshop locks do not serialise each other): the count and the send are
/// one step under a lock every instance takes. Two in-process hosts are two instances here.
/// </summary>
public sealed class ConcurrentOutsideSendTests
{
    private const string Bench = "suomiareena-penkkikahvila";
    private const string Rauma = "rauma-yksinaisyys";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task TwentySendsAtOnceOnTwoInstancesQueueNoMoreThanTheHourlyBudget(DatabaseProvider provider)
    {
        using var folder = new TestFolder(provider);
        using var a = new WorkshopsFactory(folder);
        var onA = await Organisers.SignedInAsync(a);
        using var b = new WorkshopsFactory(folder);
        var onB = b.Browser();
        await Organisers.SubmitSignInAsync(onB, Organisers.Email, Organisers.Password);
        var now = a.Time.GetUtcNow().UtcDateTime;
        await a.WithDbAsync(async db =>
        {
            foreach (var slug in new[] { Bench, Rauma })
            {
                var workshop = await db.Workshops.SingleAsync(w => w.Slug == slug);
                db.OutsideRecipients.AddRange(Enumerable.Range(0, 10).Select(i => OutsideRecipient.Create(workshop.Id, $"Vieras {i}", $"{slug}-{i}@example.net", "fi", Organisers.Email, now)));
            }

            await db.SaveChangesAsync();
        });

        var presses = new List<(HttpClient Client, AngleSharp.Dom.IDocument Page, string Email)>();
        foreach (var (slug, i) in new[] { Bench, Rauma }.SelectMany(s => Enumerable.Range(0, 10).Select(i => (s, i))))
        {
            var client = i % 2 == 0 ? onA : onB;
            presses.Add((client, await Html.GetAsync(client, $"/organiser/workshops/{slug}/results"), $"{slug}-{i}@example.net"));
        }

        var answers = await Task.WhenAll(presses.Select(p =>
            Html.SubmitAsync(p.Client, p.Page, new Dictionary<string, string?>(), $"tr[data-email='{p.Email}'] form.send-recipient")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var queued = await a.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == EmailKind.Results));
        Assert.Equal(5, queued);
        Assert.Equal(5, await a.WithDbAsync(db => db.ResultsMailings.CountAsync(m => m.ToOutsideRecipient && m.SentBy == Organisers.Email)));
    }
}
