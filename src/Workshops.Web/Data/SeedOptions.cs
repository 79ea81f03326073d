namespace Workshops.Web.Data;

/// <summary>Settings under <c>Seed__…</c>.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>The programme's first state; a relative path is looked up in the working folder, then beside the app.</summary>
    public string File { get; set; } = "seeds/workshops.json";

    /// <summary>The year given to the seed's day-and-month dates. Each date must keep its weekday.</summary>
    public int Year { get; set; } = 2028;
}
