using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Workshops;
using Workshops.Web.Pages.Shared;

namespace Workshops.Web.Pages.Organiser.Workshops;

/// <summary>
/// The organiser's own words for an email (practical information, a cancellation's reason, a results cover note) in
/// Finnish, Swedish and English, previewed before saving (issue 25): the first submit of new words shows them as the email
/// will and puts their <see cref="Stamp"/> in a hidden field; a second submit of the same words saves. Works without script.
/// </summary>
public sealed class WordsInput
{
    [StringLength(WorkshopTexts.MaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? Fi { get; set; }

    [StringLength(WorkshopTexts.MaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? Sv { get; set; }

    [StringLength(WorkshopTexts.MaxLength, ErrorMessage = "Kirjoita enintään {1} merkkiä.")]
    [MultiLineText]
    public string? En { get; set; }

    /// <summary>The stamp of the words last shown in the preview (a hidden field), or null before any preview.</summary>
    public string? Stamp { get; set; }

    /// <summary>The words as the domain stores them (trimmed, NFC).</summary>
    public LocalizedText ToText() => WorkshopTexts.Clean(new LocalizedText { Fi = Fi ?? "", Sv = Sv ?? "", En = En ?? "" });

    /// <summary>Whether nothing is written in any language.</summary>
    public bool IsBlank => ToText() is { Fi: "", Sv: "", En: "" };

    /// <summary>The words' SHA-256, hex: what the preview showed. Not a secret; it only tells "already previewed" apart.</summary>
    public string CurrentStamp()
    {
        var text = ToText();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', text.Fi, text.Sv, text.En))));
    }

    /// <summary>
    /// Whether these words must be previewed before they are saved: they are new (not what is stored,
    /// <paramref name="stored"/>), not blank (clearing needs no preview), and not the ones the preview just showed.
    /// </summary>
    public bool NeedsPreview(LocalizedText stored) => !IsBlank && !ToText().SameAs(stored) && Stamp != CurrentStamp();

    /// <summary>A Swedish or English text without a Finnish one: Finnish is what shows when a language is empty.</summary>
    public bool LacksFinnish => ToText() is { Fi: "" } text && (text.Sv.Length > 0 || text.En.Length > 0);

    public static WordsInput From(LocalizedText text) => new() { Fi = text.Fi, Sv = text.Sv, En = text.En };
}

/// <summary>What <c>_WordsFields</c> shows: the form prefix (<c>Input</c>), the input, the fieldset's legend and hint.</summary>
public sealed record WordsFields(string Prefix, WordsInput Input, string Legend, string Hint);
