using Workshops.Web.Domain.IdeasWall;
using Workshops.Web.Pages.Workshops;

namespace Workshops.Web.Pages.Shared;

/// <summary>
/// The ideas wall's fields (<c>_ProposalFields</c>), shared by the workshop page and the stand page; <c>asp-for="Proposal.…"</c>
/// names them as both pages bind them.
/// </summary>
public sealed record ProposalFields(ProposalInput Proposal, IReadOnlyList<ProposalTheme> Themes)
{
    /// <summary>The name prefix of every field (the pages' bound property).</summary>
    public const string Prefix = "Proposal";

    /// <summary>The fields in form order, for the error summary.</summary>
    public static readonly string[] Names = ["Text", "Theme", "Group", "Name", "Organisation", "ShowName", "Consent"];
}
