using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workshops.Tests.Support;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Members;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>The organiser team through the real forms (issue 25): invitations, roles at work, disabling a member.</summary>
public sealed partial class MembersTests : SignedInOrganiser
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Other = Outcome.BenchCafe;

    /// <summary>Waits for the one message to <paramref name="address"/> in the pickup folder.</summary>
    public static async Task<MimeMessage> MessageToAsync(WorkshopsFactory app, string address)
    {
        MimeMessage? found = null;
        await Eventually.TrueAsync(async () =>
        {
            if (!Directory.Exists(app.PickupDirectory))
            {
                return false;
            }

            foreach (var file in Directory.GetFiles(app.PickupDirectory, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == address))
                {
                    found = message;
                    return true;
                }
            }

            return false;
        }, $"a message to {address} is written");
        return found!;
    }

    /// <summary>The path and query of the first link to <paramref name="page"/> in the message's text.</summary>
    public static string LinkTo(MimeMessage message, string page)
    {
        var match = Regex.Match(message.TextBody ?? "", @"https://workshops\.test(/organiser/" + page + @"\?\S+)");
        Assert.True(match.Success, $"no {page} link in:\n{message.TextBody}");
        return match.Groups[1].Value;
    }

    private async Task<int> RegisterAsync(string name, string email, string slug = Rauma)
    {
        await RegistrationSteps.DirectAsync(App, RegistrationSteps.Request(name, email, organisation: "Rauman kaupunki"), slug);
        return await App.WithDbAsync(db => db.Registrations.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
    }

    private async Task InviteAsync(string email, MemberRole role, params string[] slugs)
    {
        var ids = new List<Guid>();
        foreach (var slug in slugs)
        {
            ids.Add((await App.WorkshopAsync(slug)).Id);
        }

        var page = await Html.GetAsync(Organiser, "/organiser/members");
        var values = new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Role"] = role.ToString() };
        // The chosen workshops' check boxes, as a browser sends them: one field per box.
        var extra = System.Text.Encoding.ASCII.GetBytes(string.Concat(ids.Select(id => "&Input.Workshops=" + id)));
        var response = await Html.SubmitAsync(Organiser, page, values, "form.invite-form", body: bytes => [.. bytes, .. extra]);
        var after = await Html.ParseAsync(response);
        Assert.Contains($"Kutsu lähti osoitteeseen {email}.", after.Body!.TextContent);
    }

    /// <summary>Opens the invitation link in a fresh browser, sets the password, signs in; returns that browser.</summary>
    private async Task<HttpClient> AcceptAsync(string email, string password = "oma pitkä salasana ovella")
    {
        var link = LinkTo(await MessageToAsync(App, email), "invitation");
        var browser = App.Browser();
        var form = await Html.GetAsync(browser, link);
        var accepted = await Html.SubmitAsync(browser, form, new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal("/organiser/sign-in", accepted.RequestMessage!.RequestUri!.AbsolutePath);
        var signedIn = await Organisers.SubmitSignInAsync(browser, email, password);
        Assert.Equal("/organiser", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        return browser;
    }

    [Fact]
    public async Task AnInvitedDoorHelperSignsUpFromTheLinkChecksPeopleInAndIsRefusedEverythingElse()
    {
        var aino = await RegisterAsync("Aino Aaltonen", "aino@example.fi");
        await InviteAsync("ovi@example.fi", MemberRole.DoorHelper, Rauma);
        var door = await AcceptAsync("ovi@example.fi");

        var checkIn = await Html.GetAsync(door, $"/organiser/workshops/{Rauma}/check-in");
        var token = checkIn.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var marked = await door.PostAsync($"/organiser/workshops/{Rauma}/check-in", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("id", aino.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("present", "true")]));
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.NotNull(await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == aino).Select(r => r.CheckedInAtUtc).SingleAsync()));

        foreach (var path in new[]
        {
            $"/organiser/workshops/{Rauma}?handler=Csv", $"/organiser/workshops/{Rauma}", $"/organiser/workshops/{Other}/check-in",
            $"/organiser/workshops/{Rauma}/message", "/organiser/members", "/organiser/report",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await door.GetAsync(path)).StatusCode);
        }

        var erase = await door.PostAsync($"/organiser/workshops/{Rauma}?handler=Erase", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("id", aino.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.Equal(HttpStatusCode.Forbidden, erase.StatusCode);
        Assert.Equal("Aino Aaltonen", await App.WithDbAsync(db => db.Registrations.Where(r => r.Id == aino).Select(r => r.Name).SingleAsync()));
    }

    [Fact]
    public async Task ADoorHelperWhoAddsSomeoneAtTheDoorIsBackAtTheDoorNeverShownALinkThatAnswers403()
    {
        await InviteAsync("ovi@example.fi", MemberRole.DoorHelper, Rauma);
        var door = await AcceptAsync("ovi@example.fi");

        var person = People.Registration("Gunnar Gustafsson", "");
        (person["Input.Needs"], person["Input.NoEmail"]) = (null, "true");
        var response = await Html.SubmitAsync(door, await Html.GetAsync(door, $"/organiser/workshops/{Rauma}/add"), person, "form.add-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/organiser/workshops/{Rauma}/check-in", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Henkilö lisättiin ilman sähköpostiosoitetta", page.Text("main"));
        Assert.Equal(RegistrationStatus.Confirmed, await App.WithDbAsync(db => db.Registrations.Where(r => r.Name == "Gunnar Gustafsson").Select(r => r.Status).SingleAsync()));

        // Neither the door's page nor the add form links to the attendee list the helper may not read.
        foreach (var path in new[] { $"/organiser/workshops/{Rauma}/check-in", $"/organiser/workshops/{Rauma}/add" })
        {
            var html = await Html.GetAsync(door, path);
            Assert.DoesNotContain(html.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href") == $"/organiser/workshops/{Rauma}");
        }

        // An organiser of the workshop still lands on the list after adding.
        var another = People.Registration("Helmi Heikkilä", "");
        (another["Input.Needs"], another["Input.NoEmail"]) = (null, "true");
        var organisers = await Html.SubmitAsync(Organiser, await Html.GetAsync(Organiser, $"/organiser/workshops/{Rauma}/add"), another, "form.add-form");
        Assert.Equal($"/organiser/workshops/{Rauma}", organisers.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TheInvitationsHtmlPartLinksTheSameOneUseAddressAsItsText()
    {
        await InviteAsync("html-kutsu@example.fi", MemberRole.DoorHelper, Rauma);
        var message = await MessageToAsync(App, "html-kutsu@example.fi");
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(message.HtmlBody!);

        var link = html.QuerySelector("a[href*='/organiser/invitation?']");
        Assert.NotNull(link);
        Assert.Equal("https://workshops.test" + LinkTo(message, "invitation"), link.GetAttribute("href"));
        Assert.Equal(link.GetAttribute("href"), link.TextContent);
        // A mail program shows it in the site's look and wraps the long address on a phone.
        Assert.Contains("font-family:Arial", html.Body!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("word-break:break-all", link.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvitationLinkWorksOnce()
    {
        await InviteAsync("katsoja@example.fi", MemberRole.Viewer);
        var link = LinkTo(await MessageToAsync(App, "katsoja@example.fi"), "invitation");
        await AcceptAsync("katsoja@example.fi");

        var again = await Html.GetAsync(App.Browser(), link);
        Assert.Contains("Linkki ei enää toimi", again.Body!.TextContent);
        Assert.Null(again.QuerySelector("input[name='Input.NewPassword']"));
    }

    [Fact]
    public async Task AViewerSeesTheFiguresWithoutAnyNameOrAddress()
    {
        await RegisterAsync("Ilmari Ikävalo", "ilmari.ikavalo@example.fi");
        await RegisterAsync("Sanni Salonen", "sanni.salonen@example.fi", Other);
        await Organisers.CreateMemberAsync(App, "rahoittaja@example.fi", MemberRole.Viewer);
        var viewer = App.Browser();
        await Organisers.SubmitSignInAsync(viewer, "rahoittaja@example.fi", Organisers.Password);

        foreach (var path in new[] { "/organiser", "/organiser/report", "/organiser/report?handler=Csv", "/organiser/outcomes" })
        {
            var response = await viewer.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var personal in new[] { "Ilmari", "Ikävalo", "ilmari.ikavalo", "Sanni", "Salonen", "sanni.salonen" })
            {
                Assert.DoesNotContain(personal, body, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/organiser/workshops/{Rauma}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/organiser/workshops/{Rauma}/sign-in-sheet")).StatusCode);
    }

    [Fact]
    public async Task AnOrganiserOfOneWorkshopCannotReadAnothersListByChangingTheAddress()
    {
        await RegisterAsync("Oma Osallistuja", "oma@example.fi");
        await RegisterAsync("Vieras Osallistuja", "vieras@example.fi", Other);
        await Organisers.CreateMemberAsync(App, "kumppani@example.fi", MemberRole.Organiser, Rauma);
        var partner = App.Browser();
        await Organisers.SubmitSignInAsync(partner, "kumppani@example.fi", Organisers.Password);

        var own = await Html.GetAsync(partner, $"/organiser/workshops/{Rauma}");
        Assert.Contains("Oma Osallistuja", own.Body!.TextContent);

        foreach (var path in new[] { $"/organiser/workshops/{Other}", $"/organiser/workshops/{Other}?handler=Csv", $"/organiser/workshops/{Other}/sign-in-sheet" })
        {
            var response = await partner.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Vieras", await response.Content.ReadAsStringAsync());
        }

        var dashboard = await Html.GetAsync(partner, "/organiser");
        Assert.NotNull(dashboard.QuerySelector($"tr[data-slug='{Rauma}']"));
        Assert.Null(dashboard.QuerySelector($"tr[data-slug='{Other}']"));
    }

    [Fact]
    public async Task ADisabledMembersSessionEndsAtOnce()
    {
        await Organisers.CreateMemberAsync(App, "lahtija@example.fi", MemberRole.Organiser, Rauma);
        var member = App.Browser();
        await Organisers.SubmitSignInAsync(member, "lahtija@example.fi", Organisers.Password);
        Assert.Equal("/organiser", (await member.GetAsync("/organiser")).RequestMessage!.RequestUri!.AbsolutePath);

        var page = await Html.GetAsync(Organiser, "/organiser/members");
        var response = await Html.SubmitAsync(Organiser, page, new Dictionary<string, string?>(), "tr[data-member='lahtija@example.fi'] form");
        Assert.Contains("poistettu käytöstä", (await Html.ParseAsync(response)).QuerySelector("tr[data-member='lahtija@example.fi']")!.TextContent);

        Assert.Equal("/organiser/sign-in", (await member.GetAsync("/organiser")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AnAdministratorMadeByTheCommandLineOrBeforeRolesSeesTheMembersPage()
    {
        var page = await Html.GetAsync(Organiser, "/organiser/members");
        Assert.Contains("ylläpitäjä", page.QuerySelector($"tr[data-member='{Organisers.Email}']")!.TextContent);
    }
}
