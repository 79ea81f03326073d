using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Funder;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Funder;

/// <summary>
/// The funder's self-entry email while the mail server is down: an arrival taken back meanwhile takes the waiting email
/// back too (the person did not attend: no self-entry step, not on the roster); marked arrived again, the next round
/// sends it, once.
/// </summary>
public sealed class SelfEntryMailingTests : IDisposable
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string SelfEntryUrl = "https://eura.example/omat-tiedot";

    private readonly FlakyTransport _mail = new();
    private readonly WorkshopsFactory _app;

    public SelfEntryMailingTests() =>
        _app = new WorkshopsFactory(settings: new Dictionary<string, string?> { ["Funder:SelfEntryUrl"] = SelfEntryUrl }, services: s =>
        {
            s.RemoveAll<IEmailTransport>();
            s.AddScoped<IEmailTransport>(sp => _mail.Around(sp.GetRequiredService<PickupTransport>()));
        });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnArrivalTakenBackWhileTheSelfEntryEmailWaitsTakesTheEmailBackAndMarkedAgainItGoesOnce()
    {
        Assert.NotNull(await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino Aaltonen", "aino@example.fi")));
        var aino = await _app.WithDbAsync(db => db.Registrations.Where(r => r.Email == "aino@example.fi").Select(r => r.Id).SingleAsync());
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 5, 31, 12, 0, 0)));
        await SetArrivedAsync(aino, true);

        // After the workshop, with the mail server down: the round queues her email, and its first try fails.
        _app.Time.SetUtcNow(FeedbackSteps.Helsinki(new DateTime(2028, 6, 2, 12, 0, 0)));
        _mail.Down = true;
        await ScanAsync(); // the app's own scan runs on the clock too: whichever queues it, it is queued once
        await Eventually.TrueAsync(() => _app.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.Kind == EmailKind.SelfEntry && e.State == EmailState.Queued && e.Attempts > 0)), "a failed first try");

        // The arrival was a wrong tap: taken back, the waiting email goes with it, and she is off the roster.
        await SetArrivedAsync(aino, false);
        _mail.Down = false;
        _app.Time.Advance(TimeSpan.FromHours(1));
        await ScanAsync();
        await DrainedAsync();
        Assert.Empty(await SelfEntryEmailsToAsync("aino@example.fi"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.SelfEntryInvitations.CountAsync()));

        // She did come after all: marked again, the next round sends her the email, and only one.
        await SetArrivedAsync(aino, true);
        await ScanAsync();
        await ScanAsync();
        await DrainedAsync();
        Assert.Single(await SelfEntryEmailsToAsync("aino@example.fi"));
    }

    private async Task SetArrivedAsync(int id, bool present)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<CheckInService>().SetCheckedInAsync(id, present, Organisers.Email));
    }

    private async Task ScanAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FunderService>().SendSelfEntryDueAsync();
    }

    private Task DrainedAsync() =>
        Eventually.TrueAsync(() => _app.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State != EmailState.Queued && e.State != EmailState.Sending)), "the outbox drained");

    private async Task<List<MimeMessage>> SelfEntryEmailsToAsync(string address)
    {
        var found = new List<MimeMessage>();
        foreach (var file in Directory.Exists(_app.PickupDirectory) ? Directory.GetFiles(_app.PickupDirectory, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == address) && (message.TextBody ?? "").Contains(SelfEntryUrl, StringComparison.Ordinal))
            {
                found.Add(message);
            }
        }

        return found;
    }
}
