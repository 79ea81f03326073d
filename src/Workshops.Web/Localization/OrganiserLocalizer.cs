using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Workshops.Web.Resources;

namespace Workshops.Web.Localization;

/// <summary>
/// The organiser area's strings, read straight from the embedded OrganiserResource resources so that the
/// lookup does not depend on how the public site's resources are located (ResourcesPath).
/// </summary>
public sealed class OrganiserLocalizer : IStringLocalizer<OrganiserResource>
{
    public static readonly OrganiserLocalizer Instance = new();

    private readonly ResourceManagerStringLocalizer _inner = new(
        new ResourceManager(typeof(OrganiserResource)),
        typeof(OrganiserResource).Assembly,
        typeof(OrganiserResource).FullName!,
        new ResourceNamesCache(),
        NullLogger.Instance);

    public LocalizedString this[string name] => _inner[name];

    public LocalizedString this[string name, params object[] arguments] => _inner[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);

    /// <summary>Input models of the organiser pages take their validation messages from here.</summary>
    public static bool Covers(Type type) => type.Namespace?.StartsWith("Workshops.Web.Pages.Organiser", StringComparison.Ordinal) == true;
}
