using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Privacy;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// Moderating a flooded ideas wall through the real forms: the list is paged and filtered, so it stays small however
/// many proposals there are; ticked proposals are approved, hidden or deleted for good in one write each; a duplicate is
/// merged into a target found by a search rather than picked from a list of every proposal.
/// </summary>
public sealed class ProposalModerationTests : SignedInOrganiser
{
    private const string Bench = Outcome.BenchCafe;
    private const string ListPath = $"/organiser/workshops/{Bench}/proposals";

    /// <summary>Proposals straight into the database, oldest first (a flood arrives faster than any form would be used here).</summary>
    private async Task<List<int>> SeedAsync(int count, Func<int, string>? text = null)
    {
        var workshop = await App.WorkshopAsync(Bench);
        var now = App.Time.GetUtcNow().UtcDateTime;
        return await App.WithDbAsync(async db =>
        {
            var proposals = Enumerable.Range(0, count)
                .Select(i => Proposal.Create(workshop.Id, new ProposalRequest(text?.Invoke(i) ?? $"Ehdotus {i}", null, i % 7 == 0 ? $"Nimi {i}" : null, null, false, null, "fi"), now))
                .ToList();
            db.Proposals.AddRange(proposals);
            await db.SaveChangesAsync();
            return proposals.Select(p => p.Id).ToList();
        });
    }

    private Task<Dictionary<int, ProposalState>> StatesAsync() =>
        App.WithDbAsync(db => db.Proposals.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.State));

    private Task<List<string?>> AuditAsync(AuditAction action) =>
        App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == action).OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync());

    private static void Tick(IDocument page, params int[] ids)
    {
        foreach (var id in ids)
        {
            page.QuerySelector<IHtmlInputElement>($"#sel-{id}")!.IsChecked = true;
        }
    }

    [Fact]
    public async Task TheModerationPageOfTenThousandProposalsIsUnderAMegabyteAPageAtATime()
    {
        // Long texts, as a flood would leave them: the page must stay small because of what it leaves out, not the texts.
        var ids = await SeedAsync(10_000, i => $"Ehdotus {i}: " + string.Concat(Enumerable.Repeat("työhyvinvointia ja joustoa ", 20)));

        var response = await Organiser.GetAsync(ListPath);
        var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(bytes < 1_000_000, $"the moderation page of 10,000 proposals is {bytes:N0} bytes");
        var page = await Html.ParseAsync(response);
        Assert.Equal(50, page.QuerySelectorAll("table.proposals tbody tr").Length);
        Assert.Equal(ids[0], int.Parse(page.QuerySelector("table.proposals tbody tr")!.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(page.QuerySelectorAll("table.proposals select, table.proposals option"));
        Assert.Contains("Uusi (10000)", page.Text("nav.filters a[data-state='New']"));

        // The last page, and the page holding a given proposal (a merged one's link goes there).
        var last = await Html.GetAsync(Organiser, $"{ListPath}?state=New&pageNumber=200");
        Assert.Equal(ids[^1], int.Parse(last.QuerySelectorAll("table.proposals tbody tr").Last().GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture));
        var holding = await Html.GetAsync(Organiser, $"{ListPath}?at={ids[4321]}");
        Assert.NotNull(holding.QuerySelector($"#p-{ids[4321]}"));
    }

    [Fact]
    public async Task TickedProposalsAreApprovedOrHiddenTogetherInOneWriteWithAnAuditEntryEach()
    {
        var ids = await SeedAsync(60);
        var list = await Html.GetAsync(Organiser, ListPath);
        Tick(list, ids[0], ids[1], ids[2]);

        var after = await Html.ParseAsync(await Html.PressAsync(Organiser, list, "#bulk button[value='Approve']"));
        Assert.Contains("Hyväksyttiin 3 ehdotusta; 0 oli jo hyväksytty tai yhdistetty.", after.Text(".outcome"));
        var states = await StatesAsync();
        Assert.Equal(3, states.Count(s => s.Value == ProposalState.Approved));
        Assert.Equal(ids[..3].Select(i => AuditDetail.Of(AuditDetailKind.Proposal, i).ToJson()), await AuditAsync(AuditAction.ProposalApproved));

        // "Select all on this page" (a link: no script needed) ticks the page's 50, and hiding them is one press.
        var all = await Html.GetAsync(Organiser, after.QuerySelector("#bulk a")!.GetAttribute("href")!);
        Assert.Equal(50, all.QuerySelectorAll("input[name=ids]:checked").Length);
        var hidden = await Html.ParseAsync(await Html.PressAsync(Organiser, all, "#bulk button[value='Hide']"));
        Assert.Contains("Piilotettiin 50 ehdotusta", hidden.Text(".outcome"));
        states = await StatesAsync();
        Assert.Equal((50, 10), (states.Count(s => s.Value == ProposalState.Hidden), states.Count(s => s.Value == ProposalState.New)));
        Assert.Equal(50, (await AuditAsync(AuditAction.ProposalHidden)).Count);

        // The filter shows what is left to moderate.
        var remaining = await Html.GetAsync(Organiser, $"{ListPath}?state=New");
        Assert.Equal(ids[50..], remaining.QuerySelectorAll("table.proposals tbody tr").Select(r => int.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)));

        // Nothing ticked: a clear notice, nothing changed.
        var none = await Html.ParseAsync(await Html.PressAsync(Organiser, remaining, "#bulk button[value='Approve']"));
        Assert.Contains("Valitse ensin ehdotukset", none.Text(".outcome"));
        Assert.Equal(10, (await StatesAsync()).Count(s => s.Value == ProposalState.New));
    }

    [Fact]
    public async Task SpamIsDeletedForGoodAfterAConfirmationButWhatIsTakenForwardOrMergedIntoStays()
    {
        var ids = await SeedAsync(6);
        var (spam, spamDuplicate, forwarded, kept, keptsDuplicate, other) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]);
        await App.WithDbAsync(async db =>
        {
            var rows = await db.Proposals.ToDictionaryAsync(p => p.Id);
            var now = App.Time.GetUtcNow().UtcDateTime;
            Assert.True(rows[spamDuplicate].MergeInto(rows[spam], now));
            Assert.True(rows[forwarded].Approve(now) && rows[forwarded].MarkTakenForward(true, now));
            Assert.True(rows[keptsDuplicate].MergeInto(rows[kept], now));
            await db.SaveChangesAsync();
        });

        var list = await Html.GetAsync(Organiser, ListPath);
        Tick(list, spam, spamDuplicate, forwarded, kept);
        var confirm = await Html.ParseAsync(await Html.PressAsync(Organiser, list, "#bulk button.button-danger"));

        // The confirmation changes nothing and says which will stay.
        Assert.Equal(6, (await StatesAsync()).Count);
        Assert.Equal(4, confirm.QuerySelectorAll("ul.delete-list li").Length);
        Assert.Equal(
            [forwarded, kept],
            confirm.QuerySelectorAll("ul.delete-list li").Where(li => li.QuerySelector(".kept") is not null).Select(li => int.Parse(li.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)));

        var done = await Html.ParseAsync(await Html.SubmitAsync(Organiser, confirm, new Dictionary<string, string?>(), "form.delete-form"));
        Assert.Contains($"Poistettiin 2 ehdotusta pysyvästi. Näitä ei poistettu, koska ne on viety eteenpäin tai niihin on yhdistetty muita: {forwarded}, {kept}.", done.Text(".outcome"));
        Assert.Equal([forwarded, kept, keptsDuplicate, other], (await StatesAsync()).Keys.Order());
        Assert.Equal(
            new[] { spam, spamDuplicate }.Select(i => AuditDetail.Of(AuditDetailKind.Proposal, i).ToJson()).Order(),
            (await AuditAsync(AuditAction.ProposalDeleted)).Order());
    }

    [Fact]
    public async Task ADuplicateIsMergedIntoATargetFoundBySearchAndABadTargetGetsItsMessageAtTheField()
    {
        var ids = await SeedAsync(3, i => i switch { 0 => "Joustavat työajat", 1 => "joustavat työajat kaikille", _ => "Kahvia kokouksiin" });
        var (kept, duplicate) = (ids[0], ids[1]);
        var list = await Html.GetAsync(Organiser, ListPath);
        var mergePath = list.QuerySelector($"#p-{duplicate} a.merge-link")!.GetAttribute("href")!;

        var found = await Html.GetAsync(Organiser, $"{mergePath}?q=JOUSTAVAT");
        Assert.Equal([kept.ToString(System.Globalization.CultureInfo.InvariantCulture)], found.QuerySelectorAll("input[name='Input.Into']").Select(i => i.GetAttribute("value")));

        // A number not of this workshop, and the duplicate itself (hand-made posts): refused at the field, nothing merged.
        foreach (var (target, message) in new[] { (99_999, "Tämän työpajan ehdotuksissa ei ole numeroa 99999."), (duplicate, $"Ehdotusta {duplicate} ei voi yhdistää ehdotukseen {duplicate}") })
        {
            var refused = await Html.SubmitAsync(Organiser, found, new Dictionary<string, string?> { ["Input.Into"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form.merge-form");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.StartsWith(message, (await Html.ParseAsync(refused)).Text("#Input_Into-error"));
        }

        Assert.Equal(ProposalState.New, (await StatesAsync())[duplicate]);
        var choose = found.QuerySelector<IHtmlInputElement>("#Input_Into")!;
        choose.IsChecked = true;
        var merged = await Html.SubmitAsync(Organiser, found, new Dictionary<string, string?>(), "form.merge-form");
        Assert.Equal(ListPath, merged.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"Ehdotus {duplicate} yhdistettiin ehdotukseen {kept}.", (await Html.ParseAsync(merged)).Text(".outcome"));
        var stored = await App.WithDbAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == duplicate));
        Assert.Equal((ProposalState.Merged, (int?)kept), (stored.State, stored.MergedIntoId));
        Assert.Single(await AuditAsync(AuditAction.ProposalMerged));
    }
}
