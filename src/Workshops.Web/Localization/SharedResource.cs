namespace Workshops.Web.Localization;

/// <summary>
/// Anchor for the shared UI strings. Keys are the Finnish texts (Finnish is the default language);
/// SharedResource.sv.resx and SharedResource.en.resx hold the translations.
/// </summary>
public sealed class SharedResource;
