namespace Workshops.Web.Domain;

/// <summary>A text written in Finnish, Swedish and English; Finnish is the fallback.</summary>
public sealed class LocalizedText
{
    public string Fi { get; set; } = "";
    public string Sv { get; set; } = "";
    public string En { get; set; } = "";

    public string For(string language) => language switch
    {
        "sv" when Sv.Length > 0 => Sv,
        "en" when En.Length > 0 => En,
        _ => Fi,
    };

    /// <summary>A new instance with the same texts, so EF Core sees a changed complex property rather than a mutated one it may miss.</summary>
    public LocalizedText Copy() => new() { Fi = Fi, Sv = Sv, En = En };

    /// <summary>A new instance with each language's text trimmed.</summary>
    public LocalizedText Trimmed() => new() { Fi = Fi.Trim(), Sv = Sv.Trim(), En = En.Trim() };

    /// <summary>Whether the three texts are the same, character for character.</summary>
    public bool SameAs(LocalizedText other) => Fi == other.Fi && Sv == other.Sv && En == other.En;
}
