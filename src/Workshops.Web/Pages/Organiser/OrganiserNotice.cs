using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// The one-line notice an organiser action leaves for the page it redirects to (post/redirect/get); the organiser
/// layout shows it once. Kept in TempData, so it survives exactly one redirect.
/// </summary>
public static class OrganiserNotice
{
    private const string Key = "OrganiserNotice";

    /// <summary>Leaves <paramref name="notice"/> for the next page the organiser sees.</summary>
    public static void SetNotice(this ITempDataDictionary tempData, string notice) => tempData[Key] = notice;

    /// <summary>The notice left by the previous request, or null; reading it removes it after this request.</summary>
    public static string? TakeNotice(this ITempDataDictionary tempData) => tempData[Key] as string;
}
