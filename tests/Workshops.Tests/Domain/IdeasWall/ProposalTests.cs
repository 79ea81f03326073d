using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workshops.Tests.Exports;
using Workshops.Tests.Support;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Domain.IdeasWall;

/// <summary>
/// The ideas wall through the real forms (antiforgery tokens), a real SQLite file and a real SMTP server: a passer-by's
/// proposal on the bench café's stand page travels through moderation to the public page, the CSV, the results page and
/// the results email, exactly as typed.
/// </summary>
public sealed class ProposalTests : AppWithMailServer
{
    private const string Bench = Outcome.BenchCafe;

    private Task<List<Proposal>> StoredAsync() =>
        App.WithDbAsync(db => db.Proposals.AsNoTracking().OrderBy(p => p.Id).ToListAsync());

    [Fact]
    public async Task OnTheBenchCafesDayTheStandPageAlsoOffersTheWalkInFeedbackForm()
    {
        // The day before: proposals yes, feedback on the method not yet (there has been no bench café to judge).
        App.Time.SetUtcNow(new DateTimeOffset(2028, 6, 29, 9, 0, 0, TimeSpan.Zero));
        var before = await Html.GetAsync(App.Browser(), Outcome.StandPath());
        Assert.NotNull(before.QuerySelector("form.proposal-form"));
        Assert.Empty(before.QuerySelectorAll("a[href$='/feedback']"));

        // On its day, passers-by who stop at the stand can also say how the bench café worked for them.
        App.Time.SetUtcNow(new DateTimeOffset(2028, 6, 30, 9, 0, 0, TimeSpan.Zero));
        var visitor = App.Browser();
        var onTheDay = await Html.GetAsync(visitor, Outcome.StandPath());
        var link = Assert.Single(onTheDay.QuerySelectorAll("a[href$='/feedback']"));
        Assert.Equal($"/workshops/{Bench}/feedback", link.GetAttribute("href"));
        var feedback = await Html.GetAsync(visitor, link.GetAttribute("href")!);
        Assert.NotNull(feedback.QuerySelector("form[method=post]"));
    }

    [Fact]
    public async Task AProposalLeftOnTheStandPageWithoutRegisteringIsModeratedShownExportedAndTakenForwardToTheResults()
    {
        // The day after the bench café (results may be published then); the wall still takes proposals.
        App.Time.SetUtcNow(Outcome.AfterTheBenchCafe);

        // A passer-by, no account, no registration: the stand page thanks and shows an empty form again.
        var (response, thanked) = await Outcome.LeaveAsync(App.Browser(), new Dictionary<string, string?>
        {
            ["Proposal.Text"] = Outcome.Hostile,
            ["Proposal.Theme"] = "Hyvä työpaikka",
        });
        Assert.Equal(Outcome.StandPath(), response.RequestMessage!.RequestUri!.AbsolutePath); // redirected back (PRG)
        Assert.NotNull(thanked.QuerySelector(".thanks[role=status]"));
        Assert.Equal("", thanked.QuerySelector("#Proposal_Text")!.TextContent);
        var proposal = Assert.Single(await StoredAsync());
        Assert.Equal((Outcome.Hostile, "Hyvä työpaikka", ProposalState.New, (string?)null), (proposal.Text, proposal.Theme, proposal.State, proposal.Name));
        Assert.Equal(0, await App.WithDbAsync(db => db.Registrations.CountAsync()));

        // It waits for moderation, exactly as typed.
        var organiser = await Organisers.SignedInAsync(App);
        var list = await Html.GetAsync(organiser, $"/organiser/workshops/{Bench}/proposals");
        Assert.Equal(Outcome.Hostile, list.QuerySelector($"#p-{proposal.Id} .proposal-text")!.TextContent);
        Assert.Null((await Html.GetAsync(App.Browser(), $"/workshops/{Bench}")).QuerySelector(".proposal-list"));

        await Outcome.SubmitAsync(organiser, $"/organiser/workshops/{Bench}/proposals", $"#p-{proposal.Id} form[action*='handler=Approve']");
        Assert.Equal(ProposalState.Approved, Assert.Single(await StoredAsync()).State);

        // Approved is not yet public: the organiser decides that in the workshop's settings.
        Assert.Null((await Html.GetAsync(App.Browser(), $"/workshops/{Bench}")).QuerySelector(".proposal-list"));
        await Outcome.SubmitAsync(organiser, $"/organiser/workshops/{Bench}/edit", "main form", new Dictionary<string, string?> { ["Input.ProposalsPublic"] = "true" });
        var shown = await Html.GetAsync(App.Browser(), $"/workshops/{Bench}");
        Assert.Equal(Outcome.Hostile, shown.QuerySelector(".proposal-list .idea-text")!.TextContent);
        Assert.Contains("Hyvä työpaikka", shown.QuerySelector(".proposal-list .hint")!.TextContent);

        // In the CSV exactly as typed.
        var csv = await organiser.GetByteArrayAsync($"/organiser/workshops/{Bench}/proposals?handler=Csv");
        var rows = ExportTests.ParseCsv(Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
        Assert.Equal(Outcome.Hostile, rows[1][1]);
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Select(a => a.Detail).ToListAsync()), d => d == AuditDetail.Of(AuditDetailKind.ProposalsExported, "csv", 1).ToJson());

        // Taken forward, it is in the published results.
        await Outcome.SubmitAsync(organiser, $"/organiser/workshops/{Bench}/proposals", $"#p-{proposal.Id} form[action*='handler=Forward']");
        await Outcome.SubmitAsync(organiser, $"/organiser/workshops/{Bench}/results", "form[action*='handler=Save']", new Dictionary<string, string?>
        {
            ["Input.SummaryFi"] = "Hyvä työpaikka kuuntelee.",
            ["Input.Publish"] = "true",
        });
        var results = await Html.GetAsync(App.Browser(), $"/workshops/{Bench}/results");
        Assert.Equal(Outcome.Hostile, results.QuerySelector(".taken-forward .idea-text")!.TextContent);
        Assert.Contains("Hyvä työpaikka kuuntelee.", results.QuerySelector(".results-summary")!.TextContent);
        Assert.NotNull((await Html.GetAsync(App.Browser(), $"/workshops/{Bench}")).QuerySelector($".results-link a[href='/workshops/{Bench}/results']"));
    }

    [Fact]
    public async Task BadInputKeepsTheTextAndShowsEachErrorNextToItsField()
    {
        // A name without the consent, and a theme the workshop does not have: both errors at once, the text kept.
        var (_, page) = await Outcome.LeaveAsync(App.Browser(), new Dictionary<string, string?>
        {
            ["Proposal.Text"] = Outcome.Hostile,
            ["Proposal.Name"] = "Matti Meikäläinen",
            ["Proposal.Theme"] = "Ei tällaista teemaa",
        });
        Assert.Equal(Outcome.Hostile, page.QuerySelector("#Proposal_Text")!.TextContent);
        Assert.Equal("Matti Meikäläinen", page.QuerySelector<IHtmlInputElement>("#Proposal_Name")!.Value);
        Assert.Equal("Jos kerrot nimesi tai organisaatiosi, hyväksy tietojesi käsittely.", page.Text("#Proposal_Consent-error"));
        Assert.Equal("Valitse teema listasta.", page.Text("#Proposal_Theme-error"));
        Assert.Equal("true", page.QuerySelector("#Proposal_Consent")!.GetAttribute("aria-invalid"));
        Assert.Equal(["#Proposal_Theme", "#Proposal_Consent"], page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));

        // Too long: the message at the text, the text still there to shorten.
        var tooLong = new string('x', Proposal.TextMaxLength + 1);
        var (_, again) = await Outcome.LeaveAsync(App.Browser(), new Dictionary<string, string?> { ["Proposal.Text"] = tooLong });
        Assert.Equal(tooLong, again.QuerySelector("#Proposal_Text")!.TextContent);
        Assert.Equal($"Ehdotus voi olla enintään {Proposal.TextMaxLength} merkkiä pitkä.", again.Text("#Proposal_Text-error"));

        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task AFilledHoneypotStoresNothingButAnswersLikeASuccess()
    {
        var (response, page) = await Outcome.LeaveAsync(App.Browser(), new Dictionary<string, string?>
        {
            ["Proposal.Text"] = "Osta halpoja lääkkeitä",
            ["Proposal.Website"] = "https://spam.example",
        });

        Assert.Equal(Outcome.StandPath(), response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(page.QuerySelector(".thanks[role=status]"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task ANamedProposalNeedsTheConsentAndShowsTheNameOnlyWhenChosen()
    {
        await Outcome.LeaveAsync(App.Browser(), new Dictionary<string, string?>
        {
            ["Proposal.Text"] = "Joustavat työajat",
            ["Proposal.Name"] = "Maija Mehiläinen",
            ["Proposal.Organisation"] = "Porin kaupunki",
            ["Proposal.Consent"] = "true",
        });
        await Outcome.LeaveAsync(App.Browser(), new Dictionary<string, string?>
        {
            ["Proposal.Text"] = "Enemmän etätyötä",
            ["Proposal.Name"] = "Ville Vallaton",
            ["Proposal.ShowName"] = "true",
            ["Proposal.Consent"] = "true",
        });
        var stored = await StoredAsync();
        Assert.All(stored, p => Assert.NotNull(p.ConsentedAtUtc));
        await App.UpdateWorkshopAsync(Bench, w => w.IdeasWall.Public = true);
        await App.WithDbAsync(db => db.Proposals.ExecuteUpdateAsync(s => s.SetProperty(p => p.State, ProposalState.Approved)));

        var page = await Html.GetAsync(App.Browser(), $"/workshops/{Bench}");
        var shown = page.QuerySelector(".proposal-list")!.TextContent;
        Assert.DoesNotContain("Maija", shown);
        Assert.DoesNotContain("Porin kaupunki", shown);
        Assert.Contains("Ville Vallaton", shown);
    }

    [Fact]
    public async Task AProposalLeftOnTheWorkshopPageReturnsToItsIdeasWallWithAThankYou()
    {
        var visitor = App.Browser();
        var page = await Html.GetAsync(visitor, $"/workshops/{Bench}");
        var response = await Html.SubmitAsync(visitor, page, new Dictionary<string, string?> { ["Proposal.Text"] = "Kahvia joka kokoukseen" }, "form.proposal-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("#proposals .thanks"));
        Assert.Equal("Kahvia joka kokoukseen", Assert.Single(await StoredAsync()).Text);
        Assert.Equal(0, await App.WithDbAsync(db => db.Registrations.CountAsync())); // the registration form's empty fields were no errors
    }

    [Fact]
    public async Task AWorkshopWithoutAnIdeasWallHasNoStandPage()
    {
        var response = await App.Browser().GetAsync(Outcome.StandPath(RegistrationSteps.Rauma));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await Html.GetAsync(App.Browser(), $"/workshops/{RegistrationSteps.Rauma}")).QuerySelector(".proposal-form"));
    }

    [Fact]
    public async Task TheRetentionPurgeStripsNamesAndOrganisationsButKeepsTheText()
    {
        await Outcome.LeaveAsync(App.Browser(), new Dictionary<string, string?>
        {
            ["Proposal.Text"] = "Joustavat työajat",
            ["Proposal.Name"] = "Maija Mehiläinen",
            ["Proposal.Organisation"] = "Porin kaupunki",
            ["Proposal.ShowName"] = "true",
            ["Proposal.Consent"] = "true",
        });
        App.Time.SetUtcNow(new DateTimeOffset(2028, 10, 1, 9, 0, 0, TimeSpan.Zero)); // more than 90 days after 30.6.

        await App.Services.GetServices<IHostedService>().OfType<RetentionPurge>().Single().PurgeAsync(CancellationToken.None);

        var proposal = Assert.Single(await StoredAsync());
        Assert.Equal(("Joustavat työajat", (string?)null, (string?)null, false), (proposal.Text, proposal.Name, proposal.Organisation, proposal.ShowName));
        Assert.NotNull(proposal.ErasedAtUtc);
    }
}
