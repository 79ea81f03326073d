using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// A workshop's questions never outgrow its form: every answer field is a form value, and the site reads at most 100 per
/// form. About 90 text questions made every registration a 400; the editor now stops at 60 answer fields (a several-
/// choices question counting one per option) with a message, and a full form still registers.
/// </summary>
public sealed class QuestionLimitTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;

    private async Task<(bool Saved, AngleSharp.Dom.IDocument Page)> AddAsync(Dictionary<string, string?> values)
    {
        var form = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/question");
        var page = await Html.ParseAsync(await Html.SubmitAsync(Organiser, form, values, "form.question-form"));
        return (page.Location.PathName.EndsWith("/questions", StringComparison.Ordinal), page);
    }

    private static Dictionary<string, string?> Text(int i) => new() { ["Input.Kind"] = "ShortText", ["Input.TextFi"] = $"Kysymys {i}" };

    private static Dictionary<string, string?> Choices(int options)
    {
        var values = new Dictionary<string, string?> { ["Input.Kind"] = "SeveralChoices", ["Input.TextFi"] = "Mitkä teemat kiinnostavat?" };
        for (var i = 0; i < options; i++)
        {
            values[$"Input.Options[{i}].Fi"] = $"Teema {i}";
        }

        return values;
    }

    [Fact]
    public async Task TheEditorStopsAtTheFormsCapacityAndAFullFormStillRegisters()
    {
        for (var i = 0; i < 57; i++)
        {
            Assert.True((await AddAsync(Text(i))).Saved, $"question {i} was refused");
        }

        // 57 text fields + 4 options = 61: refused with the reason, nothing saved.
        var (saved, refused) = await AddAsync(Choices(4));
        Assert.False(saved, "a 61st answer field was accepted");
        Assert.Contains("enintään 60", refused.Text(".error-summary"));
        Assert.Equal(57, await App.WithDbAsync(db => db.WorkshopQuestions.CountAsync()));

        Assert.True((await AddAsync(Choices(3))).Saved);
        Assert.False((await AddAsync(new() { ["Input.Kind"] = "YesNo", ["Input.TextFi"] = "Tarvitsetko pysäköintipaikan?" })).Saved);

        // The public form with every field answered and every option ticked: 60 answer values and the form's own.
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{Rauma}");
        foreach (var box in form.QuerySelectorAll("input[type=checkbox][name^='Input.Q']").OfType<IHtmlInputElement>())
        {
            box.IsChecked = true;
        }

        var questions = await App.WithDbAsync(db => db.WorkshopQuestions.AsNoTracking().ToListAsync());
        var values = People.Registration(email: "full.form@example.fi");
        foreach (var q in questions.Where(q => !q.TakesKeys))
        {
            values[$"Input.Q{q.Id}"] = "vastaus";
        }

        var response = await Html.SubmitAsync(browser, form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/registered", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Single(await App.RegistrationsInFileAsync(Rauma), r => r.Email == "full.form@example.fi");
    }
}
