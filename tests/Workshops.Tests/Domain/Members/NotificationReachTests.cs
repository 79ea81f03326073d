using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Members;
using Workshops.Web.Email;

namespace Workshops.Tests.Domain.Members;

/// <summary>
/// A member's notice is composed again at every try of the outbox: what it may say, and whether it goes at all, must
/// follow the member as they are when it leaves, not as they were when it was queued.
/// </summary>
public sealed class NotificationReachTests : IDisposable
{
    private const string Olli = "olli@example.fi";

    private readonly WorkshopsFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AFailedNoticeTriedAgainAfterTheMemberWasDisabledDoesNotGiveThemNames()
    {
        var paula = await Organisers.SignedInAsync(_app); // an administrator
        await Organisers.CreateMemberAsync(_app, Olli, MemberRole.Organiser, RegistrationSteps.Rauma);
        await ChooseAsync(Olli, NotificationChoice.Each);
        _app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino Aaltonen", "aino@example.fi")));
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<NotificationService>().SendDueAsync());
        }

        Assert.Single(await MailToAsync(Olli, 1));

        // The mail server refused it (as if it had never left): the row is failed, on the failed-emails page.
        foreach (var file in Directory.GetFiles(_app.PickupDirectory, "*.eml"))
        {
            File.Delete(file);
        }

        await _app.WithDbAsync(async db =>
        {
            var notice = await db.OutgoingEmails.SingleAsync(e => e.Kind == EmailKind.MemberNotice);
            notice.State = EmailState.Failed;
            notice.Attempts = 5;
            await db.SaveChangesAsync();
        });

        // Olli leaves the team: disabled. Then the administrator retries the failed emails.
        var olliId = await _app.WithDbAsync(db => db.Users.Where(u => u.UserName == Olli).Select(u => u.Id).SingleAsync());
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Equal(MemberChange.Done, await scope.ServiceProvider.GetRequiredService<MemberService>().SetDisabledAsync(olliId, true, Organisers.Email));
        }

        var failed = await Html.GetAsync(paula, "/organiser/messages");
        await Html.SubmitAsync(paula, failed, new Dictionary<string, string?>(), "form.retry-form");

        var sent = await MailToAsync(Olli, 0);
        Assert.All(sent, m => Assert.DoesNotContain("aino", m.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Empty(sent);
    }

    private async Task ChooseAsync(string email, NotificationChoice choice)
    {
        var rauma = (await _app.WorkshopAsync(RegistrationSteps.Rauma)).Id;
        var id = await _app.WithDbAsync(db => db.Users.Where(u => u.UserName == email).Select(u => u.Id).SingleAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<NotificationService>().ChooseAsync(id, new Dictionary<Guid, NotificationChoice> { [rauma] = choice }, "fi"));
    }

    /// <summary>The .eml files written to <paramref name="address"/>, once every queued message has left and at least <paramref name="atLeast"/> arrived.</summary>
    private async Task<List<MimeMessage>> MailToAsync(string address, int atLeast)
    {
        var found = new List<MimeMessage>();
        await Eventually.TrueAsync(async () =>
        {
            var pending = await _app.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.State == EmailState.Queued || e.State == EmailState.Sending));
            found = [];
            foreach (var file in Directory.Exists(_app.PickupDirectory) ? Directory.GetFiles(_app.PickupDirectory, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == address))
                {
                    found.Add(message);
                }
            }

            return pending == 0 && found.Count >= atLeast;
        }, $"{atLeast} messages to {address}");
        return found;
    }
}
