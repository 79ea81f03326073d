using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Email;

namespace Workshops.Tests.Email;

/// <summary>Rows that cannot be composed or sent are failed with their reason and never hold up the others.</summary>
public sealed class PoisonedOutboxTests : AppWithMailServer
{
    // Addresses an older form accepted but the sending side cannot handle (found by an attack-minded test).
    private static readonly string[] Poison = ["firstname.@example.fi", "a..b@example.fi", ".lead@example.fi", "bad@@example.fi", "no-at-sign"];

    [Fact]
    public async Task FiftyPoisonedRowsThenARealRegistrationTheRealConfirmationIsDeliveredWithoutWaiting()
    {
        var workshop = await App.WorkshopAsync("rauma-yksinaisyys");
        var now = App.Time.GetUtcNow().UtcDateTime;
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < 50; i++)
            {
                var email = i < Poison.Length ? Poison[i] : $"p{i}.@example.fi";
                var registration = new Registration
                {
                    WorkshopId = workshop.Id,
                    Name = $"Poison {i}",
                    Email = email,
                    EmailNormalized = email,
                    Group = HelixGroup.Citizen,
                    Language = "fi",
                    Status = RegistrationStatus.Confirmed,
                    ConsentedAtUtc = now,
                    CreatedAtUtc = now,
                };
                db.OutgoingEmails.Add(new OutgoingEmail
                {
                    Id = Guid.NewGuid(),
                    Registration = registration,
                    Kind = EmailKind.Confirmed,
                    State = EmailState.Queued,
                    CreatedAtUtc = now,
                    NextAttemptAtUtc = now,
                });
            }

            await db.SaveChangesAsync();
        });

        var started = System.Diagnostics.Stopwatch.StartNew();
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, "/workshops/rauma-yksinaisyys");
        await Html.SubmitAsync(browser, form, People.Registration(email: "real.person@example.fi"));

        // The fake clock never moves: nothing may wait for a poll interval or a retry delay.
        var message = await Smtp.NextMessageAsync(TimeSpan.FromSeconds(30));
        started.Stop();
        Assert.Equal("real.person@example.fi", message.To.Mailboxes.Single().Address);
        Console.WriteLine($"Real confirmation after 50 poisoned rows delivered in {started.Elapsed.TotalSeconds:0.0} s");

        var poisoned = await App.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Include(e => e.Registration)
            .Where(e => e.Registration!.Name.StartsWith("Poison")).ToListAsync());
        await Eventually.TrueAsync(async () => await App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.State == EmailState.Failed)) == 50,
            "all poisoned rows failed");
        poisoned = await App.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Where(e => e.State == EmailState.Failed).ToListAsync());
        Assert.All(poisoned, e => Assert.False(string.IsNullOrWhiteSpace(e.LastError)));
        Assert.All(poisoned, e => Assert.Equal(1, e.Attempts));
    }
}

/// <summary>A crash between a send and its "sent" mark delivers twice; both copies' links must work.</summary>
public sealed class RetriedMessageLinkTests : AppWithMailServer
{
    [Fact]
    public async Task EveryDeliveredCopyOfAMessageCarriesTheSameWorkingManageLink()
    {
        var browser = App.Browser();
        await Html.SubmitAsync(browser, await Html.GetAsync(browser, "/workshops/rauma-yksinaisyys"), People.Registration());
        var first = await Smtp.NextMessageAsync();
        await Eventually.TrueAsync(async () => await App.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.State == EmailState.Sent)), "sent");

        // As if the process died after the server took the message but before it was marked sent.
        await App.WithDbAsync(db => db.OutgoingEmails.ExecuteUpdateAsync(s => s.SetProperty(e => e.State, EmailState.Sending)
            .SetProperty(e => e.ClaimedAtUtc, App.Time.GetUtcNow().UtcDateTime)));
        await Eventually.TrueWhileAdvancingAsync(App.Time, TimeSpan.FromMinutes(1),
            async () => await App.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.State == EmailState.Sent && e.Attempts == 2)), "sent again");
        var second = await Smtp.NextMessageAsync();

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(Mail.ManagePath(first), Mail.ManagePath(second));
        var page = await App.Browser().GetAsync(Mail.ManagePath(first));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }
}
