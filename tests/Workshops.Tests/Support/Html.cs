using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Workshops.Tests.Support.Browser;

namespace Workshops.Tests.Support;

/// <summary>Parses pages with AngleSharp and submits their real forms, antiforgery token and all.</summary>
public static class Html
{
    /// <summary>Parses a response into its own browsing context: tests run in parallel, and a context tracks its active document.</summary>
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>
    /// Posts the form the way a browser would: every named field with its current value
    /// (checked boxes and radios only), then the given values on top. A null value removes the field. <c>body</c>, when
    /// given, rewrites the encoded body's bytes before sending: bytes no browser would send (invalid UTF-8).
    /// <c>submitter</c>, when given, is the button pressed (a selector inside the form): its name and value are posted, and
    /// its <c>formaction</c> replaces the form's action, as a browser does.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, IDocument page, IDictionary<string, string?> values, string formSelector = "main form", Func<byte[], byte[]>? body = null,
        string? submitter = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var button = submitter is null ? null
            : form.QuerySelector(submitter) ?? throw new InvalidOperationException($"No button '{submitter}' in form '{formSelector}' on {page.Url}");
        return await PostAsync(client, page, button?.GetAttribute("formaction") ?? form.GetAttribute("action"), Fields(form, values, button), body);
    }

    /// <summary>
    /// Presses the submit button <paramref name="buttonSelector"/> as a browser would: its form's fields (those tied to
    /// it with a <c>form</c> attribute too), the button's own name and value, to the button's <c>formaction</c> when it
    /// has one. <paramref name="values"/> go on top, as in <see cref="SubmitAsync"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient client, IDocument page, string buttonSelector, IDictionary<string, string?>? values = null)
    {
        var button = page.QuerySelector<IHtmlButtonElement>(buttonSelector) ?? throw new InvalidOperationException($"No button '{buttonSelector}' on {page.Url}");
        var form = button.Form ?? throw new InvalidOperationException($"The button '{buttonSelector}' belongs to no form");
        var fields = Fields(form, values ?? new Dictionary<string, string?>());
        if (!string.IsNullOrEmpty(button.Name))
        {
            fields.Add(new(button.Name!, button.Value));
        }

        return await PostAsync(client, page, button.GetAttribute("formaction") ?? form.GetAttribute("action"), fields, null);
    }

    /// <summary>The form's fields as a browser posts them, <paramref name="button"/>'s name and value when it has a name, then <paramref name="values"/> on top.</summary>
    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IDictionary<string, string?> values, IElement? button = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if ((input.Type is "checkbox" or "radio") && !input.IsChecked)
                    {
                        continue;
                    }

                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new(textArea.Name!, textArea.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }

        if (button?.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            fields.Add(new(buttonName, button.GetAttribute("value") ?? ""));
        }

        foreach (var (name, value) in values)
        {
            // A checkbox posts "true" plus its hidden "false"; replace all of a name's values at once.
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, IDocument page, string? actionAttribute, List<KeyValuePair<string, string>> fields, Func<byte[], byte[]>? body)
    {
        // Resolved from the attribute itself: AngleSharp's Action property escapes a query string's '?'.
        var action = actionAttribute is { Length: > 0 } attribute
            ? new Uri(new Uri(page.Url), attribute)
            : new Uri(page.Url);
        HttpContent content = new FormUrlEncodedContent(fields);
        if (body is not null)
        {
            var bytes = body(await content.ReadAsByteArrayAsync());
            content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
        }

        return await client.PostAsync(action.PathAndQuery, content);
    }

    public static string Text(this IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No '{selector}' on {page.Url}");
}
