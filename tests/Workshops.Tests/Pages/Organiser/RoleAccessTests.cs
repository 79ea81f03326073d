using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Tests.Support;
using Workshops.Web.Domain.Members;
using Workshops.Web.Infrastructure;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>
/// Every organiser page and handler, found from the app's endpoints (so a new page cannot be missed), × every role, on a
/// workshop the member was given and on one they were not: 403 exactly where the table below says so (issue 25).
/// </summary>
public sealed partial class RoleAccessTests : IAsyncLifetime
{
    /// <summary>The expected table: what each role may do. A page's <c>[Needs]</c> names the capability it needs.</summary>
    private static readonly Dictionary<MemberRole, Capability[]> MayDo = new()
    {
        [MemberRole.Administrator] = Enum.GetValues<Capability>(),
        [MemberRole.Organiser] =
        [
            Capability.Account, Capability.ViewReports, Capability.ViewPersonalData, Capability.Export, Capability.Message,
            Capability.Erase, Capability.CheckIn, Capability.ManageWorkshop,
        ],
        [MemberRole.DoorHelper] = [Capability.Account, Capability.CheckIn],
        [MemberRole.Viewer] = [Capability.Account, Capability.ViewReports],
    };

    /// <summary>
    /// What the sensitive handlers, and the pages other branches added, were decided to need (issue 25): a page's
    /// <c>[Needs]</c> may not drift from this without the table changing too. Keys are <see cref="Handler.Name"/>.
    /// </summary>
    private static readonly Dictionary<string, Capability> Decided = new(StringComparer.OrdinalIgnoreCase)
    {
        // The door: the check-in list and its head count, one person's QR code, the venue-code screen, adding at the door.
        ["Get /Organiser/Workshops/CheckIn"] = Capability.CheckIn,
        ["Post /Organiser/Workshops/CheckIn"] = Capability.CheckIn,
        ["Post /Organiser/Workshops/CheckIn?handler=HeadCount"] = Capability.CheckIn,
        ["Get /Organiser/Workshops/CheckInPerson"] = Capability.CheckIn,
        ["Get /Organiser/Workshops/CheckInCode"] = Capability.CheckIn,
        ["Get /Organiser/Workshops/AddRegistrant"] = Capability.CheckIn,
        ["Post /Organiser/Workshops/AddRegistrant"] = Capability.CheckIn,

        // Downloads of people.
        ["Get /Organiser/Workshops/Attendees?handler=Csv"] = Capability.Export,
        ["Get /Organiser/Workshops/Attendees?handler=Xlsx"] = Capability.Export,
        ["Get /Organiser/Workshops/Proposals?handler=Csv"] = Capability.Export,
        ["Get /Organiser/Workshops/Proposals?handler=Xlsx"] = Capability.Export,

        // Emails to people, and the outside recipients of results (added to be written to).
        ["Post /Organiser/Workshops/Message?handler=Send"] = Capability.Message,
        ["Post /Organiser/Workshops/Reminder"] = Capability.Message,
        ["Post /Organiser/Workshops/Feedback?handler=Send"] = Capability.Message,
        ["Post /Organiser/Workshops/Attendees?handler=Resend"] = Capability.Message,
        ["Post /Organiser/Workshops/Results?handler=Participants"] = Capability.Message,
        ["Post /Organiser/Workshops/Results?handler=Send"] = Capability.Message,
        ["Post /Organiser/Workshops/Results?handler=CoverNote"] = Capability.Message,
        ["Get /Organiser/Workshops/Recipient"] = Capability.Message,
        ["Post /Organiser/Workshops/Recipient?handler=Check"] = Capability.Message,
        ["Post /Organiser/Workshops/Recipient?handler=Edit"] = Capability.Message,
        ["Post /Organiser/Workshops/Recipient?handler=Confirm"] = Capability.Message,

        // Certificates of attendance (issue 26): the counts, and sending them all by email after the workshop.
        ["Get /Organiser/Workshops/Certificates"] = Capability.ManageWorkshop,
        ["Post /Organiser/Workshops/Certificates?handler=Send"] = Capability.ManageWorkshop,

        // Erasing a person: a registrant, an outside recipient.
        ["Post /Organiser/Workshops/Attendees?handler=Erase"] = Capability.Erase,
        ["Post /Organiser/Workshops/Results?handler=Erase"] = Capability.Erase,

        // Moderating the ideas wall, publishing a draft.
        ["Post /Organiser/Workshops/Proposals?handler=Approve"] = Capability.ManageWorkshop,
        ["Post /Organiser/Workshops/Proposals?handler=Hide"] = Capability.ManageWorkshop,
        ["Post /Organiser/Workshops/Proposals?handler=Forward"] = Capability.ManageWorkshop,
        ["Post /Organiser/Workshops/Proposals?handler=Bulk"] = Capability.ManageWorkshop,
        ["Get /Organiser/Workshops/ProposalMerge"] = Capability.ManageWorkshop,
        ["Post /Organiser/Workshops/ProposalMerge"] = Capability.ManageWorkshop,
        ["Get /Organiser/Workshops/ProposalsDelete"] = Capability.ManageWorkshop,
        ["Post /Organiser/Workshops/ProposalsDelete"] = Capability.ManageWorkshop,
        ["Post /Organiser/Workshops/ProposalsDelete?handler=Confirm"] = Capability.ManageWorkshop,
        ["Get /Organiser/Workshops/PracticalInfo"] = Capability.ManageWorkshop,
        ["Post /Organiser/Workshops/PracticalInfo"] = Capability.ManageWorkshop,
        ["Get /Organiser/Workshops/Publish"] = Capability.ManageWorkshop,
        ["Post /Organiser/Workshops/Publish"] = Capability.ManageWorkshop,

        // Every role's own notification settings (issue 25, item 4).
        ["Get /Organiser/Notifications"] = Capability.Account,
        ["Post /Organiser/Notifications"] = Capability.Account,

        // The funder (issue 26): the roster names people and is a workshop's own page; the figures carry no names.
        ["Get /Organiser/Workshops/Roster"] = Capability.ManageWorkshop,
        ["Get /Organiser/Funder"] = Capability.ViewReports,
        ["Get /Organiser/Funder?handler=Csv"] = Capability.ViewReports,
        ["Get /Organiser/Funder?handler=Xlsx"] = Capability.ViewReports,

        // The team itself.
        ["Get /Organiser/Members"] = Capability.ManageMembers,
        ["Post /Organiser/Members?handler=Invite"] = Capability.ManageMembers,
        ["Post /Organiser/Members?handler=Disable"] = Capability.ManageMembers,
        ["Post /Organiser/Members?handler=Enable"] = Capability.ManageMembers,
    };

    /// <summary>Roles that reach only the workshops chosen for them (here: <see cref="Given"/>).</summary>
    private static readonly MemberRole[] ChosenWorkshopsOnly = [MemberRole.Organiser, MemberRole.DoorHelper];

    private const string Given = RegistrationSteps.Rauma;
    private const string NotGiven = Outcome.BenchCafe;

    /// <summary>Pages open before sign-in (their own tests cover them), and sign-out, which would end the walk.</summary>
    private static readonly HashSet<string> NotWalked = ["/Organiser/SignIn", "/Organiser/SignInCode", "/Organiser/SignOut"];

    private readonly WorkshopsFactory _app = new();
    private readonly Dictionary<MemberRole, (HttpClient Browser, string Token)> _members = [];
    private readonly Dictionary<string, (Guid Id, int Registration)> _workshops = [];

    public async Task InitializeAsync()
    {
        foreach (var slug in new[] { Given, NotGiven })
        {
            var outcome = await RegistrationSteps.DirectAsync(_app, RegistrationSteps.Request("Aino Aaltonen", $"aino@{slug}.example"), slug);
            _workshops[slug] = ((await _app.WorkshopAsync(slug)).Id, await _app.WithDbAsync(db =>
                db.Registrations.Where(r => r.Email == $"aino@{slug}.example").Select(r => r.Id).SingleAsync()));
            Assert.NotNull(outcome);
        }

        foreach (var role in Enum.GetValues<MemberRole>())
        {
            var email = $"{role}@example.fi".ToLowerInvariant();
            if (role == MemberRole.Administrator)
            {
                // An account made without a role (as add-organiser does) is an administrator: the column's default.
                await Organisers.CreateAsync(_app, email);
            }
            else
            {
                await Organisers.CreateMemberAsync(_app, email, role, Given);
            }

            var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            var signIn = await Organisers.SubmitSignInAsync(browser, email, Organisers.Password);
            Assert.Equal("/organiser", signIn.Headers.Location?.OriginalString);
            var page = await Html.GetAsync(browser, "/organiser/password");
            _members[role] = (browser, page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        }
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private sealed record Handler(RouteEndpoint Endpoint, CompiledPageActionDescriptor Page, HandlerMethodDescriptor? Method)
    {
        public string Name => $"{Method?.HttpMethod ?? "Get"} {Page.ViewEnginePath}{(Method?.Name is { } n ? "?handler=" + n : "")}";

        public NeedsAttribute? Needs => NeedsAttribute.Of(Method?.MethodInfo, Page.HandlerTypeInfo);
    }

    /// <summary>Every handler of every page under /Organiser that the app maps.</summary>
    private async Task<List<Handler>> HandlersAsync()
    {
        var loader = _app.Services.GetRequiredService<PageLoader>();
        var handlers = new List<Handler>();
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor
                || !descriptor.ViewEnginePath.StartsWith("/Organiser/", StringComparison.Ordinal))
            {
                continue;
            }

            var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
            handlers.AddRange(page.HandlerMethods.Count == 0
                ? [new Handler(endpoint, page, null)]
                : page.HandlerMethods.Select(m => new Handler(endpoint, page, m)));
        }

        return handlers;
    }

    [Fact]
    public async Task EveryOrganiserPageAndHandlerNamesWhatItNeeds()
    {
        var handlers = await HandlersAsync();
        Assert.True(handlers.Count >= 60, $"only {handlers.Count} organiser handlers found: the walk is broken");
        Assert.Empty(handlers.Where(h => h.Needs is null).Select(h => h.Name));
    }

    [Fact]
    public async Task TheDecidedHandlersNeedWhatWasDecided()
    {
        var needs = (await HandlersAsync()).ToDictionary(h => h.Name, h => h.Needs?.Capability, StringComparer.OrdinalIgnoreCase);
        var missing = Decided.Keys.Where(name => !needs.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, "no such handler: " + string.Join(", ", missing));
        Assert.Empty(Decided.Where(d => needs[d.Key] != d.Value).Select(d => $"{d.Key}: decided {d.Value}, page says {needs[d.Key]?.ToString() ?? "nothing"}"));
    }

    [Fact]
    public async Task SelfCheckInAndCountMeInArePublicNotOrganiserPages()
    {
        // The participant's own check-in (their manage page) and a walk-in visitor's "count me in" are outside /Organiser.
        var pages = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, Authorize: e.Metadata.GetOrderedMetadata<IAuthorizeData>()))
            .Where(e => e.ViewEnginePath is "/Workshops/Here" or "/Manage/Index").ToList();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.Empty(p.Authorize));

        using var anonymous = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var here = await anonymous.GetAsync($"/workshops/{NotGiven}/here"); // a walk-in event
        Assert.Equal(System.Net.HttpStatusCode.OK, here.StatusCode);
    }

    [Fact]
    public async Task EveryRoleGetsExactlyWhatTheTableAllowsOnEveryOrganiserRoute()
    {
        var failures = new List<string>();
        var walked = 0;
        foreach (var handler in (await HandlersAsync()).Where(h => !NotWalked.Contains(h.Page.ViewEnginePath)))
        {
            // A handler that names no need is closed to everyone (the filter's 403); the test above names it.
            var needs = handler.Needs;
            var template = "/" + handler.Endpoint.RoutePattern.RawText!.TrimStart('/');
            var aboutOne = template.Contains("{slug}", StringComparison.Ordinal) || needs?.WorkshopArgument is not null;
            foreach (var slug in aboutOne ? new[] { Given, NotGiven } : [Given])
            {
                foreach (var (role, (browser, token)) in _members)
                {
                    var allowed = needs is not null && MayDo[role].Contains(needs.Capability) && (!aboutOne || slug == Given || !ChosenWorkshopsOnly.Contains(role));
                    var response = await browser.SendAsync(Request(handler, template, slug, token));
                    walked++;
                    var status = (int)response.StatusCode;
                    var ok = allowed
                        ? status != 403 && status < 500 && response.Headers.Location?.OriginalString.StartsWith("/organiser/sign-in", StringComparison.Ordinal) != true
                        : status == 403;
                    if (!ok)
                    {
                        failures.Add($"{role} {handler.Name} on {slug} ({needs?.Capability.ToString() ?? "no [Needs]"}): expected {(allowed ? "allowed" : "403")}, got {status} {response.Headers.Location}");
                    }
                }
            }
        }

        Assert.True(walked > 400, $"only {walked} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The handler's request on <paramref name="slug"/>'s workshop: route values filled, <c>?handler=</c>, and for a post the
    /// antiforgery token and an <c>id</c> of that workshop (its own id, or its registration's, as the handler takes it).
    /// </summary>
    private HttpRequestMessage Request(Handler handler, string template, string slug, string token)
    {
        var (workshopId, registration) = _workshops[slug];
        var path = RouteParameter().Replace(template, m => m.Value switch
        {
            "{slug}" => slug,
            var p when p.EndsWith("?}", StringComparison.Ordinal) => "",
            var p when p.Contains(":int", StringComparison.Ordinal) => registration.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "x",
        }).TrimEnd('/');
        if (handler.Method?.Name is { } name)
        {
            path += "?handler=" + name;
        }

        var method = string.Equals(handler.Method?.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Post : HttpMethod.Get;
        var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
            var id = handler.Method!.MethodInfo.GetParameters().FirstOrDefault(p => p.Name == "id");
            if (id?.ParameterType == typeof(Guid))
            {
                fields.Add(new("id", workshopId.ToString()));
            }
            else if (id?.ParameterType == typeof(int) || id?.ParameterType == typeof(int?))
            {
                fields.Add(new("id", registration.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (id is not null)
            {
                fields.Add(new("id", "no-such-member"));
            }

            request.Content = new FormUrlEncodedContent(fields);
        }

        return request;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
