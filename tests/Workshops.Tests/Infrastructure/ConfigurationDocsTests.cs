using System.Reflection;
using Workshops.Tests.Support;
using Workshops.Web.Domain;

namespace Workshops.Tests.Infrastructure;

/// <summary>
/// Every setting the site binds is listed in docs/configuration.md. The list of settings is derived from the code, not
/// kept by hand: every class with a <c>public const string Section</c> is a settings section, and each of its public
/// settable properties is a setting (<c>Section__Property</c>; a nested settings class adds its own level, and a
/// <see cref="LocalizedText"/> is written <c>…__Fi</c> / <c>__Sv</c> / <c>__En</c>). A new option without its line fails here.
/// </summary>
public sealed class ConfigurationDocsTests
{
    [Fact]
    public void EverySettingTheSiteBindsIsListedInTheConfigurationDoc()
    {
        var doc = File.ReadAllText(Path.Combine(SeedFiles.RepositoryRoot(), "docs", "configuration.md"));
        var settings = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true, FieldType: var f } && f == typeof(string))
            .SelectMany(t => SettingsOf(t, (string)t.GetField("Section")!.GetRawConstantValue()!))
            .ToList();

        Assert.NotEmpty(settings);
        var lines = doc.Split('\n');
        var missing = settings.Where(name => !doc.Contains($"`{name}", StringComparison.Ordinal) && !ListedAsSibling(lines, name)).ToList();
        Assert.True(missing.Count == 0, "Not in docs/configuration.md: " + string.Join(", ", missing));
    }

    /// <summary>The doc's shorthand for settings of one section side by side: <c>`A__B__X` / `__Y`</c> lists <c>A__B__Y</c>.</summary>
    private static bool ListedAsSibling(string[] lines, string name)
    {
        var cut = name.LastIndexOf("__", StringComparison.Ordinal);
        var (parent, last) = (name[..cut], name[(cut + 2)..]);
        return lines.Any(l => l.Contains($"`{parent}__", StringComparison.Ordinal) && l.Contains($"`__{last}`", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SettingsOf(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var name = $"{prefix}__{property.Name}";
            var kind = property.PropertyType;
            if (kind.IsClass && kind != typeof(string) && kind != typeof(LocalizedText) && !kind.IsArray
                && kind.Namespace?.StartsWith("Workshops.Web", StringComparison.Ordinal) == true)
            {
                foreach (var nested in SettingsOf(kind, name))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return name;
            }
        }
    }
}
