using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Certificates;

/// <summary>
/// "Send all certificates" while the mail server is down: the message waits for its next try, and an arrival taken back
/// meanwhile makes that try skip it (the certificate is withdrawn). Marked arrived again, the certificate is valid again
/// with its code, and the person must still be able to get it by email: nobody has.
/// </summary>
public sealed class CertificateMailingTests : IDisposable
{
    private const string Rauma = RegistrationSteps.Rauma;
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero); // 14.00 Helsinki

    private readonly FlakyTransport _mail = new();
    private readonly WorkshopsFactory _app;

    public CertificateMailingTests() =>
        _app = new WorkshopsFactory(services: s =>
        {
            s.RemoveAll<IEmailTransport>();
            s.AddScoped<IEmailTransport>(sp => _mail.Around(sp.GetRequiredService<PickupTransport>()));
        });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ACertificateSkippedWhileItsArrivalWasTakenBackIsSentOnceMarkedAgain()
    {
        await _app.UpdateWorkshopAsync(Rauma, w => (w.Date, w.StartTime, w.EndTime) = (new DateOnly(2026, 12, 3), new TimeOnly(14, 0), new TimeOnly(16, 0)));
        Assert.NotNull(await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino Aaltonen", "aino@example.fi")));
        var aino = await _app.WithDbAsync(db => db.Registrations.Where(r => r.Email == "aino@example.fi").Select(r => r.Id).SingleAsync());
        _app.Time.SetUtcNow(Start.AddMinutes(10));
        var organiser = await Organisers.SignedInAsync(_app);
        await MarkAsync(organiser, aino, arrived: true);

        // After the end, with the mail server down: "send all" queues Aino's certificate; its first try fails.
        _app.Time.SetUtcNow(Start.AddHours(3));
        _mail.Down = true;
        await Html.SubmitAsync(organiser, await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/certificates"), new Dictionary<string, string?>(), "form.send-certificates");
        await Eventually.TrueAsync(() => _app.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.Kind == EmailKind.Certificate && e.State == EmailState.Queued && e.Attempts > 0)), "a failed first try");

        // A wrong tap takes her arrival back; the next try skips the withdrawn certificate; then she is marked arrived again.
        await MarkAsync(organiser, aino, arrived: false);
        _mail.Down = false;
        _app.Time.Advance(TimeSpan.FromHours(1));
        await Eventually.TrueAsync(() => _app.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.Kind == EmailKind.Certificate && e.State == EmailState.Skipped)), "the try that skips it");
        await MarkAsync(organiser, aino, arrived: true);

        var sent = await Html.SubmitAsync(organiser, await Html.GetAsync(organiser, $"/organiser/workshops/{Rauma}/certificates"), new Dictionary<string, string?>(), "form.send-certificates");
        var notice = (await Html.ParseAsync(sent)).QuerySelector(".outcome-main")?.TextContent.Trim() ?? "";
        await Eventually.TrueAsync(() => _app.WithDbAsync(db => db.OutgoingEmails.AllAsync(e => e.State != EmailState.Queued && e.State != EmailState.Sending)), "the outbox drained");
        var certificates = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(_app.PickupDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == "aino@example.fi") && message.Attachments.OfType<MimePart>().Any(a => a.ContentType.MimeType == "application/pdf"))
            {
                certificates.Add(message);
            }
        }

        Assert.True(certificates.Count == 1, $"Aino got {certificates.Count} certificate emails; the page said: {notice}");
    }

    /// <summary>Presses "arrived" or "take back the arrival" for registration <paramref name="id"/> on the door's check-in page.</summary>
    private async Task MarkAsync(HttpClient browser, int id, bool arrived)
    {
        var page = await Html.GetAsync(browser, $"/organiser/workshops/{Rauma}/check-in");
        var form = arrived ? $"#r-{id} form.arrive-form" : $"#r-{id} details.undo form";
        var response = await Html.SubmitAsync(browser, page, new Dictionary<string, string?>(), form);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} marking {id}");
        Assert.Equal(arrived, await _app.WithDbAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.CheckedInAtUtc != null).SingleAsync()));
    }
}
