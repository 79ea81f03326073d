using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Tests.Domain.Registrations;

/// <summary>
/// Cancelling and correcting end at the start, for the person and an organiser alike, and an arrival is never cancelled:
/// decided inside the write transaction (<see cref="RegistrationPolicy.MayCancel"/>), whatever a page showed.
/// </summary>
public sealed class RegistrationLifeTests : IDisposable
{
    private const string Rauma = RegistrationSteps.Rauma;
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnOrganisersCancelAfterTheStartIsRefusedInsideTheTransaction()
    {
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino", "aino@example.fi"));
        var aino = await FeedbackSteps.PersonAsync(_app, "aino@example.fi");
        var rauma = await _app.WorkshopAsync(Rauma);
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 5, 31, 0, 0, 0))); // an all-day workshop starts at 00.00

        await using var scope = _app.Services.CreateAsyncScope();
        var registrations = scope.ServiceProvider.GetRequiredService<RegistrationService>();
        Assert.Equal(CancelOutcome.TooLate, (await registrations.CancelAsync(rauma.Id, aino.Id, Organisers.Email)).Outcome);
        Assert.Equal(CancelOutcome.TooLate, await registrations.CancelAsync(aino.Id));
        Assert.Equal(RegistrationStatus.Confirmed, (await FeedbackSteps.PersonAsync(_app, "aino@example.fi")).Status);
    }

    [Fact]
    public async Task SomeoneCheckedInBeforeTheStartIsNotCancelledByAnyone()
    {
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino", "aino@example.fi"));
        var aino = await FeedbackSteps.PersonAsync(_app, "aino@example.fi");
        var rauma = await _app.WorkshopAsync(Rauma);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CheckInService>().SetCheckedInAsync(aino.Id, true, Organisers.Email));

        var registrations = scope.ServiceProvider.GetRequiredService<RegistrationService>();
        Assert.Equal(CancelOutcome.Attended, await registrations.CancelAsync(aino.Id));
        Assert.Equal(CancelOutcome.Attended, (await registrations.CancelAsync(rauma.Id, aino.Id, Organisers.Email)).Outcome);
        Assert.Equal(RegistrationStatus.Confirmed, (await FeedbackSteps.PersonAsync(_app, "aino@example.fi")).Status);
    }

    [Fact]
    public async Task CorrectingIsRefusedInsideTheTransactionFromTheStartOn()
    {
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino", "aino@example.fi"));
        var aino = await FeedbackSteps.PersonAsync(_app, "aino@example.fi");
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 5, 31, 0, 0, 0)));

        await using var scope = _app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<RegistrationService>()
            .CorrectDetailsAsync(aino.Id, new RegistrantDetails("Aino Uusi", null, HelixGroup.Citizen, null));

        Assert.Equal(CorrectionOutcome.TooLate, outcome.Outcome);
        Assert.Equal("Aino", (await FeedbackSteps.PersonAsync(_app, "aino@example.fi")).Name);
    }
}
