using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workshops.Tests.Support;

namespace Workshops.Tests.Localization;

/// <summary>The organiser area works in Finnish (the keys), Swedish and English (OrganiserResource.sv.resx and .en.resx).</summary>
public sealed partial class TranslationTests
{
    private static string SourceFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Workshops.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("no Workshops.sln above the test folder"), "src", "Workshops.Web");
    }

    /// <summary>Every string the organiser pages pass to their localizer, or return as a label or a validation message.</summary>
    private static HashSet<string> KeysInSource()
    {
        var root = SourceFolder();
        var files = Directory.GetFiles(Path.Combine(root, "Pages", "Organiser"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Append(Path.Combine(root, "Localization", "Labels.cs"));
        var keys = new HashSet<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var regex in new[] { LocalizerCall(), ErrorMessage(), ValidationResultText(), SwitchArm() })
            {
                keys.UnionWith(regex.Matches(text).Select(m => Regex.Unescape(m.Groups[1].Value)));
            }

            foreach (Match array in HeaderArray().Matches(text))
            {
                keys.UnionWith(Quoted().Matches(array.Groups[1].Value).Select(m => m.Groups[1].Value));
            }
        }

        return keys;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public void EveryOrganiserStringHasATranslation(string language)
    {
        var resx = XDocument.Load(Path.Combine(SourceFolder(), "Resources", $"OrganiserResource.{language}.resx"));
        var translated = resx.Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => d.Attribute("name")!.Value).ToHashSet();

        var keys = KeysInSource();

        Assert.True(keys.Count > 150, $"only {keys.Count} keys found: the extraction is broken");
        Assert.Empty(keys.Except(translated).Order());
    }

    [Fact]
    public async Task TheAreaSpeaksEnglishWhenAskedIncludingValidationMessages()
    {
        using var app = new WorkshopsFactory();
        Assert.Equal("Organiser sign-in", (await Html.GetAsync(app.Browser(), "/organiser/sign-in?culture=en")).Text("h1"));
        var organiser = await Organisers.SignedInAsync(app);

        var dashboard = await Html.GetAsync(organiser, "/organiser?culture=en");
        Assert.Equal("Workshops", dashboard.Text("h1"));
        Assert.Contains("Close registration", dashboard.Text("table.dashboard"));

        var edit = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/edit?culture=en");
        var response = await Html.SubmitAsync(organiser, edit, new Dictionary<string, string?> { ["Input.TitleFi"] = "" }, "form.workshop-form");
        Assert.Contains("Write the title in Finnish.", (await Html.ParseAsync(response)).Text(".error-summary"));

        Assert.Equal("Työpajat", (await Html.GetAsync(organiser, "/organiser?culture=fi")).Text("h1"));
    }

    [Fact]
    public async Task TheAreaSpeaksSwedishWhenAskedIncludingValidationMessages()
    {
        using var app = new WorkshopsFactory();
        Assert.Equal("Inloggning för arrangörer", (await Html.GetAsync(app.Browser(), "/organiser/sign-in?culture=sv")).Text("h1"));
        var organiser = await Organisers.SignedInAsync(app);

        var dashboard = await Html.GetAsync(organiser, "/organiser?culture=sv");
        Assert.Equal("Workshoppar", dashboard.Text("h1"));
        Assert.Contains("Stäng anmälan", dashboard.Text("table.dashboard"));

        var edit = await Html.GetAsync(organiser, $"/organiser/workshops/{RegistrationSteps.Rauma}/edit?culture=sv");
        var response = await Html.SubmitAsync(organiser, edit, new Dictionary<string, string?> { ["Input.TitleFi"] = "" }, "form.workshop-form");
        Assert.Contains("Skriv rubriken på finska.", (await Html.ParseAsync(response)).Text(".error-summary"));
    }

    [GeneratedRegex("""\b[Ll]\["((?:[^"\\]|\\.)*)"(?:\]|,)""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex(@"ErrorMessage = ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessage();

    [GeneratedRegex(@"ValidationResult\(""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ValidationResultText();

    [GeneratedRegex("""=> "((?:[^"\\]|\\.)*)",""")]
    private static partial Regex SwitchArm();

    [GeneratedRegex("""string\[\] headers = \[(.*?)\];""", RegexOptions.Singleline)]
    private static partial Regex HeaderArray();

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Quoted();
}
