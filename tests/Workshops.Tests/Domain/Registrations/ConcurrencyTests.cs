using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;

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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task FortySimultaneousRegistrationsForAHybridWorkshopFillEachModeExactlyAndQueueTheRestPerMode(DatabaseProvider provider)
    {
        using var app = new WorkshopsFactory(new TestFolder(provider), services: s => s.AddSingleton<IInterceptor>(new WidenTheRaceWindow()));
        const string slug = "rauma-yksinaisyys";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Workshops\" SET \"Format\" = 'Hybrid', \"Capacity\" = 5, \"Hybrid_OnlineCapacity\" = 5 WHERE \"Slug\" = {0}", slug));

        // Half choose on site, half online; everyone opens the form first, then all press the button at once.
        var people = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var browser = app.Browser();
            return (Browser: browser, Form: await Html.GetAsync(browser, $"/workshops/{slug}"), Email: $"person{i:00}@example.fi", Mode: i % 2 == 0 ? "OnSite" : "Online");
        }));
        using var start = new SemaphoreSlim(0);
        var submissions = people.Select(async p =>
        {
            await start.WaitAsync();
            var values = People.Registration(email: p.Email);
            values["Input.Mode"] = p.Mode;
            return await Html.SubmitAsync(p.Browser, p.Form, values);
        }).ToList();
        start.Release(people.Length);
        Assert.All(await Task.WhenAll(submissions), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var rows = await app.WithDbAsync(db => db.Registrations.AsNoTracking().Where(r => r.Workshop!.Slug == slug)
            .Select(r => new { r.Mode, r.Status }).ToListAsync());
        Assert.Equal(40, rows.Count);
        foreach (var mode in new[] { AttendanceMode.OnSite, AttendanceMode.Online })
        {
            Assert.Equal(5, rows.Count(r => r.Mode == mode && r.Status == RegistrationStatus.Confirmed));
            Assert.Equal(15, rows.Count(r => r.Mode == mode && r.Status == RegistrationStatus.Waitlisted));
        }
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
