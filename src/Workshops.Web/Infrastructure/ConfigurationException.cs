using Microsoft.Extensions.Options;

namespace Workshops.Web.Infrastructure;

/// <summary>A setting has a value the site cannot run with. The message names the setting.</summary>
public sealed class ConfigurationException(string message) : Exception(message)
{
    /// <summary>
    /// The one line to print for a start-up failure caused by a setting, or null for any other failure.
    /// Settings are named as environment variables (Email__Delivery), the way operators set them.
    /// </summary>
    public static string? Describe(Exception ex) => ex switch
    {
        ConfigurationException or OptionsValidationException => ex.Message,
        // The binder's "Failed to convert configuration value 'x' at 'Email:Delivery' to type '…'".
        InvalidOperationException when ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            System.Text.RegularExpressions.Regex.Replace(ex.Message, "at '([^']+)'", m => $"at '{m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal)}'"),
        _ => null,
    };
}
