using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Data;

namespace Workshops.Tests.Domain.Registrations;

public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task SixtySimultaneousRegistrationsForTenSeatsConfirmExactlyTenAndQueueTheRestInArrivalOrder(DatabaseProvider provider)
    {
        using var app = new WorkshopsFactory(new TestFolder(provider), services: s => s.AddSingleton<IInterceptor>(new WidenTheRaceWindow()));
        const string slug = "rauma-yksinaisyys";
        await app.UpdateWorkshopAsync(slug, w => w.Capacity = 10);

        // Everyone opens the form first (own browser, own antiforgery token), then all press the button at once.
        var people = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var browser = app.Browser();
            return (Browser: browser, Form: await Html.GetAsync(browser, $"/workshops/{slug}"), Email: $"person{i:00}@example.fi");
        }));
        using var start = new SemaphoreSlim(0);
        var submissions = people.Select(async p =>
        {
            await start.WaitAsync();
            var response = await Html.SubmitAsync(p.Browser, p.Form, People.Registration(email: p.Email));
            return (p.Email, Response: response, Page: await Html.ParseAsync(response));
        }).ToList();
        start.Release(people.Length);
        var results = await Task.WhenAll(submissions);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode));
        var rows = await app.RegistrationsInFileAsync(slug);
        Assert.Equal(60, rows.Count);
        Assert.Equal(60, rows.Select(r => r.Email).Distinct().Count());
        Assert.Equal(10, rows.Count(r => r.Status == "Confirmed"));
        Assert.Equal(50, rows.Count(r => r.Status == "Waitlisted"));

        // Arrival order is commit order: the first ten rows hold the seats, the rest queue behind them.
        Assert.All(rows.Take(10), r => Assert.Equal("Confirmed", r.Status));
        Assert.All(rows.Skip(10), r => Assert.Equal("Waitlisted", r.Status));

        // What each person was told matches what was stored, with waiting-list positions 1..50.
        var told = results.ToDictionary(r => r.Email, r => r.Page.Text("h1"));
        Assert.All(rows, r => Assert.Equal(r.Status == "Confirmed" ? "Paikkasi on vahvistettu" : "Olet jonossa", told[r.Email]));
        var positions = results
            .Where(r => r.Page.Text("h1") == "Olet jonossa")
            .Select(r => int.Parse(System.Text.RegularExpressions.Regex.Match(r.Page.Text(".outcome"), @"sijalla (\d+)\.").Groups[1].Value))
            .Order()
            .ToList();
        Assert.Equal(Enumerable.Range(1, 50), positions);
    }

    /// <summary>
    /// Fault injection: pauses every seat count briefly, so that code which counts and then inserts
    /// without holding the write lock would let several requests see the same free seat.
    /// (Checked: with the write gate and the transaction removed, this test fails with 40-50 confirmed.)
    /// </summary>
    private sealed class WidenTheRaceWindow : DbCommandInterceptor
    {
        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("'Confirmed'", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(15), cancellationToken);
            }

            return result;
        }
    }
}
