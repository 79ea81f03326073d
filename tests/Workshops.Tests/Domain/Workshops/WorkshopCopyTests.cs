using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Accessibility;
using Workshops.Web.Domain.Feedback;
using Workshops.Web.Domain.Messaging;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Domain.Workshops;

/// <summary>
/// A copy (<see cref="WorkshopService.CopyAsync"/>) takes what describes the workshop and nothing that belongs to the
/// source's people or to its dates' history, through the domain services on a real SQLite file.
/// </summary>
public sealed class WorkshopCopyTests : IDisposable
{
    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ACopyCarriesNothingOfTheSourcesPeopleOrHistory()
    {
        var source = await _app.WorkshopAsync(RegistrationSteps.Rauma);
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<QuestionService>().AddAsync(source.Id, new QuestionDraft(QuestionKind.OneChoice,
            new LocalizedText { Fi = "Mihin aikaan pääset?" }, new LocalizedText(), false,
            [new OptionDraft(null, new LocalizedText { Fi = "Aamupäivä" }), new OptionDraft(null, new LocalizedText { Fi = "Iltapäivä" })]), Organisers.Email);
        var questionId = await _app.WithDbAsync(db => db.WorkshopQuestions.Where(q => q.WorkshopId == source.Id).MaxAsync(q => q.Id));
        var aino = await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino", "aino@example.fi") with { Answers = [new AnswerRequest(questionId, ["o1"])] });
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Bertil", "bertil@example.fi"));
        // The morning leaves the form with Aino's answer: archived, not copied.
        await services.GetRequiredService<QuestionService>().EditAsync(source.Id, questionId, new QuestionDraft(QuestionKind.OneChoice,
            new LocalizedText { Fi = "Mihin aikaan pääset?" }, new LocalizedText(), false, [new OptionDraft("o2", new LocalizedText { Fi = "Iltapäivä" })]), Organisers.Email);
        await services.GetRequiredService<EventReminders>().SendNowAsync(source.Id, Organisers.Email);
        await services.GetRequiredService<MessagingService>().SendAsync(source.Id, Guid.NewGuid(),
            new MessageDraft(new LocalizedText { Fi = "Tervetuloa" }, new LocalizedText { Fi = "Nähdään Raumalla." }, MessageRecipients.Confirmed), Organisers.Email);
        _app.Time.SetUtcNow(new DateTimeOffset(2028, 6, 1, 9, 0, 0, TimeSpan.Zero)); // the day after
        await services.GetRequiredService<FeedbackService>().SendNowAsync(source.Id, Organisers.Email); // asked once it has ended
        Assert.Equal(FeedbackSaveOutcome.Saved, await services.GetRequiredService<FeedbackService>()
            .SaveParticipantAsync(aino.RegistrationId!.Value, new FeedbackResponse(5, 4, "Hyvä", null, null), "fi"));
        var now = _app.Time.GetUtcNow().UtcDateTime;
        await _app.UpdateWorkshopAsync(RegistrationSteps.Rauma, w =>
        {
            w.ChangeSchedule(w.Date, new TimeOnly(10, 0), null, w.Place, null, now);
            w.RecordHeadCount(14, now);
            w.SaveResults(new LocalizedText { Fi = "Yhteenveto" }, publish: true, now);
            w.SetFeedbackOpen(false, now);
        });

        var copy = (await services.GetRequiredService<WorkshopService>().CopyAsync(source.Id, Organisers.Email))!;

        var stored = await _app.WorkshopAsync(copy.Slug);
        Assert.Equal((0, null, "", false, true, true, WorkshopStatus.Closed),
            (stored.Sequence, stored.HeadCount, stored.Results.Summary.Fi, stored.Results.Published, stored.Feedback.IsOpen, stored.IsDraft, stored.Status));
        Assert.Equal((0, 0, 0, 0, 0, 0), await _app.WithDbAsync(async db => (
            await db.Registrations.CountAsync(r => r.WorkshopId == copy.Id),
            await db.FeedbackAnswers.CountAsync(a => a.WorkshopId == copy.Id),
            await db.AttendeeMessages.CountAsync(m => m.WorkshopId == copy.Id),
            await db.OutgoingEmails.CountAsync(e => e.WorkshopId == copy.Id || e.Registration!.WorkshopId == copy.Id),
            await db.Proposals.CountAsync(p => p.WorkshopId == copy.Id),
            await db.ResultsMailings.CountAsync(m => m.WorkshopId == copy.Id))));
        var question = await _app.WithDbAsync(db => db.WorkshopQuestions.AsNoTracking().SingleAsync(q => q.WorkshopId == copy.Id));
        Assert.Equal([("Iltapäivä", false)], question.Options.Select(o => (o.Text.Fi, o.Archived)));

        // The source keeps all of it.
        Assert.Equal((2, 1, 1), await _app.WithDbAsync(async db => (
            await db.Registrations.CountAsync(r => r.WorkshopId == source.Id && r.ReminderSentAtUtc != null),
            await db.FeedbackAnswers.CountAsync(a => a.WorkshopId == source.Id),
            await db.AttendeeMessages.CountAsync(m => m.WorkshopId == source.Id))));
    }

    [Fact]
    public async Task ACopyMadeWithTheButtonCarriesTheVenuesAccessibilityThePracticalInformationTheActivityKindAndRetentionButNoPeopleOrCertificates()
    {
        const string Rauma = RegistrationSteps.Rauma;
        var organiser = await Organisers.SignedInAsync(_app);
        var access = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/accessibility");
        await Html.SubmitAsync(organiser, access, new Dictionary<string, string?>
        {
            ["Input.Answers[StepFreeAccess]"] = "Yes",
            ["Input.Answers[InductionLoop]"] = "No",
            ["Input.NotesFi"] = "Hissi pääovelta.",
            ["Input.NotesEn"] = "A lift from the main door.",
        }, "main form");
        var practical = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/practical-information");
        var preview = await Html.ParseAsync(await Html.SubmitAsync(organiser, practical, new Dictionary<string, string?> { ["Input.Fi"] = "Pysäköinti P2. Lounas klo 12.", ["Input.Sv"] = "Parkering P2." }, "form.words-form"));
        await Html.SubmitAsync(organiser, preview, new Dictionary<string, string?>(), "form.words-form");
        var edit = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/edit");
        await Html.SubmitAsync(organiser, edit, new Dictionary<string, string?> { ["Input.ActivityKind"] = "OpenEvent", ["Input.RetentionDays"] = "1825" }, "form.workshop-form");

        // The source's people: Aino attended and took her certificate.
        var aino = (await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino", "aino@example.fi"))).RegistrationId!.Value;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Web.Domain.Registrations.CheckInService>().SetCheckedInAsync(aino, true, Organisers.Email));
            _app.Time.SetUtcNow(new DateTimeOffset(2028, 6, 1, 9, 0, 0, TimeSpan.Zero)); // the day after
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<Web.Domain.Certificates.CertificateService>().IssueAsync(aino));
        }

        var source = await _app.WorkshopAsync(Rauma);
        await Organisers.SubmitSignInAsync(organiser, Organisers.Email, Organisers.Password); // a week later: signed in again
        var attendees = await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}");
        await Html.SubmitAsync(organiser, attendees, new Dictionary<string, string?>(), "form.copy-form");

        var copy = await _app.WithDbAsync(db => db.Workshops.AsNoTracking().SingleAsync(w => w.Slug == Rauma + "-kopio"));
        Assert.Equal(
            (ArrangementStatus.Yes, ArrangementStatus.No, ArrangementStatus.NotYetKnown, "Hissi pääovelta.", "", "A lift from the main door."),
            (copy.Accessibility.StepFreeAccess, copy.Accessibility.InductionLoop, copy.Accessibility.Captions, copy.Accessibility.Notes.Fi, copy.Accessibility.Notes.Sv, copy.Accessibility.Notes.En));
        Assert.True(copy.Accessibility.SameAs(source.Accessibility));
        Assert.Equal(("Pysäköinti P2. Lounas klo 12.", "Parkering P2.", ""), (copy.Words.PracticalInfo.Fi, copy.Words.PracticalInfo.Sv, copy.Words.PracticalInfo.En));
        Assert.Equal((Web.Domain.Funder.ActivityKind.OpenEvent, (int?)1825), (copy.Funder.Kind, copy.Funder.RetentionDays));
        Assert.Equal((true, WorkshopStatus.Closed, (int?)null), (copy.IsDraft, copy.Status, copy.HeadCount));
        Assert.Equal((0, 0, 0, 0, 0), await _app.WithDbAsync(async db => (
            await db.Registrations.CountAsync(r => r.WorkshopId == copy.Id),
            await db.Certificates.CountAsync(c => c.WorkshopId == copy.Id),
            await db.SelfEntryInvitations.CountAsync(i => i.WorkshopId == copy.Id),
            await db.SeatOffers.CountAsync(o => o.Registration!.WorkshopId == copy.Id),
            await db.WalkInVisits.CountAsync(v => v.WorkshopId == copy.Id))));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Certificates.CountAsync(c => c.WorkshopId == source.Id)));
    }
}
