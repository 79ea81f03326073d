using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Offers;

/// <summary>
/// Answers to one offer arriving together, and an accept racing the expiry: decided under the workshop's lock, so exactly
/// one seat is given and each message is queued once (SQLite here, PostgreSQL's row lock in the subclass).
/// </summary>
public class OfferConcurrencyTests : AppWithMailServer
{
    private const string Rauma = RegistrationSteps.Rauma;

    [Fact]
    public async Task TenSimultaneousAcceptsGiveOneSeatAndOneConfirmation()
    {
        var bertil = await OfferToBertilAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => InScopeAsync(offers => offers.AcceptAsync(bertil))));

        Assert.Equal(1, answers.Count(a => a == OfferAnswer.Accepted));
        Assert.All(answers.Where(a => a != OfferAnswer.Accepted), a => Assert.Equal(OfferAnswer.AlreadyAnswered, a));
        Assert.Equal(1, await QueuedAsync(bertil, EmailKind.Confirmed));
        var workshop = await App.WorkshopAsync(Rauma);
        Assert.Equal(1, await App.WithDbAsync(db => db.SeatsTakenAsync(workshop.Id)));
        Assert.Equal(OfferState.Accepted, Assert.Single(await OfferSteps.OffersAsync(App, Rauma)).State);
    }

    [Fact]
    public async Task AnAcceptRacingTheExpiryAtTheDeadlineLosesAndTheSeatPassesOnOnce()
    {
        var bertil = await OfferToBertilAsync();
        var offer = Assert.Single(await OfferSteps.OffersAsync(App, Rauma));
        App.Time.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(offer.ExpiresAtUtc, DateTimeKind.Utc)));

        var accepts = Enumerable.Range(0, 6).Select(_ => InScopeAsync(offers => offers.AcceptAsync(bertil))).ToList();
        var expiries = Enumerable.Range(0, 6).Select(_ => OfferSteps.ExpireDueAsync(App)).ToList();
        await Task.WhenAll([.. accepts, .. expiries]);

        Assert.DoesNotContain(OfferAnswer.Accepted, accepts.Select(a => a.Result));
        // Whoever came first (an accept, a run here or the hosted job woken by the clock) ended it; the others found it ended.
        Assert.True(expiries.Sum(e => e.Result) <= 1);

        Assert.Equal(1, await QueuedAsync(bertil, EmailKind.OfferExpired));
        Assert.Equal(0, await QueuedAsync(bertil, EmailKind.Confirmed));
        var offers = await OfferSteps.OffersAsync(App, Rauma);
        Assert.Equal([OfferState.Expired, OfferState.Open], offers.Select(o => o.State));
        Assert.Equal("cecilia@example.fi", offers[1].Registration!.Email);
        Assert.Equal(1, await QueuedAsync(offers[1].RegistrationId, EmailKind.SeatOffered));
        Assert.Equal("Cancelled", (await OfferSteps.StatusesAsync(App, Rauma))["bertil@example.fi"]);
    }

    [Fact]
    public async Task AnAcceptRacingTheExpiryJustBeforeTheDeadlineWinsAndTheJobEndsNothing()
    {
        var bertil = await OfferToBertilAsync();
        var offer = Assert.Single(await OfferSteps.OffersAsync(App, Rauma));
        App.Time.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(offer.ExpiresAtUtc.AddSeconds(-1), DateTimeKind.Utc)));

        var accepts = Enumerable.Range(0, 6).Select(_ => InScopeAsync(offers => offers.AcceptAsync(bertil))).ToList();
        var expiries = Enumerable.Range(0, 6).Select(_ => OfferSteps.ExpireDueAsync(App)).ToList();
        await Task.WhenAll([.. accepts, .. expiries]);

        Assert.Equal(1, accepts.Count(a => a.Result == OfferAnswer.Accepted));
        Assert.All(expiries, e => Assert.Equal(0, e.Result));
        Assert.Equal(1, await QueuedAsync(bertil, EmailKind.Confirmed));
        Assert.Equal(0, await QueuedAsync(bertil, EmailKind.OfferExpired));
        Assert.Equal("Confirmed", (await OfferSteps.StatusesAsync(App, Rauma))["bertil@example.fi"]);
    }

    /// <summary>Capacity 1, offers on: Aino confirmed, Bertil and Cecilia waiting; Aino cancels, so Bertil holds an offer.</summary>
    private async Task<int> OfferToBertilAsync()
    {
        await OfferSteps.SettingsAsync(App, Rauma, offers: true, hours: 24, capacity: 1);
        await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request("Aino", "aino@example.fi"));
        var bertil = (await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request("Bertil", "bertil@example.fi"))).RegistrationId!.Value;
        await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request("Cecilia", "cecilia@example.fi"));
        var aino = await App.WithDbAsync(db => db.Registrations.Where(r => r.Email == "aino@example.fi").Select(r => r.Id).SingleAsync());
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Web.Domain.Registrations.RegistrationService>().CancelAsync(aino);
        Assert.True(Assert.Single(await OfferSteps.OffersAsync(App, Rauma)).IsOpen);
        return bertil;
    }

    private async Task<T> InScopeAsync<T>(Func<OfferService, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OfferService>());
    }

    private Task<int> QueuedAsync(int registrationId, EmailKind kind) =>
        App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.RegistrationId == registrationId && e.Kind == kind));
}

public sealed class OfferConcurrencyTestsOnPostgreSQL : OfferConcurrencyTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}
