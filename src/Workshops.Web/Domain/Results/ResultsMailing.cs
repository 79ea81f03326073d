namespace Workshops.Web.Domain.Results;

/// <summary>
/// One press of a "send the results" button. <see cref="Key"/> comes from the form (a fresh GUID each time the page is
/// shown) and is the table's primary key, so a double click or a resent form finds its key taken and queues nothing
/// more: the database, not the page, decides that a form was already sent.
/// </summary>
public sealed class ResultsMailing
{
    public Guid Key { get; set; }
    public Guid WorkshopId { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>True for the form that sends to one outside recipient; false for "email to participants".</summary>
    public bool ToOutsideRecipient { get; set; }

    /// <summary>How many messages this press queued.</summary>
    public int Recipients { get; set; }

    /// <summary>
    /// The organiser who pressed it (their sign-in name); null in rows from before issue 22. Sends to outside recipients
    /// are counted per organiser from these rows (<see cref="ResultsOptions.OutsideSendsPerHour"/>).
    /// </summary>
    public string? SentBy { get; set; }
}
