using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workshops.Tests.Pages.Organiser;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Certificates;
using Workshops.Web.Domain.Funder;
using Workshops.Web.Domain.Members;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Domain.Workshops;

namespace Workshops.Tests.Support.Browser;

/// <summary>
/// One served app, shared by the collection, with the programme arranged so that every state a visitor
/// can meet exists at once: an open workshop, a full one, a walk-in café, one past its deadline, a cancelled
/// one, and registrations that are confirmed, waitlisted and cancelled. Two workshops more than the announcement's five:
/// a hybrid one (on site or online, someone registered on site who may switch) and one held this morning, a participant
/// activity with one person checked in who has their certificate. A door helper invited but not yet signed up, and a
/// member who may ask for a new password. Tests that only look at pages use it; tests that change the programme start
/// their own <see cref="ServedApp"/>.
/// </summary>
public sealed class AllStatesSite : IAsyncLifetime
{
    public const string Open = "rauma-yksinaisyys";
    public const string WalkIn = "suomiareena-penkkikahvila";
    public const string Full = "korkeakoulut-ja-yritykset-webinaari";
    public const string PastDeadline = "community-hub-sewf";
    public const string Cancelled = "validointityopaja";
    public const string Hybrid = "hybridi-mittaaminen";
    public const string Held = "aamukahvit-pidetty";

    /// <summary>A member with a password, who may ask for a reset link.</summary>
    public const string MemberEmail = "unohtaja@example.fi";

    /// <summary>The actor of the arrangements (the audit log's "who").</summary>
    private const string Arranger = "jarjestaja@example.fi";

    private readonly Dictionary<string, List<MimeMessage>> _mailByRecipient = new(StringComparer.OrdinalIgnoreCase);
    private int _people;

    public ServedApp Site { get; private set; } = null!;

    /// <summary>Paths of own pages (/manage/…) for a confirmed, a waitlisted and a cancelled registration.</summary>
    public string ConfirmedManagePath { get; private set; } = "";
    public string WaitlistedManagePath { get; private set; } = "";
    public string CancelledManagePath { get; private set; } = "";

    /// <summary>Own page of someone on site at the hybrid workshop (the switch to online is offered).</summary>
    public string HybridManagePath { get; private set; } = "";

    /// <summary>Own page of someone checked in at the held workshop, with their certificate issued.</summary>
    public string AttendedManagePath { get; private set; } = "";

    /// <summary>The verification code of that person's certificate (<c>/certificates/{code}</c>).</summary>
    public string CertificateCode { get; private set; } = "";

    /// <summary>
    /// By language (fi/sv/en), an invited door helper's link to set their password (<c>/organiser/invitation?…</c>); the
    /// link carries the invitation's language, as the emailed one does.
    /// </summary>
    public IReadOnlyDictionary<string, string> InvitationPaths { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Site = ServedApp.Start();
        var app = Site.App;
        var now = app.Time.GetUtcNow().UtcDateTime;
        await app.UpdateWorkshopAsync(Full, w => w.Capacity = 1);
        await app.UpdateWorkshopAsync(PastDeadline, w => w.RegistrationDeadline = new DateTime(2026, 11, 1, 16, 0, 0));
        await app.UpdateWorkshopAsync(Cancelled, w => w.Cancel(now));

        await RegisterAsync(Full, "seat-taker@example.fi");
        ConfirmedManagePath = await RegisterAsync(Open, "confirmed@example.fi");
        WaitlistedManagePath = await RegisterAsync(Full, "waitlisted@example.fi");
        CancelledManagePath = await RegisterAsync(Open, "cancelled@example.fi");
        await CancelAsync(CancelledManagePath);

        await ArrangeHybridAndHeldAsync();
        await Organisers.CreateAsync(app, MemberEmail);
        var invitations = new Dictionary<string, string>();
        foreach (var language in new[] { "fi", "sv", "en" })
        {
            var invited = $"kutsuttu-{language}@example.fi";
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var open = (await app.WorkshopAsync(Open)).Id;
                Assert.Equal(InviteOutcome.Invited, await scope.ServiceProvider.GetRequiredService<MemberService>()
                    .InviteAsync(invited, MemberRole.DoorHelper, [open], language, Arranger));
            }

            invitations[language] = MembersTests.LinkTo(await MessageToAsync(invited), "invitation");
        }

        InvitationPaths = invitations;
    }

    /// <summary>
    /// The hybrid workshop (20 seats on site, 50 online; no time announced yet, like the announcement's five, so the
    /// programme still opens with "time to be announced") with one person on site; and a workshop today 12.15–12.45
    /// Helsinki time (the clock is at 12.00), where one person registers, is checked in at the door, and after the clock
    /// passes the end has their certificate issued.
    /// </summary>
    private async Task ArrangeHybridAndHeldAsync()
    {
        var app = Site.App;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var workshops = scope.ServiceProvider.GetRequiredService<WorkshopService>();
            Assert.NotNull(await workshops.CreateAsync(new WorkshopDetails(
                Hybrid,
                new LocalizedText { Fi = "Sosiaalisten innovaatioiden vaikutusten mittaaminen", Sv = "Att mäta sociala innovationers effekter", En = "Measuring the impact of social innovation" },
                new LocalizedText { Fi = "Työpaja paikan päällä Porissa tai verkossa.", Sv = "Workshop på plats i Björneborg eller på nätet.", En = "A workshop on site in Pori or online." },
                new DateOnly(2027, 3, 10), null, null, WorkshopFormat.Hybrid, Audience.OpenToAll,
                "Porin yliopistokeskus, Pohjoisranta 11 A, Pori", "https://meet.example.fi/j/mittaaminen", 20, null, true, OnlineCapacity: 50), Arranger));
            Assert.NotNull(await workshops.CreateAsync(new WorkshopDetails(
                Held,
                new LocalizedText { Fi = "Aamukahvit: kumppanuudet Satakunnassa", Sv = "Morgonkaffe: partnerskap i Satakunta", En = "Morning coffee: partnerships in Satakunta" },
                new LocalizedText { Fi = "Lyhyt tapaaminen kumppaneille.", Sv = "Ett kort möte för partner.", En = "A short meeting for partners." },
                new DateOnly(2026, 11, 27), new TimeOnly(12, 15), new TimeOnly(12, 45), WorkshopFormat.InPerson, Audience.MunicipalActors,
                "Rauman kaupungintalo, Kanalinranta 3, Rauma", null, 30, null, true), Arranger));
        }

        HybridManagePath = await RegisterAsync(Hybrid, extra: new() { ["Input.Mode"] = nameof(AttendanceMode.OnSite) });
        const string attendee = "paikalla@example.fi";
        AttendedManagePath = await RegisterAsync(Held, attendee, new() { ["Input.Name"] = "Maria-Liisa Kärkkäinen-Öhrnberg", ["Input.OrganisationType"] = nameof(OrganisationType.PublicBody) });
        var attendeeId = await app.WithDbAsync(db => db.Registrations.Where(r => r.Email == attendee).Select(r => r.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CheckInService>().SetCheckedInAsync(attendeeId, true, Arranger));
        }

        app.Time.Advance(TimeSpan.FromHours(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var certificate = await scope.ServiceProvider.GetRequiredService<CertificateService>().IssueAsync(attendeeId);
            CertificateCode = Assert.IsType<Certificate>(certificate).Code;
        }
    }

    /// <summary>
    /// A fresh password-reset link for <see cref="MemberEmail"/>, asked for through the real "forgot password" form in
    /// <paramref name="language"/> (the link works for 30 minutes, so each visit asks anew).
    /// </summary>
    public async Task<string> ResetPasswordPathAsync(string language)
    {
        using var client = Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/language/{language}")).StatusCode);
        var form = await Html.GetAsync(client, "/organiser/forgot-password");
        var response = await Html.SubmitAsync(client, form, new Dictionary<string, string?> { ["Email"] = MemberEmail });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return MembersTests.LinkTo(await MessageToAsync(MemberEmail), "reset-password");
    }

    /// <summary>An address no one has used yet, so each registration through a browser is a new person.</summary>
    public string NewEmail() => $"person{Interlocked.Increment(ref _people)}@example.fi";

    /// <summary>Registers a new person over plain HTTP (the real form) and returns their own page's path from the email.</summary>
    public async Task<string> RegisterAsync(string slug, string? email = null, Dictionary<string, string?>? extra = null)
    {
        email ??= NewEmail();
        using var client = Client();
        var form = await Html.GetAsync(client, $"/workshops/{slug}");
        var values = People.Registration(email: email);
        values["Input.Needs"] = null; // not every workshop asks
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }
        var response = await Html.SubmitAsync(client, form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Mail.ManagePath(await MessageToAsync(email));
    }

    public async Task CancelAsync(string managePath)
    {
        using var client = Client();
        var page = await Html.GetAsync(client, managePath + "/cancel");
        var response = await Html.SubmitAsync(client, page, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The first message to <paramref name="address"/> not yet taken; others that arrive meanwhile are kept for later.</summary>
    public async Task<MimeMessage> MessageToAsync(string address)
    {
        while (true)
        {
            if (_mailByRecipient.TryGetValue(address, out var waiting) && waiting.Count > 0)
            {
                var first = waiting[0];
                waiting.RemoveAt(0);
                return first;
            }

            var message = await Site.Smtp.NextMessageAsync();
            var to = message.To.Mailboxes.Single().Address;
            if (!_mailByRecipient.TryGetValue(to, out var list))
            {
                _mailByRecipient[to] = list = [];
            }

            list.Add(message);
        }
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = Site.BaseAddress };

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
