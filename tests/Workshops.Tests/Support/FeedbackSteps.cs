using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Support;

/// <summary>Steps shared by the feedback tests: the link in a request, the form's values, the organiser's buttons, the outbox at rest.</summary>
public static partial class FeedbackSteps
{
    /// <summary>The path of the personal feedback link in a feedback request's plain-text body.</summary>
    public static string FeedbackPath(MimeMessage message)
    {
        var match = FeedbackLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "no feedback link in:\n" + message.TextBody);
        return new Uri(match.Value).AbsolutePath;
    }

    /// <summary>Form values for an answer; null texts and come-again leave those out.</summary>
    public static Dictionary<string, string?> Answer(int overall, int method, string? worked = null, string? improve = null, string? again = null) => new()
    {
        ["Input.OverallRating"] = overall.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.MethodRating"] = method.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.WhatWorked"] = worked,
        ["Input.WhatToImprove"] = improve,
        ["Input.WouldComeAgain"] = again,
    };

    /// <summary>Presses one of the buttons on the organiser's feedback page of <paramref name="slug"/> (send, close, reopen).</summary>
    public static async Task<AngleSharp.Dom.IDocument> PressAsync(HttpClient organiser, string slug, string form)
    {
        var page = await Html.GetAsync(organiser, $"/organiser/workshops/{slug}/feedback");
        var response = await Html.SubmitAsync(organiser, page, new Dictionary<string, string?>(), $"form.{form}");
        Assert.True(response.IsSuccessStatusCode, $"{form}: {(int)response.StatusCode}");
        return await Html.ParseAsync(response);
    }

    /// <summary>Waits until the outbox has nothing queued or in flight: every message committed so far has reached the SMTP server.</summary>
    public static Task OutboxAtRestAsync(WorkshopsFactory app) =>
        Eventually.TrueAsync(() => app.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State == EmailState.Sent || e.State == EmailState.Skipped)), "the outbox sent everything");

    /// <summary>The local Helsinki moment as the UTC instant the fake clock takes.</summary>
    public static DateTimeOffset Helsinki(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), HelsinkiTime.Zone), TimeSpan.Zero);

    /// <summary>The registration with this address (tests only).</summary>
    public static Task<Registration> PersonAsync(WorkshopsFactory app, string email) =>
        app.WithDbAsync(db => db.Registrations.AsNoTracking().SingleAsync(r => r.Email == email));

    /// <summary>Cancels through the domain service (the person's own cancel path).</summary>
    public static async Task CancelAsync(WorkshopsFactory app, string email)
    {
        var person = await PersonAsync(app, email);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(CancelOutcome.Cancelled, await scope.ServiceProvider.GetRequiredService<RegistrationService>().CancelAsync(person.Id));
    }

    [GeneratedRegex(@"https://workshops\.test/manage/[A-Za-z0-9_-]{43}/feedback")]
    private static partial Regex FeedbackLink();
}
