using System.Net;
using MimeKit;

namespace Workshops.Tests.Support.Browser;

/// <summary>
/// One served app, shared by the collection, with the programme arranged so that every state a visitor
/// can meet exists at once: an open workshop, a full one, a walk-in café, one past its deadline, a cancelled
/// one, and registrations that are confirmed, waitlisted and cancelled. Tests that only look at pages use it;
/// tests that change the programme start their own <see cref="ServedApp"/>.
/// </summary>
public sealed class AllStatesSite : IAsyncLifetime
{
    public const string Open = "rauma-yksinaisyys";
    public const string WalkIn = "suomiareena-penkkikahvila";
    public const string Full = "korkeakoulut-ja-yritykset-webinaari";
    public const string PastDeadline = "community-hub-sewf";
    public const string Cancelled = "validointityopaja";

    private readonly Dictionary<string, List<MimeMessage>> _mailByRecipient = new(StringComparer.OrdinalIgnoreCase);
    private int _people;

    public ServedApp Site { get; private set; } = null!;

    /// <summary>Paths of own pages (/manage/…) for a confirmed, a waitlisted and a cancelled registration.</summary>
    public string ConfirmedManagePath { get; private set; } = "";
    public string WaitlistedManagePath { get; private set; } = "";
    public string CancelledManagePath { get; private set; } = "";

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
    }

    /// <summary>An address no one has used yet, so each registration through a browser is a new person.</summary>
    public string NewEmail() => $"person{Interlocked.Increment(ref _people)}@example.fi";

    /// <summary>Registers a new person over plain HTTP (the real form) and returns their own page's path from the email.</summary>
    public async Task<string> RegisterAsync(string slug, string? email = null)
    {
        email ??= NewEmail();
        using var client = Client();
        var form = await Html.GetAsync(client, $"/workshops/{slug}");
        var values = People.Registration(email: email);
        values["Input.Needs"] = null; // not every workshop asks
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
