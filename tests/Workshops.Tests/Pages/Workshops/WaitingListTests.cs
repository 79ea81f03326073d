using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>A full workshop in the browser: the next person is offered, and gets, a place on the waiting list.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", "Browser")]
public sealed class WaitingListTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string Rauma = "rauma-yksinaisyys";
    private ServedApp _site = null!;

    public Task InitializeAsync()
    {
        _site = ServedApp.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task WhenTheOnlySeatIsTakenTheNextPersonSeesTheWaitingList()
    {
        await _site.App.UpdateWorkshopAsync(Rauma, w => w.Capacity = 1);

        await using var firstVisitor = await chromium.NewVisitorAsync(_site);
        var first = await firstVisitor.NewPageAsync();
        await Visitor.RegisterAsync(first, Rauma, "Aino Ääkkönen", "aino@example.fi");
        Assert.Equal("Paikkasi on vahvistettu", await first.Locator("h1").InnerTextAsync());

        await using var secondVisitor = await chromium.NewVisitorAsync(_site);
        var second = await secondVisitor.NewPageAsync();
        await second.OpenAsync($"/workshops/{Rauma}");
        Assert.Contains("Täynnä – ilmoittaudu jonoon", await second.Locator(".facts").InnerTextAsync());
        await Visitor.RegisterAsync(second, Rauma, "Bertil Blom", "bertil@example.fi");
        Assert.Equal("Olet jonossa", await second.Locator("h1").InnerTextAsync());
        Assert.Contains("Olet jonossa sijalla 1.", await second.Locator("[role=status]").InnerTextAsync());
    }
}
