using Microsoft.Extensions.Localization;
using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Exports;
using Workshops.Web.Localization;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>The proposals of one workshop as the moderation list and its downloads show them. Labels are OrganiserResource keys.</summary>
public static class ProposalList
{
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
