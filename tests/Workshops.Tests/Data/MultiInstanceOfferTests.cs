using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Npgsql;
using Workshops.Tests.Support;
using Workshops.Web.Data;

namespace Workshops.Tests.Data;

/// <summary>
/// Seat offers on two real app processes over one PostgreSQL database (issue 24): the same offer accepted on both at once,
/// and an accept racing the expiry job that both instances run. Exactly one seat, each message once.
/// </summary>
public sealed partial class MultiInstanceOfferTests : IAsyncLifetime
{
    private const string Rauma = RegistrationSteps.Rauma;

    private readonly TestFolder _folder = new(DatabaseProvider.PostgreSQL);
    private readonly TestSmtpServer _smtp = new();
    private AppProcess _a = null!;
    private AppProcess _b = null!;

    public async Task InitializeAsync()
    {
        _smtp.Start();
        var settings = _smtp.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        settings["Site__PublicBaseUrl"] = "https://workshops.test";
        // Both instances look for expired offers every second, so their runs race each other and the accepts.
        settings["Offers__ScanIntervalSeconds"] = "1";
        var started = await Task.WhenAll(AppProcess.StartAsync(_folder, settings), AppProcess.StartAsync(_folder, settings));
        (_a, _b) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _smtp.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AnOfferAcceptedOnBothInstancesOrRacingTheirExpiryGivesOneSeatAndEachMessageOnce()
    {
        await ExecuteAsync($"""UPDATE "Workshops" SET "Capacity" = 1, "Offers_Enabled" = true, "Offers_Hours" = 24 WHERE "Slug" = '{Rauma}'""");
        var mail = new Dictionary<string, MimeMessage>();
        foreach (var (name, i) in new[] { "aino", "bertil", "cecilia", "david" }.Select((n, i) => (n, i)))
        {
            await RegisterAsync(i % 2 == 0 ? _a : _b, name);
            mail[name] = (await ReceiveAsync(1))[$"{name}@example.fi"];
        }

        // Aino cancels on A: Bertil is offered the seat.
        await CancelAsync(_a, Mail.ManagePath(mail["aino"]));
        var offered = await ReceiveAsync(2);
        Assert.StartsWith("Sinulle tarjotaan paikkaa:", offered["bertil@example.fi"].Subject);

        // Bertil's accept reaches both instances at the same moment (a double click behind a load balancer).
        var jar = new CookieContainer();
        var page = await Html.GetAsync(Client(_a, jar), OfferPath(offered["bertil@example.fi"]));
        var answers = await Task.WhenAll(
            Html.SubmitAsync(Client(_a, jar), page, new Dictionary<string, string?>(), "form.offer-accept"),
            Html.SubmitAsync(Client(_b, jar), page, new Dictionary<string, string?>(), "form.offer-accept"));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.StartsWith("Paikkasi on vahvistettu:", (await ReceiveAsync(1))["bertil@example.fi"].Subject);
        Assert.Equal("1", await ScalarAsync("""SELECT count(*) FROM "OutgoingEmails" e JOIN "Registrations" r ON r."Id" = e."RegistrationId" WHERE r."Email" = 'bertil@example.fi' AND e."Kind" = 'Confirmed'"""));

        // Bertil cancels on B: Cecilia is offered the seat. Her time runs out (the deadline is moved into the past, as the
        // clock of two real processes cannot be advanced), and then her accept reaches both instances at once while both
        // instances' expiry runs, every second, find the same offer due: whichever comes first ends it, once.
        await CancelAsync(_b, Mail.ManagePath(mail["bertil"]));
        var second = await ReceiveAsync(2);
        var offerToCecilia = second["cecilia@example.fi"];
        jar = new CookieContainer();
        page = await Html.GetAsync(Client(_b, jar), OfferPath(offerToCecilia));
        await ExecuteAsync("""UPDATE "SeatOffers" SET "ExpiresAtUtc" = (now() AT TIME ZONE 'utc') - interval '1 second' WHERE "State" = 'Open'""");
        var late = await Task.WhenAll(
            Html.SubmitAsync(Client(_a, jar), page, new Dictionary<string, string?>(), "form.offer-accept"),
            Html.SubmitAsync(Client(_b, jar), page, new Dictionary<string, string?>(), "form.offer-accept"));
        Assert.All(late, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));

        // Too late: expired once, David offered the seat once, and nobody confirmed.
        var last = await ReceiveAsync(2);
        Assert.StartsWith("Paikkatarjous päättyi:", last["cecilia@example.fi"].Subject);
        Assert.StartsWith("Sinulle tarjotaan paikkaa:", last["david@example.fi"].Subject);
        await Eventually.TrueAsync(async () => await ScalarAsync("""SELECT count(*) FROM "OutgoingEmails" WHERE "State" <> 'Sent'""") == "0", "the outbox is empty", TimeSpan.FromSeconds(60));
        Assert.Equal(["Waitlisted", "SeatOffered", "OfferExpired"], await KindsAsync("cecilia@example.fi"));
        Assert.Equal(["Waitlisted", "SeatOffered"], await KindsAsync("david@example.fi"));
        Assert.Equal("Expired", await ScalarAsync("""SELECT o."State" FROM "SeatOffers" o JOIN "Registrations" r ON r."Id" = o."RegistrationId" WHERE r."Email" = 'cecilia@example.fi'"""));

        Assert.Equal("1", await ScalarAsync($"""
            SELECT (SELECT count(*) FROM "Registrations" r JOIN "Workshops" w ON w."Id" = r."WorkshopId" WHERE w."Slug" = '{Rauma}' AND r."Status" = 'Confirmed')
                 + (SELECT count(*) FROM "SeatOffers" WHERE "State" = 'Open')
            """));
        Assert.Equal(_smtp.ReceivedCount.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync("""SELECT count(*) FROM "OutgoingEmails" """));
    }

    private static HttpClient Client(AppProcess app, CookieContainer? jar = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = jar ?? new CookieContainer() }) { BaseAddress = app.BaseAddress };

    private static async Task RegisterAsync(AppProcess app, string name)
    {
        var client = Client(app);
        var form = await Html.GetAsync(client, $"/workshops/{Rauma}");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(client, form, People.Registration(name, $"{name}@example.fi"))).StatusCode);
    }

    private static async Task CancelAsync(AppProcess app, string managePath)
    {
        var client = Client(app);
        var confirm = await Html.GetAsync(client, managePath + "/cancel");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(client, confirm, new Dictionary<string, string?>())).StatusCode);
    }

    /// <summary>The kinds of message queued for an address, in the order queued.</summary>
    private async Task<List<string>> KindsAsync(string email)
    {
        await using var connection = new NpgsqlConnection(_folder.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT e."Kind" FROM "OutgoingEmails" e JOIN "Registrations" r ON r."Id" = e."RegistrationId"
            WHERE r."Email" = @email ORDER BY e."CreatedAtUtc", e."Kind"
            """, connection);
        command.Parameters.AddWithValue("email", email);
        var kinds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            kinds.Add(reader.GetString(0));
        }

        return kinds;
    }

    private async Task<Dictionary<string, MimeMessage>> ReceiveAsync(int count)
    {
        var messages = new Dictionary<string, MimeMessage>();
        for (var i = 0; i < count; i++)
        {
            var message = await _smtp.NextMessageAsync(TimeSpan.FromSeconds(60));
            messages.Add(message.To.Mailboxes.Single().Address, message);
        }

        return messages;
    }

    private static string OfferPath(MimeMessage message)
    {
        var match = OfferLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "no offer link in:\n" + message.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https://workshops\.test/manage/[A-Za-z0-9_-]{43}/offer\?answer=accept")]
    private static partial Regex OfferLink();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_folder.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_folder.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
