using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Feedback;

namespace Workshops.Tests.Domain.Feedback;

/// <summary>
/// The feedback checks made inside the write transaction, called the way a page loaded earlier would reach them: the page's
/// own check already passed, so only the service's refusal stands between a stale form and a stored answer.
/// </summary>
public sealed class FeedbackSeamTests : IDisposable
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string WalkIn = "suomiareena-penkkikahvila";
    private static readonly FeedbackResponse Answer = new(3, 3, "Teksti", null, null);
    /// <summary>Automatic requests off: the clock jumps past the due moment, and these tests decide who is asked.</summary>
    private readonly WorkshopsFactory _app = new(settings: new Dictionary<string, string?> { ["Feedback:Enabled"] = "false" });

    public void Dispose() => _app.Dispose();

    private async Task<T> WithAsync<T>(Func<FeedbackService, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<FeedbackService>());
    }

    /// <summary>A walk-in form key the site issues now for <paramref name="workshopId"/>'s form (one use).</summary>
    private string FormKey(Guid workshopId) => _app.Services.GetRequiredService<WalkInFormKeys>().Issue(workshopId);

    [Fact]
    public async Task TheSaveItselfRefusesAParticipantsAnswerOnceFeedbackIsClosed()
    {
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino", "aino@example.fi"));
        var aino = await FeedbackSteps.PersonAsync(_app, "aino@example.fi");
        var rauma = await _app.WorkshopAsync(Rauma);
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 6, 1, 12, 0, 0))); // the day after Rauma
        Assert.Equal(1, (await WithAsync(f => f.SendNowAsync(rauma.Id, Organisers.Email))).Queued);
        Assert.Equal(FeedbackSaveOutcome.Saved, await WithAsync(f => f.SaveParticipantAsync(aino.Id, Answer, "fi")));

        await WithAsync(f => f.SetOpenAsync(rauma.Id, open: false, Organisers.Email));
        var late = await WithAsync(f => f.SaveParticipantAsync(aino.Id, new FeedbackResponse(1, 1, "Myöhässä", null, null), "fi"));

        Assert.Equal(FeedbackSaveOutcome.Closed, late);
        Assert.Equal(("Teksti", 3), await _app.WithDbAsync(async db => await db.FeedbackAnswers.Select(a => new { a.WhatWorked, a.OverallRating })
            .SingleAsync() is var a ? (a.WhatWorked, a.OverallRating) : default));
    }

    [Fact]
    public async Task TheSaveItselfRefusesAnAnswerBeforeTheWorkshopEndsAndFromSomeoneNotAsked()
    {
        await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino", "aino@example.fi"));
        var aino = await FeedbackSteps.PersonAsync(_app, "aino@example.fi");
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 5, 31, 12, 0, 0))); // Rauma's day: under way

        Assert.Equal(FeedbackSaveOutcome.NotYet, await WithAsync(f => f.SaveParticipantAsync(aino.Id, Answer, "fi")));
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 6, 1, 12, 0, 0)));
        Assert.Equal(FeedbackSaveOutcome.NotYet, await WithAsync(f => f.SaveParticipantAsync(aino.Id, Answer, "fi"))); // not asked yet
        Assert.False(await _app.WithDbAsync(db => db.FeedbackAnswers.AnyAsync()));
    }

    [Fact]
    public async Task TheWalkInSaveRefusesTheDayBeforeAndTakesAnswersFromTheWorkshopsDay()
    {
        var bench = await _app.WorkshopAsync(WalkIn); // 30.6.2028, no time announced
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 6, 29, 23, 59, 0)));
        Assert.Equal(FeedbackSaveOutcome.NotYet, await WithAsync(f => f.SaveWalkInAsync(bench.Id, FormKey(bench.Id), Answer, "fi")));

        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 6, 30, 0, 0, 0)));
        Assert.Equal(FeedbackSaveOutcome.Saved, await WithAsync(f => f.SaveWalkInAsync(bench.Id, FormKey(bench.Id), Answer, "fi")));
        Assert.Equal(1, await _app.WithDbAsync(db => db.FeedbackAnswers.CountAsync()));
    }

    [Fact]
    public async Task TheWalkInSaveRefusesOnceTheOrganiserHasClosedFeedback()
    {
        var bench = await _app.WorkshopAsync(WalkIn);
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 6, 30, 12, 0, 0)));
        var page = await Html.GetAsync(_app.Browser(), $"/workshops/{WalkIn}/feedback");
        Assert.NotNull(page.QuerySelector("form.feedback-form"));

        await WithAsync(f => f.SetOpenAsync(bench.Id, open: false, Organisers.Email));

        Assert.Equal(FeedbackSaveOutcome.Closed, await WithAsync(f => f.SaveWalkInAsync(bench.Id, FormKey(bench.Id), Answer, "fi")));
        Assert.False(await _app.WithDbAsync(db => db.FeedbackAnswers.AnyAsync()));
    }
}
