using Workshops.Tests.Support;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Domain.Registrations;

/// <summary>
/// The venue codes' keys (<c>Workshop.CheckInKey</c>): a workshop from before venue codes gets one when the site starts
/// (<c>CheckInService.FillMissingKeysAsync</c>), and a key once given never changes, so a code on the door's screen
/// stays valid across a restart. On the real app over a real SQLite file, started twice.
/// </summary>
public sealed class VenueCodeKeyTests
{
    [Fact]
    public async Task AWorkshopWithoutAKeyGetsOneAtStartUpAndNoKeyChangesAcrossARestart()
    {
        using var folder = new TestFolder();
        byte[] cafeKey;
        using (var first = new WorkshopsFactory(folder))
        {
            await first.UpdateWorkshopAsync(RegistrationSteps.Rauma, w => w.CheckInKey = null); // as if made before venue codes
            Assert.Null((await first.WorkshopAsync(RegistrationSteps.Rauma)).CheckInKey);
            cafeKey = (await first.WorkshopAsync(Outcome.BenchCafe)).CheckInKey!;
        }

        using var second = new WorkshopsFactory(folder);
        var rauma = await second.WorkshopAsync(RegistrationSteps.Rauma);

        Assert.Equal(CheckInCode.KeyBytes, rauma.CheckInKey!.Length);
        Assert.NotEqual(cafeKey, rauma.CheckInKey);
        Assert.Equal(cafeKey, (await second.WorkshopAsync(Outcome.BenchCafe)).CheckInKey);
    }
}
