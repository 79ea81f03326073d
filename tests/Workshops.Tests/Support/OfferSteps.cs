using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Web.Domain.Offers;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Pages.Organiser.Workshops;

namespace Workshops.Tests.Support;

/// <summary>Arranges a workshop's offer and group settings through the workshop service, and runs or reads the offers.</summary>
public static class OfferSteps
{
    /// <summary>Saves the workshop as its editor would, with the given changes (null keeps what it has).</summary>
    public static async Task SettingsAsync(WorkshopsFactory app, string slug, bool? offers = null, int? hours = null, int? capacity = null, int? maxPeople = null)
    {
        var workshop = await app.WorkshopAsync(slug);
        var input = WorkshopInput.From(workshop);
        input.OffersEnabled = offers ?? input.OffersEnabled;
        input.OfferHours = hours ?? input.OfferHours;
        input.Capacity = capacity ?? input.Capacity;
        input.MaxGroupSize = maxPeople ?? input.MaxGroupSize;
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<WorkshopService>().UpdateAsync(workshop.Id, input.ToDetails(workshop.Slug), Organisers.Email);
        Assert.True(outcome.Found);
    }

    /// <summary>One run of the expiry job's work, as the job does it.</summary>
    public static async Task<int> ExpireDueAsync(WorkshopsFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfferService>().ExpireDueAsync();
    }

    /// <summary>The offers of a workshop, in the order they were made, with their registrations.</summary>
    public static Task<List<SeatOffer>> OffersAsync(WorkshopsFactory app, string slug) =>
        app.WithDbAsync(db => db.SeatOffers.AsNoTracking().Include(o => o.Registration)
            .Where(o => o.Registration!.Workshop!.Slug == slug).OrderBy(o => o.Id).ToListAsync());

    /// <summary>Who holds what in a workshop, by email (the statuses as stored).</summary>
    public static async Task<Dictionary<string, string>> StatusesAsync(WorkshopsFactory app, string slug) =>
        (await app.RegistrationsInFileAsync(slug)).GroupBy(r => r.Email).ToDictionary(g => g.Key, g => g.Last().Status);
}
