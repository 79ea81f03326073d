using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workshops.Web.Localization;

namespace Workshops.Tests.Localization;

/// <summary>
/// Every Finnish key the code uses has a Swedish and an English translation, and no translation outlives its key.
/// Keys are found in the source: <c>L["…"]</c> in views, <c>l["…"]</c>/<c>_l["…"]</c>/<c>localizer["…"]</c> in classes,
/// <c>ErrorMessage = "…"</c> on validation attributes, and everything <see cref="Labels"/> returns for an enum value.
/// </summary>
public sealed partial class TranslationCompletenessTests
{
    [GeneratedRegex(""""(?<![\w.])(?:L|l|_l|_L|localizer|_localizer)\s*\[\s*"((?:[^"\\]|\\.)*)"""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(""""\bErrorMessage\s*=\s*"((?:[^"\\]|\\.)*)"""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static readonly Lazy<SortedSet<string>> UsedKeys = new(FindUsedKeys);

    [Fact]
    public void TheScanFindsKeysOfEveryKind()
    {
        // Guards the scan itself: if a pattern stopped matching, the tests below would pass on nothing.
        Assert.Contains("Ohjelma", UsedKeys.Value);                          // L["…"] in a view
        Assert.Contains("Sivua ei löytynyt", UsedKeys.Value);                // l["…"] in a page model
        Assert.Contains("Tarkista tämän kentän arvo.", UsedKeys.Value);      // model-binding messages
        Assert.Contains("Kirjoita nimesi.", UsedKeys.Value);                 // ErrorMessage = "…"
        Assert.Contains("Poista tekstistä erikoismerkit.", UsedKeys.Value);  // a custom attribute's message
        Assert.Contains("Lähitapahtuma", UsedKeys.Value);                    // Labels
        Assert.Contains("Muu", UsedKeys.Value);                              // Labels' default arm
        Assert.DoesNotContain("Svenska", UsedKeys.Value);                    // language names stay in their own language
    }

    [Fact]
    public void OurValidationAttributesKeepTheirMessageWhereMvcTranslatesIt()
    {
        // A message passed to base("…") is never translated (MVC localizes ErrorMessage only), and this scan would miss it.
        var attributes = typeof(Labels).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ValidationAttribute)) && !t.IsAbstract)
            .ToList();
        Assert.NotEmpty(attributes);
        foreach (var type in attributes)
        {
            var attribute = (ValidationAttribute)Activator.CreateInstance(type)!;
            Assert.True(UsedKeys.Value.Contains(attribute.ErrorMessage ?? ""), $"{type.Name}: set its message in ErrorMessage = \"…\"");
        }
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void EveryKeyInUseHasATranslation(string language)
    {
        var translations = ReadResx(language);
        var missing = UsedKeys.Value.Where(k => !translations.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();

        Assert.True(missing.Count == 0,
            $"Add to src/Workshops.Web/Resources/SharedResource.{language}.resx:\n" + string.Join('\n', missing));
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void NoTranslationOutlivesItsKey(string language)
    {
        var unused = ReadResx(language).Keys.Where(k => !UsedKeys.Value.Contains(k)).ToList();

        Assert.True(unused.Count == 0,
            $"Remove from src/Workshops.Web/Resources/SharedResource.{language}.resx (no longer used):\n" + string.Join('\n', unused));
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void TranslationsKeepTheirPlaceholders(string language)
    {
        // A lost {0} drops the number from the sentence; an extra one throws at run time.
        var wrong = ReadResx(language)
            .Where(t => !Placeholders(t.Key).SequenceEqual(Placeholders(t.Value)))
            .Select(t => $"{t.Key} → {t.Value}")
            .ToList();

        Assert.True(wrong.Count == 0, "Placeholders differ:\n" + string.Join('\n', wrong));
    }

    /// <summary>
    /// The organiser area's resource in both languages: the same keys (what is used is checked against the organiser
    /// pages by Organiser/TranslationTests), nothing empty, and every placeholder kept.
    /// </summary>
    [Theory]
    [InlineData("sv")]
    [InlineData("en")]
    public void TheOrganiserResourceIsCompleteInEachLanguage(string language)
    {
        var translations = ReadResx(language, "OrganiserResource");
        var other = ReadResx(language == "sv" ? "en" : "sv", "OrganiserResource");

        Assert.Empty(other.Keys.Except(translations.Keys).Order());
        Assert.Empty(translations.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
        Assert.Empty(translations.Where(t => !Placeholders(t.Key).SequenceEqual(Placeholders(t.Value))).Select(t => $"{t.Key} → {t.Value}"));
    }

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    private static SortedSet<string> FindUsedKeys()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var src = Path.Combine(RepoRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            // The organiser area has its own resource (OrganiserResource, Finnish and English) and its own completeness test.
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Organiser"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match match in LocalizerCall().Matches(text).Concat(ErrorMessage().Matches(text)))
            {
                keys.Add(Regex.Unescape(match.Groups[1].Value));
            }
        }

        // Labels maps enum values to keys; ask it for every value rather than parsing its switch arms.
        var labels = typeof(Labels).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType.IsEnum: true }]);
        foreach (var method in labels)
        {
            foreach (var value in Enum.GetValues(method.GetParameters()[0].ParameterType))
            {
                keys.Add((string)method.Invoke(null, [value])!);
            }
        }

        return keys;
    }

    private static Dictionary<string, string> ReadResx(string language, string resource = "SharedResource")
    {
        var path = Path.Combine(RepoRoot(), "src", "Workshops.Web", "Resources", $"{resource}.{language}.resx");
        var entries = XDocument.Load(path).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? ""))
            .ToList();
        // The build's resource generator compares names without case (MSB3568) and silently drops the second of
        // "kyllä" and "Kyllä", so a key that differs from another only in case is a duplicate too.
        var duplicates = entries.GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Keys twice in {path}:\n" + string.Join('\n', duplicates));
        return entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workshops.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Workshops.sln above {AppContext.BaseDirectory}");
    }
}
