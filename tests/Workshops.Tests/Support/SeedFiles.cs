namespace Workshops.Tests.Support;

/// <summary>
/// Where the repository and the project's shared seed material are. CI clones the repository with
/// <c>shared/</c> beside it, so the announcement and its table of facts are at <c>../shared/seeds/</c>.
/// </summary>
public static class SeedFiles
{
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workshops.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Workshops.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>seeds/workshops.json in the repository.</summary>
    public static string WorkshopsJson => Path.Combine(RepositoryRoot(), "seeds", "workshops.json");

    /// <summary>The table of facts from the announcement: ../shared/seeds/README.md beside the repository.</summary>
    public static string FactsTable
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "seeds", "README.md"));
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException(
                    $"The announcement's table of facts is missing: expected {path} (the project's shared/ folder checked out beside the repository, as CI does).", path);
        }
    }

    /// <summary>The announcement itself, beside the table.</summary>
    public static string Announcement =>
        Directory.GetFiles(Path.GetDirectoryName(FactsTable)!, "000_*.txt").Single();
}
