namespace Workshops.Web.Infrastructure;

/// <summary>
/// Where the site finds <c>appsettings.json</c> and resolves its relative paths (the SQLite file, the mail folder).
/// ASP.NET Core takes the working directory, which is right under <c>dotnet run</c> (the project folder) and under
/// systemd (<c>WorkingDirectory=</c> the app folder), but not for an operator who runs a command such as
/// <c>add-organiser</c> from another folder: the settings file was not found there, so a deployment's
/// <c>Serilog__WriteTo__File__Args__path</c> alone made a sink without a name and the process crashed.
/// </summary>
public static class ContentRoot
{
    /// <summary>
    /// The working directory when it holds the settings file; otherwise the folder of the app itself
    /// (<see cref="AppContext.BaseDirectory"/>). Null (the framework decides) when <c>--contentRoot</c> or
    /// <c>ASPNETCORE_CONTENTROOT</c> names one.
    /// </summary>
    public static string? For(string[] args)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")))
        {
            return null;
        }

        var working = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(working, "appsettings.json")) ? working : AppContext.BaseDirectory;
    }
}
