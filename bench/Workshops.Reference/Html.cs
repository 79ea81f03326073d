using System.Text.Encodings.Web;

/// <summary>The two pages, as plain strings with every value HTML-encoded.</summary>
internal static class Html
{
    public static string Form(string title, string slug, string token)
    {
        var t = HtmlEncoder.Default.Encode(title);
        return $"""
            <!doctype html><html lang="fi"><head><meta charset="utf-8"><title>{t}</title></head><body><main><h1>{t}</h1>
            <form method="post" action="/workshops/{HtmlEncoder.Default.Encode(slug)}">
            <input name="__RequestVerificationToken" type="hidden" value="{HtmlEncoder.Default.Encode(token)}">
            <label>Nimi <input name="Input.Name" required></label><label>Sähköposti <input name="Input.Email" type="email" required></label>
            <label>Organisaatio <input name="Input.Organisation"></label>
            <select name="Input.Group"><option>Municipal</option><option>Citizen</option><option>HigherEducationOrCompany</option><option>SocialEnterprise</option></select>
            <select name="Input.Language"><option>fi</option><option>sv</option><option>en</option></select>
            <label><input type="checkbox" name="Input.Consent" value="true" required> Hyväksyn</label><button>Ilmoittaudu</button>
            </form></main></body></html>
            """;
    }

    public static string Result(string status) =>
        $"""<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kiitos</title></head><body><main><p>{HtmlEncoder.Default.Encode(status)}</p></main></body></html>""";
}
