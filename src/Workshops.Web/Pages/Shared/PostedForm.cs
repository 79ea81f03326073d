using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Pages.Shared;

/// <summary>Validation of a posted form model whose fields may be missing from the request altogether.</summary>
public static class PostedForm
{
    /// <summary>
    /// Validates <paramref name="model"/> (bound under <paramref name="prefix"/>) even when the request posted none of its
    /// fields: model binding then leaves the property's default instance in place and runs none of its validation
    /// attributes, so <c>ModelState.IsValid</c> stays true for an empty model and a later step meets a null required
    /// value (a 500). That happens with a hand-made POST carrying only the antiforgery token, or one form's fields sent
    /// to another form's handler on a page with two forms. Then the model is validated here, so the page answers with
    /// its usual messages next to the fields. Returns whether the model state is valid.
    /// </summary>
    public static bool ValidateEvenIfNotPosted(this PageModel page, object model, string prefix)
    {
        var request = page.Request;
        var posted = request.HasFormContentType
            && request.Form.Keys.Any(k => k.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase));
        return posted ? page.ModelState.IsValid : page.TryValidateModel(model, prefix);
    }
}
