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
}
