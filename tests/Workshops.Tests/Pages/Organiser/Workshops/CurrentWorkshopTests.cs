using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// One workshop's organiser pages find it through one filter: an unknown slug is a 404 before any handler runs (GET,
/// downloads and posted forms alike, and nothing is written or audited); a draft is found like a published workshop.
/// </summary>
public sealed class CurrentWorkshopTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Unknown = "ei-tallaista-tyopajaa";

    /// <summary>Every page under /organiser/workshops/{slug}, with the downloads.</summary>
    private static readonly string[] Pages =
    [
        "", "?handler=Csv", "?handler=Xlsx", "/add", "/cancel", "/check-in", "/delete", "/edit", "/feedback", "/message",
        "/poster", "/proposals", "/proposals?handler=Csv", "/question", "/questions", "/reminder", "/results", "/sign-in-sheet",
    ];

    /// <summary>Real forms of the workshop's pages (the page, the form), each posted again to the unknown slug's address.</summary>
    private static readonly (string Page, string Form)[] Forms =
    [
        ("", "form.copy-form"),
        ("", "form.cancel-form"),
        ("", "form.erase-form"),
        ("/add", "form.add-form"),
        ("/cancel", "main form"),
        ("/check-in", ".checkin-list form"),
        ("/edit", "form.workshop-form"),
        ("/feedback", "form.close-feedback-form"),
        ("/message", "form.message-form"),
        ("/question", "form.question-form"),
        ("/reminder", "form.reminder-form"),
        ("/results", "form.send-participants"),
    ];

    /// <summary>Forms a workshop shows only once it has ended (WorkshopLifecycle), taken after the others.</summary>
    private static readonly (string Page, string Form)[] FormsAfterTheEnd =
    [
        ("/feedback", "form.send-feedback-form"),
    ];

    private Task<int> AuditEntriesAsync() => App.WithDbAsync(db => db.AuditEntries.CountAsync());

    private async Task<Dictionary<string, HttpStatusCode>> StatusesAsync(string slug)
    {
        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var page in Pages)
        {
            statuses[page] = (await Organiser.GetAsync($"/organiser/workshops/{slug}{page}")).StatusCode;
        }

        return statuses;
    }

    [Fact]
    public async Task AnUnknownSlugIsNotFoundOnEveryPageOfAWorkshop()
    {
        var audited = await AuditEntriesAsync();

        var statuses = await StatusesAsync(Unknown);

        Assert.Equal(Pages.ToDictionary(p => p, _ => HttpStatusCode.NotFound), statuses);
        Assert.Equal(audited, await AuditEntriesAsync()); // no download was audited
    }

    [Fact]
    public async Task AFormPostedToAnUnknownSlugIsNotFoundAndChangesNothing()
    {
        await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request("Aino Ääkkönen", "aino@example.fi")); // rows with forms
        var audited = await AuditEntriesAsync();
        var statuses = new Dictionary<string, HttpStatusCode>();
        async Task PostToUnknownAsync((string Page, string Form)[] forms)
        {
            foreach (var (page, selector) in forms)
            {
                var document = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}{page}");
                var form = document.QuerySelector(selector) ?? throw new InvalidOperationException($"No '{selector}' on {page}");
                var action = form.GetAttribute("action") is { Length: > 0 } attribute ? attribute : new Uri(document.Url).PathAndQuery;
                form.SetAttribute("action", action.Replace($"/{Rauma}", $"/{Unknown}", StringComparison.Ordinal));

                statuses[$"{page} {selector}"] = (await Html.SubmitAsync(Organiser, document, new Dictionary<string, string?>(), selector)).StatusCode;
            }
        }

        await PostToUnknownAsync(Forms);
        var yesterday = DateOnly.FromDateTime(HelsinkiTime.Now(App.Time)).AddDays(-1);
        await App.UpdateWorkshopAsync(Rauma, w => w.Date = yesterday); // held: its feedback requests may go
        await PostToUnknownAsync(FormsAfterTheEnd);

        Assert.Equal(Forms.Concat(FormsAfterTheEnd).ToDictionary(f => $"{f.Page} {f.Form}", _ => HttpStatusCode.NotFound), statuses);
        Assert.Equal(audited, await AuditEntriesAsync());
        Assert.NotEqual(WorkshopStatus.Cancelled, (await App.WorkshopAsync(Rauma)).Status);
        Assert.Equal(1, await App.WithDbAsync(db => db.Workshops.CountAsync(w => w.Slug.StartsWith(Rauma)))); // not copied
    }

    [Fact]
    public async Task ADraftIsFoundOnEveryPageOfAWorkshopLikeAPublishedOne()
    {
        await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}"), new Dictionary<string, string?>(), "form.copy-form");
        Assert.True((await App.WorkshopAsync(Rauma + "-kopio")).IsDraft);

        Assert.Equal(Pages.ToDictionary(p => p, _ => HttpStatusCode.OK), await StatusesAsync(Rauma + "-kopio"));
        Assert.Equal(Pages.ToDictionary(p => p, _ => HttpStatusCode.OK), await StatusesAsync(Rauma));
    }
}
