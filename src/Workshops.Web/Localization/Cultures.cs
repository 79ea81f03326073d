using System.Globalization;

namespace Workshops.Web.Localization;

public static class Cultures
{
    public const string Default = "fi";

    public static readonly string[] Supported = ["fi", "sv", "en"];

    public static bool IsSupported(string? language) => language is not null && Supported.Contains(language);

    /// <summary>The current UI language as one of <see cref="Supported"/>.</summary>
    public static string Current
    {
        get
        {
            var name = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return IsSupported(name) ? name : Default;
        }
    }
}
