namespace Workshops.Web.Infrastructure;

/// <summary>
/// This instance's cache of public pages. Placeholder with the shape the caching work (branch perf) gives it:
/// that version evicts the cached programme, workshop and calendar responses. Called when another instance changed data.
/// </summary>
public sealed class PublicCache
{
    /// <summary>Evicts this instance's public-page cache.</summary>
    public ValueTask InvalidateAsync(CancellationToken ct) => ValueTask.CompletedTask;
}
