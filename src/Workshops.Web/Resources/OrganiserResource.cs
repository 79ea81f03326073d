namespace Workshops.Web.Resources;

/// <summary>
/// Anchor for the organiser area's UI strings, kept apart from the public site's <c>SharedResource</c>:
/// the organisers work in Finnish (the keys) or English (<c>OrganiserResource.en.resx</c>); Swedish falls back to Finnish.
/// </summary>
public sealed class OrganiserResource;
