using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Workshops;

/// <summary>
/// The ideas wall under load and caching: its own rate limit on the stand page, a ceiling per workshop that holds across
/// addresses, and the public page updated at once.
/// </summary>
public sealed class ProposalLimitsTests
{
    [Fact]
    public async Task TheStandPageHasItsOwnRateLimitAndTheRegistrationFormKeepsItsBudget()
    {
        using var app = new WorkshopsFactory(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:Proposal:PermitLimit"] = "2",
            ["RateLimiting:Proposal:WindowSeconds"] = "600",
        });
        var tablet = app.Browser();
        for (var i = 0; i < 2; i++)
        {
            await Outcome.LeaveAsync(tablet, new Dictionary<string, string?> { ["Proposal.Text"] = $"Ehdotus {i}" });
        }

        var page = await Html.GetAsync(tablet, Outcome.StandPath()); // reading is never limited
        var refused = await Html.SubmitAsync(tablet, page, new Dictionary<string, string?> { ["Proposal.Text"] = "Kolmas" }, "form.proposal-form");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Proposals.CountAsync()));

        // The same address may still register: the registration form counts against its own limit.
        var form = await Html.GetAsync(tablet, $"/workshops/{RegistrationSteps.Rauma}");
        Assert.Equal(HttpStatusCode.OK, (await Html.SubmitAsync(tablet, form, People.Registration())).StatusCode);
    }

    [Fact]
    public async Task AFloodFromManyAddressesIsHeldToTheWorkshopsCeilingAndEachPersonIsAskedToTryAgainShortly()
    {
        // The defaults: 20 proposals a minute per workshop, whatever the address (each address here posts once, well
        // within its own limit, as a flood spread over many addresses does).
        using var app = new WorkshopsFactory(
            settings: new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "true" },
            services: s => s.AddSingleton<IStartupFilter, ClientAddress>());
        HttpClient From(int i)
        {
            var browser = app.Browser();
            browser.DefaultRequestHeaders.Add(ClientAddress.Header, $"198.51.{i / 200}.{(i % 200) + 1}");
            return browser;
        }

        for (var i = 0; i < 60; i++)
        {
            var (_, page) = await Outcome.LeaveAsync(From(i), new Dictionary<string, string?> { ["Proposal.Text"] = $"Roskaa {i}" });
            if (i < 20)
            {
                Assert.NotNull(page.QuerySelector(".thanks"));
            }
            else
            {
                Assert.Contains("yritä hetken päästä uudelleen", page.Text("#Proposal_Text-error"));
                Assert.Equal($"Roskaa {i}", page.QuerySelector("#Proposal_Text")!.TextContent); // the text is kept
            }
        }

        Assert.Equal(20, await app.WithDbAsync(db => db.Proposals.CountAsync()));

        // A minute later the wall takes proposals again.
        app.Time.Advance(TimeSpan.FromSeconds(61));
        var (_, later) = await Outcome.LeaveAsync(From(100), new Dictionary<string, string?> { ["Proposal.Text"] = "Oikea ehdotus" });
        Assert.NotNull(later.QuerySelector(".thanks"));
        Assert.Equal(21, await app.WithDbAsync(db => db.Proposals.CountAsync()));
    }

    [Fact]
    public async Task ApprovingOrHidingAProposalChangesTheCachedPublicPageAtOnce()
    {
        using var app = new WorkshopsFactory();
        await app.UpdateWorkshopAsync(Outcome.BenchCafe, w => w.IdeasWall.Public = true);
        await Outcome.LeaveAsync(app.Browser(), new Dictionary<string, string?> { ["Proposal.Text"] = "Kiireetön kahvitauko" });
        var id = await app.WithDbAsync(db => db.Proposals.Select(p => p.Id).SingleAsync());
        var publicPage = $"/workshops/{Outcome.BenchCafe}";
        Assert.Null((await Html.GetAsync(app.Browser(), publicPage)).QuerySelector(".proposal-list")); // cached without it

        var organiser = await Organisers.SignedInAsync(app);
        await Outcome.SubmitAsync(organiser, $"/organiser/workshops/{Outcome.BenchCafe}/proposals", $"#p-{id} form[action*='handler=Approve']");
        Assert.Equal("Kiireetön kahvitauko", (await Html.GetAsync(app.Browser(), publicPage)).Text(".proposal-list .idea-text"));

        await Outcome.SubmitAsync(organiser, $"/organiser/workshops/{Outcome.BenchCafe}/proposals", $"#p-{id} form[action*='handler=Hide']");
        Assert.Null((await Html.GetAsync(app.Browser(), publicPage)).QuerySelector(".proposal-list"));
    }
}
