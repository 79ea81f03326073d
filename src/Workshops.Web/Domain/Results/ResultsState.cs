namespace Workshops.Web.Domain.Results;

/// <summary>
/// A workshop's results as stored with it (a complex type: columns of the workshop's row): the organiser's summary and
/// whether the results page is public. Changed only through <see cref="Workshops.Workshop.SaveResults"/>, which
/// replaces it as a whole.
/// </summary>
public sealed class ResultsState
{
    /// <summary>The organiser's summary of what came out of the workshop (an empty language shows the Finnish text).</summary>
    public LocalizedText Summary { get; set; } = new();

    /// <summary>The results page is public and linked from the workshop page (allowed from the start on: <see cref="Workshops.WorkshopLifecycle.MayPublishResults"/>).</summary>
    public bool Published { get; set; }

    /// <summary>
    /// The organiser's cover note on the results email to outside recipients (decision-makers), in their language (Finnish
    /// when that one is empty); plain text, at most <see cref="Workshops.WorkshopTexts.MaxLength"/> characters (issue 25).
    /// </summary>
    public LocalizedText CoverNote { get; set; } = new();
}
