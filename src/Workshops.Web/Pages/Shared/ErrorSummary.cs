using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Workshops.Web.Pages.Shared;

/// <summary>One line of the error summary; <paramref name="FieldId"/> links it to the field, when there is one.</summary>
public sealed record ErrorSummaryItem(string? FieldId, string Message);

/// <summary>What <c>_ErrorSummary</c> lists: page-level messages first, then each field's errors in form order.</summary>
public sealed record ErrorSummary(IReadOnlyList<ErrorSummaryItem> Items)
{
    /// <summary>The errors of <paramref name="fields"/> (names under <paramref name="prefix"/>), after any page-level <paramref name="messages"/>.</summary>
    public static ErrorSummary For(ModelStateDictionary modelState, IEnumerable<string> fields, string prefix = "Input", params IEnumerable<string?> messages)
    {
        var items = messages.OfType<string>().Select(m => new ErrorSummaryItem(null, m)).ToList();
        foreach (var field in fields)
        {
            var errors = modelState[$"{prefix}.{field}"]?.Errors ?? [];
            // The id the form gives the field: Input.Options[0].Fi is Input_Options_0__Fi, as asp-for writes it.
            var id = Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId($"{prefix}.{field}", "_");
            items.AddRange(errors.Select(e => new ErrorSummaryItem(id, e.ErrorMessage)));
        }

        return new ErrorSummary(items);
    }

    /// <summary>Only page-level messages (a failed sign-in, a refused password).</summary>
    public static ErrorSummary Of(params IEnumerable<string?> messages) =>
        new(messages.OfType<string>().Select(m => new ErrorSummaryItem(null, m)).ToList());
}
