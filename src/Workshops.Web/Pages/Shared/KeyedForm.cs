namespace Workshops.Web.Pages.Shared;

/// <summary>
/// A public form whose one submission must store one row however often it is posted (a double click, a form resent
/// after a dropped connection): each rendered form carries a new key in a hidden field, and the write stores it under a
/// unique index. The key binds as text, so a missing or malformed one (a page rendered before keys existed, a
/// hand-made post) is no binding error: <see cref="KeyedFormExtensions.SubmissionKey"/> then counts the post as a fresh
/// submission with a key of its own.
/// </summary>
public interface IKeyedForm
{
    /// <summary>The hidden field's value. An input model starts with a new one (<see cref="KeyedFormExtensions.NewKey"/>).</summary>
    string? FormKey { get; set; }
}

public static class KeyedFormExtensions
{
    /// <summary>The key of a newly rendered form.</summary>
    public static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>
    /// The key this post is stored under: the posted one when it is a GUID, otherwise a new one, written back so that a
    /// form re-shown with errors carries it and its corrected post is still one submission.
    /// </summary>
    public static Guid SubmissionKey(this IKeyedForm form)
    {
        if (!Guid.TryParse(form.FormKey, out var key) || key == Guid.Empty)
        {
            key = Guid.NewGuid();
        }

        form.FormKey = key.ToString();
        return key;
    }
}
