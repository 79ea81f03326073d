using Workshops.Web.Domain.Workshops;

namespace Workshops.Web.Domain.IdeasWall;

/// <summary>Where a proposal stands in moderation.</summary>
public enum ProposalState
{
    /// <summary>Just left; only organisers see it.</summary>
    New = 0,

    /// <summary>Accepted by an organiser: may be shown publicly (when the workshop allows it) and taken forward.</summary>
    Approved = 1,

    /// <summary>Kept out of every public list (off topic, abusive, a test); still in the export.</summary>
    Hidden = 2,

    /// <summary>A duplicate folded into another proposal (<see cref="Proposal.MergedIntoId"/>).</summary>
    Merged = 3,
}

/// <summary>Why a proposal may not be deleted for good (<see cref="Proposal.WhyKept"/>).</summary>
public enum ProposalKept
{
    /// <summary>It is in the results, which may have been published or emailed: take the mark off (or hide it) first.</summary>
    TakenForward,

    /// <summary>Other proposals were merged into it: deleting it would leave them pointing nowhere. Delete those first.</summary>
    HasDuplicates,
}

/// <summary>What a visitor typed into the ideas wall (the workshop page or the stand page).</summary>
public sealed record ProposalRequest(string Text, string? Theme, string? Name, string? Organisation, bool ShowName, HelixGroup? Group, string Language);

/// <summary>
/// One wish or proposal left at a workshop (the SuomiAreena bench café collects them to take to decision-makers).
/// Anonymous by default: it is personal data only when a name or an organisation was given
/// (<see cref="HasPersonalData"/>), and the retention purge strips those (<see cref="ErasePersonalData"/>).
/// Transitions: New → Approved or Hidden (and back between the two); Approved may be marked taken forward;
/// New, Approved or Hidden may be merged into another proposal, which is final. Deleting for good (spam) is refused
/// while it is taken forward or is the target of a merge (<see cref="WhyKept"/>).
/// </summary>
public sealed class Proposal
{
    public const int TextMaxLength = 2000;
    public const int NameMaxLength = 200;
    public const int OrganisationMaxLength = 200;
    public const int ThemeMaxLength = 200;

    public int Id { get; set; }
    public Guid WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public string Text { get; set; } = "";

    /// <summary>The theme's Finnish name as the organiser wrote it (the key across languages); null = no theme.</summary>
    public string? Theme { get; set; }
    public string? Name { get; set; }
    public string? Organisation { get; set; }

    /// <summary>The person chose to show their name with the proposal on public pages.</summary>
    public bool ShowName { get; set; }
    public HelixGroup? Group { get; set; }

    /// <summary>The language the proposal was left in (fi/sv/en).</summary>
    public string Language { get; set; } = "fi";
    public ProposalState State { get; set; }
    public bool TakenForward { get; set; }
    public int? MergedIntoId { get; set; }

    /// <summary>Set only when a name was given: the moment the person accepted the privacy notice.</summary>
    public DateTime? ConsentedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ModeratedAtUtc { get; set; }
    public DateTime? ErasedAtUtc { get; set; }

    /// <summary>
    /// The key of the form submission that left it (unique): the same form posted again stores nothing more. Null for
    /// proposals left before forms carried keys.
    /// </summary>
    public Guid? FormKey { get; set; }

    public bool HasPersonalData => Name is not null || Organisation is not null;

    /// <summary>The name shown publicly: only when given and chosen to be shown.</summary>
    public string? PublicName => ShowName ? Name : null;

    /// <summary>A new proposal (state New), left by the form submission <paramref name="formKey"/>. Texts are trimmed; blank optional texts become null.</summary>
    /// <exception cref="ArgumentException">An empty text.</exception>
    public static Proposal Create(Guid workshopId, ProposalRequest request, DateTime nowUtc, Guid? formKey = null)
    {
        var text = request.Text.Trim();
        if (text.Length == 0)
        {
            throw new ArgumentException("A proposal needs a text.", nameof(request));
        }

        var name = TextRules.Blank(request.Name);
        var organisation = TextRules.Blank(request.Organisation);
        return new Proposal
        {
            WorkshopId = workshopId,
            Text = text,
            Theme = TextRules.Blank(request.Theme),
            Name = name,
            Organisation = organisation,
            ShowName = name is not null && request.ShowName,
            Group = request.Group,
            Language = request.Language,
            State = ProposalState.New,
            ConsentedAtUtc = name is not null || organisation is not null ? nowUtc : null,
            CreatedAtUtc = nowUtc,
            FormKey = formKey,
        };
    }

    /// <summary>Accepts the proposal. False when it is already approved or was merged.</summary>
    public bool Approve(DateTime nowUtc) => MoveTo(ProposalState.Approved, nowUtc);

    /// <summary>Keeps it off public pages; it is no longer taken forward. False when already hidden or merged.</summary>
    public bool Hide(DateTime nowUtc)
    {
        if (!MoveTo(ProposalState.Hidden, nowUtc))
        {
            return false;
        }

        TakenForward = false;
        return true;
    }

    /// <summary>Marks an approved proposal as taken forward (to the results) or not. False when not approved or unchanged.</summary>
    public bool MarkTakenForward(bool takenForward, DateTime nowUtc)
    {
        if (State != ProposalState.Approved || TakenForward == takenForward)
        {
            return false;
        }

        TakenForward = takenForward;
        ModeratedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Folds this duplicate into <paramref name="target"/> of the same workshop; final.</summary>
    /// <returns>False when this one is already merged, or the target is itself, merged or of another workshop.</returns>
    public bool MergeInto(Proposal target, DateTime nowUtc)
    {
        if (State == ProposalState.Merged || target.Id == Id || target.State == ProposalState.Merged || target.WorkshopId != WorkshopId)
        {
            return false;
        }

        State = ProposalState.Merged;
        MergedIntoId = target.Id;
        TakenForward = false;
        ModeratedAtUtc = nowUtc;
        return true;
    }

    /// <summary>
    /// Why this proposal must stay rather than be deleted for good, or null when deleting it loses nothing the site
    /// still shows or points at. <paramref name="hasDuplicates"/>: some proposal that is not being deleted with it
    /// was merged into it.
    /// </summary>
    public ProposalKept? WhyKept(bool hasDuplicates) =>
        TakenForward ? ProposalKept.TakenForward : hasDuplicates ? ProposalKept.HasDuplicates : null;

    /// <summary>Removes the name and organisation (on request or by the retention purge); the text stays. False when there were none.</summary>
    public bool ErasePersonalData(DateTime nowUtc)
    {
        if (!HasPersonalData)
        {
            return false;
        }

        (Name, Organisation, ShowName, ErasedAtUtc) = (null, null, false, nowUtc);
        return true;
    }

    private bool MoveTo(ProposalState state, DateTime nowUtc)
    {
        if (State == state || State == ProposalState.Merged)
        {
            return false;
        }

        State = state;
        ModeratedAtUtc = nowUtc;
        return true;
    }
}
