using System.Net;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// A draft nobody has used yet (a doubled or mistaken copy) is deleted from the list or its editor after a confirmation
/// page; a published workshop never is (it is cancelled instead). Through the real forms.
/// </summary>
public sealed class DeleteDraftTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Copy = Rauma + "-kopio";

    private async Task<Workshop> CopyRaumaWithAQuestionAsync()
    {
        await QuestionSteps.AddAsync(App, Organiser, new() { ["Input.Kind"] = "YesNo", ["Input.TextFi"] = "Tarvitsetko pysäköintipaikan?" });
        await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}"), new Dictionary<string, string?>(), "form.copy-form");
        return await App.WorkshopAsync(Copy);
    }

    private Task<bool> ExistsAsync(Guid id) => App.WithDbAsync(db => db.Workshops.AnyAsync(w => w.Id == id));

    [Fact]
    public async Task ADraftIsDeletedFromTheListWithItsQuestionsAndTheAuditKeepsItsAddress()
    {
        var copy = await CopyRaumaWithAQuestionAsync();
        Assert.Equal(1, await App.WithDbAsync(db => db.WorkshopQuestions.CountAsync(q => q.WorkshopId == copy.Id)));
        var list = await Html.GetAsync(Organiser, "/organiser");
        Assert.Null(list.QuerySelector($"tr[data-slug='{Rauma}'] a.delete-link")); // published: not offered

        var confirm = await Html.ParseAsync(await Organiser.GetAsync(list.QuerySelector($"tr[data-slug='{Copy}'] a.delete-link")!.GetAttribute("href")));
        Assert.Contains(Copy, confirm.Text("main"));
        var deleted = await Html.ParseAsync(await Html.SubmitAsync(Organiser, confirm, new Dictionary<string, string?>(), "form.delete-form"));

        Assert.Contains("Luonnos poistettiin.", deleted.Text(".outcome"));
        Assert.Null(deleted.QuerySelector($"tr[data-slug='{Copy}']"));
        Assert.False(await ExistsAsync(copy.Id));
        Assert.Equal(0, await App.WithDbAsync(db => db.WorkshopQuestions.CountAsync(q => q.WorkshopId == copy.Id)));
        var entry = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.WorkshopDeleted));
        Assert.Equal(copy.Id, entry.WorkshopId);
        Assert.Contains(Copy, entry.Detail);
        Assert.Contains(Copy, (await Html.GetAsync(Organiser, "/organiser/audit")).Text("main"));
    }

    [Fact]
    public async Task ADraftsOutsideRecipientsGoWithItAndTheirAddressesLeaveTheAuditLog()
    {
        // Nothing can have been sent to them (a draft's results are never sent), and no purge would find a deleted
        // workshop's entries by its date.
        var copy = await CopyRaumaWithAQuestionAsync();
        await Outcome.AddRecipientAsync(Organiser, "Lauri Inna", "kaupunginjohtaja@pori.example.fi", slug: Copy);

        var confirm = await Html.GetAsync(Organiser, $"/organiser/workshops/{Copy}/delete");
        var deleted = await Html.ParseAsync(await Html.SubmitAsync(Organiser, confirm, new Dictionary<string, string?>(), "form.delete-form"));

        Assert.Contains("Luonnos poistettiin.", deleted.Text(".outcome"));
        Assert.False(await ExistsAsync(copy.Id));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutsideRecipients.CountAsync()));
        Assert.DoesNotContain(await App.WithDbAsync(db => db.AuditEntries.Select(a => a.Detail ?? "").ToListAsync()), d => d.Contains('@'));
    }

    [Fact]
    public async Task DeletingTwiceFromTheEditorSaysItIsAlreadyDeleted()
    {
        var copy = await CopyRaumaWithAQuestionAsync();
        var editor = await Html.GetAsync(Organiser, $"/organiser/workshops/{Copy}/edit");
        var confirm = await Html.ParseAsync(await Organiser.GetAsync(editor.QuerySelector(".draft-notice a.delete-link")!.GetAttribute("href")));

        var first = await Html.SubmitAsync(Organiser, confirm, new Dictionary<string, string?>(), "form.delete-form");
        var second = await Html.SubmitAsync(Organiser, confirm, new Dictionary<string, string?>(), "form.delete-form"); // a double click

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Luonnos oli jo poistettu.", (await Html.ParseAsync(second)).Text(".outcome"));
        Assert.False(await ExistsAsync(copy.Id));
        Assert.Equal(1, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.WorkshopDeleted)));
    }

    [Fact]
    public async Task AForcedDeleteOfAPublishedWorkshopIsRefused()
    {
        var copy = await CopyRaumaWithAQuestionAsync();
        var confirm = await Html.GetAsync(Organiser, $"/organiser/workshops/{Copy}/delete");
        await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Copy}/publish"), new Dictionary<string, string?>(), "form.publish-form");
        var source = await App.WorkshopAsync(Rauma);
        Assert.Null((await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/delete")).QuerySelector("form.delete-form"));

        // The draft's confirmation, opened before publishing, and the same form aimed at the source.
        var stale = await Html.ParseAsync(await Html.SubmitAsync(Organiser, confirm, new Dictionary<string, string?>(), "form.delete-form"));
        var forced = await Html.ParseAsync(await Html.SubmitAsync(Organiser, confirm, new Dictionary<string, string?> { ["id"] = source.Id.ToString() }, "form.delete-form"));

        Assert.Contains("Julkaistua työpajaa ei voi poistaa. Peru se sen sijaan.", stale.Text(".outcome"));
        Assert.Contains("Julkaistua työpajaa ei voi poistaa. Peru se sen sijaan.", forced.Text(".outcome"));
        Assert.True(await ExistsAsync(copy.Id));
        Assert.True(await ExistsAsync(source.Id));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.WorkshopDeleted)));
    }

    [Fact]
    public async Task ADraftSomeoneHasUsedIsNotDeleted()
    {
        // Registration is refused for a draft; a row put there by other means (an older version, a restore) still wins.
        var copy = await CopyRaumaWithAQuestionAsync();
        var confirm = await Html.GetAsync(Organiser, $"/organiser/workshops/{Copy}/delete");
        await RegistrationSteps.ThroughFormAsync(App, "Aino", "aino@example.fi");
        var moved = copy.Id.ToString().ToUpperInvariant(); // as EF Core stores a Guid in SQLite
        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Registrations SET WorkshopId = {moved} WHERE Id = (SELECT MAX(Id) FROM Registrations)"));

        var refused = await Html.ParseAsync(await Html.SubmitAsync(Organiser, confirm, new Dictionary<string, string?>(), "form.delete-form"));

        Assert.Contains("Luonnosta ei poistettu", refused.Text(".outcome"));
        Assert.True(await ExistsAsync(copy.Id));
    }
}

/// <summary>Two organisers (two app instances over one database) confirm the same draft's deletion at once.</summary>
public sealed class ConcurrentDraftDeletionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task ADraftDeletedTwiceAtOnceIsDeletedOnceWithoutAnError(DatabaseProvider provider)
    {
        const string Bench = "suomiareena-penkkikahvila";
        using var folder = new TestFolder(provider);
        using var a = new WorkshopsFactory(folder);
        using var b = new WorkshopsFactory(folder);
        // Four browsers, two on each instance: each has its own cookies, so each answer's notice (carried by the
        // TempData cookie over the redirect) is its own; two submissions from one cookie jar would overwrite each other's.
        var browsers = new[] { await Organisers.SignedInAsync(a), await SignedInAsync(b), await SignedInAsync(a), await SignedInAsync(b) };
        await Html.SubmitAsync(browsers[0], await Html.GetAsync(browsers[0], $"/organiser/workshops/{Bench}"), new Dictionary<string, string?>(), "form.copy-form");
        var pages = await Task.WhenAll(browsers.Select(browser => Html.GetAsync(browser, $"/organiser/workshops/{Bench}-kopio/delete")));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Html.SubmitAsync(browsers[i], pages[i], new Dictionary<string, string?>(), "form.delete-form")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var notices = await Task.WhenAll(answers.Select(async answer => (await Html.ParseAsync(answer)).Text(".outcome")));
        Assert.Single(notices, n => n.Contains("Luonnos poistettiin.", StringComparison.Ordinal));
        Assert.Equal(3, notices.Count(n => n.Contains("Luonnos oli jo poistettu.", StringComparison.Ordinal)));
        Assert.Equal(1, await a.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.WorkshopDeleted)));
        Assert.False(await a.WithDbAsync(db => db.Workshops.AnyAsync(w => w.Slug == Bench + "-kopio")));
    }

    private static async Task<HttpClient> SignedInAsync(WorkshopsFactory app)
    {
        var browser = app.Browser();
        await Organisers.SubmitSignInAsync(browser, Organisers.Email, Organisers.Password);
        return browser;
    }
}
