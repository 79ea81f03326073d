namespace Workshops.Web.Infrastructure;

/// <summary>A setting has a value the site cannot run with. The message names the setting.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
