using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Email;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>
/// "Lähetä vahvistus uudelleen" on the attendee list (issue 25): the person gets their registration as it is now with
/// their manage link, at most once per five minutes, audited with the organiser's name; a cancelled person gets nothing.
/// </summary>
public sealed class ResendConfirmationTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;

    private static string Notice(IDocument page) => page.QuerySelector("[role=status] .outcome-main")?.TextContent.Trim() ?? "(no notice)";

    private async Task<IDocument> ResendAsync(int registrationId)
    {
        var list = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}");
        return await Html.ParseAsync(await Html.SubmitAsync(Organiser, list, new Dictionary<string, string?>(), $"#r-{registrationId} form.resend-form"));
    }

    private Task<int> ResentAsync(int registrationId) =>
        App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.RegistrationId == registrationId && e.Kind == EmailKind.Reminder));

    [Fact]
    public async Task AConfirmationIsResentAtMostOncePerFiveMinutesAndEachIsAudited()
    {
        await RegistrationSteps.ThroughFormAsync(App, "Aino Aaltonen", "aino@example.fi");
        var aino = await App.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "aino@example.fi"));

        Assert.Equal("Vahvistus ja oma ilmoittautumislinkki lähtevät uudelleen.", Notice(await ResendAsync(aino.Id)));
        Assert.Equal(1, await ResentAsync(aino.Id));

        App.Time.Advance(TimeSpan.FromMinutes(4));
        var tooSoon = Notice(await ResendAsync(aino.Id));
        Assert.StartsWith("Vahvistus lähti hetki sitten. Seuraavan voi lähettää", tooSoon);
        Assert.Equal(1, await ResentAsync(aino.Id));

        App.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Vahvistus ja oma ilmoittautumislinkki lähtevät uudelleen.", Notice(await ResendAsync(aino.Id)));
        Assert.Equal(2, await ResentAsync(aino.Id));

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ConfirmationResent).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal((Organisers.Email, aino.Id), (a.Actor, a.RegistrationId!.Value)));
    }

    [Fact]
    public async Task ACancelledPersonHasNoResendButtonAndAPostedResendSendsNothing()
    {
        await RegistrationSteps.ThroughFormAsync(App, "Aino Aaltonen", "aino@example.fi");
        var aino = await App.WithDbAsync(db => db.Registrations.SingleAsync(r => r.Email == "aino@example.fi"));
        var list = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}");
        await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == aino.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled)));

        // The form from before the cancellation, posted after it.
        var page = await Html.ParseAsync(await Html.SubmitAsync(Organiser, list, new Dictionary<string, string?>(), $"#r-{aino.Id} form.resend-form"));

        Assert.Equal("Ilmoittautuminen on peruttu tai tiedot poistettu, joten vahvistusta ei lähetetty.", Notice(page));
        Assert.Equal(0, await ResentAsync(aino.Id));
        var all = await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}?status=all");
        Assert.Null(all.QuerySelector($"#r-{aino.Id} form.resend-form"));
    }
}
