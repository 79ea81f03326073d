using System.ComponentModel.DataAnnotations;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>One option row of the question editor; an empty Finnish text removes the option. Messages are OrganiserResource keys.</summary>
public sealed class OptionInput
{
    /// <summary>The existing option's key (hidden), empty for a new row.</summary>
    public string? Key { get; set; }

    [StringLength(WorkshopQuestion.OptionMaxLength, ErrorMessage = "Vaihtoehto voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Fi { get; set; }

    [StringLength(WorkshopQuestion.OptionMaxLength, ErrorMessage = "Vaihtoehto voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? Sv { get; set; }

    [StringLength(WorkshopQuestion.OptionMaxLength, ErrorMessage = "Vaihtoehto voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? En { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Fi) && string.IsNullOrWhiteSpace(Sv) && string.IsNullOrWhiteSpace(En);
}

/// <summary>The question editor's form. Messages are OrganiserResource keys.</summary>
public sealed class QuestionInput
{
    /// <summary>Empty option rows shown under the existing ones (no script: more rows after saving).</summary>
    public const int BlankRows = 3;

    [EnumDataType(typeof(QuestionKind), ErrorMessage = "Valitse kysymyksen tyyppi.")]
    public QuestionKind Kind { get; set; }

    [Required(ErrorMessage = "Kirjoita kysymys suomeksi.")]
    [StringLength(WorkshopQuestion.TextMaxLength, ErrorMessage = "Kysymys voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? TextFi { get; set; }

    [StringLength(WorkshopQuestion.TextMaxLength, ErrorMessage = "Kysymys voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? TextSv { get; set; }

    [StringLength(WorkshopQuestion.TextMaxLength, ErrorMessage = "Kysymys voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? TextEn { get; set; }

    [StringLength(WorkshopQuestion.HelpMaxLength, ErrorMessage = "Ohje voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? HelpFi { get; set; }

    [StringLength(WorkshopQuestion.HelpMaxLength, ErrorMessage = "Ohje voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? HelpSv { get; set; }

    [StringLength(WorkshopQuestion.HelpMaxLength, ErrorMessage = "Ohje voi olla enintään {1} merkkiä pitkä.")]
    [SingleLineText]
    public string? HelpEn { get; set; }

    public bool Required { get; set; }

    public List<OptionInput> Options { get; set; } = [];

    /// <summary>The form's fields in order, for the error summary.</summary>
    public IEnumerable<string> FieldNames =>
    [
        "Kind", "TextFi", "TextSv", "TextEn", "HelpFi", "HelpSv", "HelpEn", "Options",
        .. Options.SelectMany((_, i) => new[] { $"Options[{i}].Fi", $"Options[{i}].Sv", $"Options[{i}].En" }),
    ];

    public static QuestionInput From(WorkshopQuestion q) => new()
    {
        Kind = q.Kind,
        TextFi = q.Text.Fi,
        TextSv = q.Text.Sv,
        TextEn = q.Text.En,
        HelpFi = q.Help.Fi,
        HelpSv = q.Help.Sv,
        HelpEn = q.Help.En,
        Required = q.Required,
        // The options on the form; archived ones (kept for their answers) are listed on the questions page, not edited.
        Options = q.Options.Where(o => !o.Archived).Select(o => new OptionInput { Key = o.Key, Fi = o.Text.Fi, Sv = o.Text.Sv, En = o.Text.En }).ToList(),
    };

    /// <summary>Fills the option rows up with <see cref="BlankRows"/> empty ones (never past <see cref="WorkshopQuestion.MaxOptions"/>).</summary>
    public QuestionInput WithBlankRows()
    {
        Options = Options.Where(o => !o.IsEmpty).ToList();
        while (Options.Count < WorkshopQuestion.MaxOptions && Options.Count(o => o.IsEmpty) < BlankRows)
        {
            Options.Add(new OptionInput());
        }

        return this;
    }

    /// <summary>
    /// The checks across fields, as (field, message key) pairs. The page adds them whatever the attribute checks found,
    /// so every error shows at once (MVC runs <c>IValidatableObject</c> only after every attribute passed).
    /// </summary>
    public IEnumerable<(string Field, string Message)> CrossFieldProblems()
    {
        if (Kind is not (QuestionKind.OneChoice or QuestionKind.SeveralChoices))
        {
            yield break;
        }

        var filled = Options.Count(o => !string.IsNullOrWhiteSpace(o.Fi));
        if (filled == 0)
        {
            yield return ("Options", "Anna ainakin yksi vaihtoehto suomeksi.");
        }

        if (filled > WorkshopQuestion.MaxOptions)
        {
            yield return ("Options", "Vaihtoehtoja voi olla enintään 30.");
        }

        for (var i = 0; i < Options.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Options[i].Fi) && !Options[i].IsEmpty)
            {
                yield return ($"Options[{i}].Fi", "Kirjoita vaihtoehto suomeksi, tai tyhjennä koko rivi.");
            }
        }
    }

    public QuestionDraft ToDraft() => new(
        Kind,
        Text(TextFi, TextSv, TextEn),
        Text(HelpFi, HelpSv, HelpEn),
        Required,
        Options.Where(o => !string.IsNullOrWhiteSpace(o.Fi))
            .Select(o => new OptionDraft(string.IsNullOrEmpty(o.Key) ? null : o.Key, Text(o.Fi, o.Sv, o.En)))
            .ToList());

    private static LocalizedText Text(string? fi, string? sv, string? en) =>
        new() { Fi = fi?.Trim() ?? "", Sv = sv?.Trim() ?? "", En = en?.Trim() ?? "" };
}
