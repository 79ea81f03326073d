using System.Globalization;
using System.Text.Json;

namespace Workshops.Web.Domain.Privacy;

/// <summary>
/// What an audit entry's detail says, as a kind from a closed set; the organiser pages word each kind in the reader's
/// language (see <c>AuditModel.Wording</c>). Never a participant's personal data; an outside recipient's address only in
/// <see cref="AuditDetailKind.ResultsToRecipient"/> and <see cref="AuditDetailKind.OutsideRecipient"/>, until the purge.
/// </summary>
public enum AuditDetailKind
{
    AttendeesExported,
    ProposalsExported,
    OutcomesExported,
    ReportExported,
    ReportOfAllExported,
    WorkshopAddress,
    WorkshopEdited,
    PeopleNotified,
    RegistrationStatus,
    HeadCount,
    HeadCountCleared,
    EmailKind,
    AttendeeMessage,
    Reminders,

    /// <summary>A member of the organiser team (issue 25): their sign-in address and role (never a participant).</summary>
    Member,
    FeedbackAutomatic,
    FeedbackByHand,
    ProposalsPurged,
    RegistrationsPurged,
    Question,
    QuestionNumber,
    WorkshopCopied,
    ProposalMerged,
    Proposal,
    ResultsPublished,
    ResultsNotPublished,
    ResultsToParticipants,
    ResultsToOutsider,

    /// <summary>Sent to a listed outside recipient: their address.</summary>
    ResultsToRecipient,

    /// <summary>An outside recipient: their address and the messages' language.</summary>
    OutsideRecipient,

    /// <summary>The retention purge's count of a workshop's outside recipients, and the retention days.</summary>
    RecipientsPurged,

    /// <summary>A seat offer's deadline, withdrawn or extended by an organiser (issue 24).</summary>
    OfferDeadline,

    /// <summary>How many self-entry emails a workshop's roster was sent (issue 26).</summary>
    SelfEntry,

    /// <summary>The funder export's format and period (Helsinki dates), figures only (issue 26).</summary>
    FunderExported,
}

/// <summary>
/// An audit entry's detail: its <see cref="Kind"/> and the values its wording shows (numbers, slugs, formats and enum
/// names, written with the invariant culture). Stored in <see cref="AuditEntry.Detail"/> as JSON, so rows written
/// before details were structured (free English text) stay readable as they are.
/// </summary>
public sealed record AuditDetail(AuditDetailKind Kind, IReadOnlyList<string> Args)
{
    private sealed record Stored(string Kind, string[] Args);

    /// <summary>A detail of <paramref name="kind"/> showing <paramref name="args"/> (null becomes "-").</summary>
    public static AuditDetail Of(AuditDetailKind kind, params object?[] args) =>
        new(kind, [.. args.Select(a => a is null ? "-" : Convert.ToString(a, CultureInfo.InvariantCulture) ?? "-")]);

    /// <summary>The JSON stored in <see cref="AuditEntry.Detail"/>.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Stored(Kind.ToString(), [.. Args]));

    /// <summary>The structured detail stored in <paramref name="detail"/>, or null for none, free text or an unknown kind.</summary>
    public static AuditDetail? Parse(string? detail)
    {
        if (detail is null || !detail.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Stored>(detail) is { Kind: { } kind, Args: { } args } && Enum.TryParse<AuditDetailKind>(kind, out var parsed)
                ? new AuditDetail(parsed, args)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
