using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Workshops.Web.Pages.Shared;

/// <summary>For pages with several forms, each bound to its own property: only the posted form's fields count.</summary>
public static class ModelStateScope
{
    /// <summary>Drops every entry not under <paramref name="prefix"/> (<c>"Proposal"</c> keeps <c>Proposal.Text</c> …).</summary>
    public static void KeepOnly(this ModelStateDictionary modelState, string prefix)
    {
        foreach (var key in modelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            modelState.Remove(key);
        }
    }
}
