namespace Workshops.Tests.Support;

/// <summary>
/// Where the repository's seed material is: the programme (seeds/workshops.json) and the announcement's facts
/// (seeds/facts.md). Nothing is read from outside the repository.
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

    /// <summary>
    /// The announcement's facts in the project's own words (seeds/facts.md, citing the article by its title): a clone
    /// with nothing beside it has everything its tests read.
    /// </summary>
    public static string FactsTable => Path.Combine(RepositoryRoot(), "seeds", "facts.md");
}
