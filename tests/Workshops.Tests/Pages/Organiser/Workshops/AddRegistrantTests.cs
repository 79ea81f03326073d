using System.Net;
using AngleSharp.Dom;
using Workshops.Tests.Support;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>The organiser's "add registrant" form: the public form's fields, with the same per-field errors.</summary>
public sealed class AddRegistrantTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;

    [Fact]
    public async Task EachInvalidFieldShowsItsOwnErrorNextToItAndNothingIsSaved()
    {
        var form = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/add");
        var values = People.Registration(name: "", email: "not an address");
        values["Input.Consent"] = null;
        var response = await Html.SubmitAsync(Organiser, form, values, "form.add-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        AssertFieldError(page, "Name", "Kirjoita henkilön nimi.");
        AssertFieldError(page, "Email", "Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.");
        // The organiser's form speaks to the organiser about the person, not to the person.
        AssertFieldError(page, "Consent", "Vahvista, että henkilö on hyväksynyt tietojensa käsittelyn tietosuojaselosteen mukaisesti.");
        Assert.Null(page.QuerySelector("#Input_Organisation")!.GetAttribute("aria-invalid"));
        Assert.Equal(["#Input_Name", "#Input_Email", "#Input_Consent"],
            page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("not an address", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
        Assert.Empty(await App.RegistrationsInFileAsync(Rauma));
    }

    /// <summary>The message sits in the field's own box, and the field points at it for screen readers.</summary>
    private static void AssertFieldError(IDocument page, string field, string message)
    {
        var input = page.QuerySelector($"#Input_{field}") ?? throw new InvalidOperationException($"No field {field}");
        var error = page.QuerySelector($"#Input_{field}-error") ?? throw new InvalidOperationException($"No error for {field}");
        Assert.Equal(message, error.TextContent.Trim());
        Assert.Same(input.Closest(".field"), error.Closest(".field"));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains($"Input_{field}-error", input.GetAttribute("aria-describedby") ?? "");
    }
}
