using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;

namespace Workshops.Tests.Support;

/// <summary>Arranges registrations: through the public form (the real path), or the domain service for values the form refuses.</summary>
public static class RegistrationSteps
{
    public const string Rauma = "rauma-yksinaisyys";

    public static async Task ThroughFormAsync(WorkshopsFactory app, string name, string email, string? organisation = "Rauman kaupunki",
        string group = "Municipal", string slug = Rauma, string? needs = null, string language = "fi")
    {
        var browser = app.Browser();
        var form = await Html.GetAsync(browser, $"/workshops/{slug}");
        var values = People.Registration(name, email);
        values["Input.Organisation"] = organisation;
        values["Input.Group"] = group;
        values["Input.Needs"] = needs;
        values["Input.Language"] = language;
        var response = await Html.SubmitAsync(browser, form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/registered", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    public static async Task<RegistrationOutcome> DirectAsync(WorkshopsFactory app, RegistrationRequest request, string slug = Rauma)
    {
        var workshop = await app.WorkshopAsync(slug);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(workshop.Id, request);
    }

    public static RegistrationRequest Request(string name, string email, string? organisation = null, HelixGroup group = HelixGroup.Citizen, string? needs = null) =>
        new(name, email, organisation, group, needs, "fi");
}
