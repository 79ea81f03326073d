using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Exports;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>The proposals of one workshop as the moderation list and its downloads show them. Labels are OrganiserResource keys.</summary>
public static class ProposalList
{
    /// <summary>Rows on one page of the moderation list: whatever a flood left, the page stays small and quick.</summary>
    public const int PageSize = 50;

    /// <summary>The filters of the moderation list, in the order they are offered (null = every proposal).</summary>
    public static readonly IReadOnlyList<ProposalState?> Filters = [null, ProposalState.New, ProposalState.Approved, ProposalState.Hidden, ProposalState.Merged];

    /// <summary>The label of a filter (OrganiserResource key).</summary>
    public static string Filter(ProposalState? state) => state is { } s ? State(s) : "Kaikki";

    /// <summary>Why a proposal was kept when deleting (OrganiserResource key).</summary>
    public static string Kept(ProposalKept reason) => reason switch
    {
        ProposalKept.TakenForward => "Viety eteenpäin",
        _ => "siihen on yhdistetty muita",
    };

    public static string State(ProposalState state) => state switch
    {
        ProposalState.New => "Uusi",
        ProposalState.Approved => "Hyväksytty",
        ProposalState.Hidden => "Piilotettu",
        _ => "Yhdistetty",
    };

    /// <summary>Every proposal with all it holds (names included: the download is for organisers, and audited).</summary>
    public static ExportTable ToTable(Workshop workshop, IAsyncEnumerable<Proposal> rows, IStringLocalizer l)
    {
        string[] headers = ["Nro", "Ehdotus", "Teema", "Nimi", "Organisaatio", "Nimi julkinen", "Ryhmä", "Kieli", "Tila", "Viety eteenpäin", "Yhdistetty ehdotukseen", "Jätetty"];
        return new ExportTable(
            workshop.Slug,
            headers.Select(h => l[h].Value).ToList(),
            rows.Select(p => (IReadOnlyList<object?>)
            [
                p.Id,
                p.Text,
                p.Theme,
                p.Name,
                p.Organisation,
                p.ShowName ? l["Kyllä"].Value : l["Ei"].Value,
                p.Group is { } group ? l[Labels.Group(group)].Value : null,
                p.Language,
                l[State(p.State)].Value,
                p.TakenForward ? l["Kyllä"].Value : l["Ei"].Value,
                p.MergedIntoId,
                OrganiserFormat.Local(p.CreatedAtUtc),
            ]));
    }
}
