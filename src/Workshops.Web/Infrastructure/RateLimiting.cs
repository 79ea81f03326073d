using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Workshops.Web.Infrastructure;

/// <summary>Settings under <c>RateLimiting__…</c>: per client address, fixed windows.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>False turns every limit off (load benchmarks).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Registration form posts. An office of people behind one address still fits comfortably.</summary>
    public Limit Registration { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>
    /// Proposal posts from the stand page. A tablet at a stand sends everyone's proposals from one address, so the
    /// budget is larger than the registration form's.
    /// </summary>
    public Limit Proposal { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>
    /// Anonymous walk-in feedback posts. One person at a stand answers once; a shared tablet takes a passer-by's answer
    /// every minute or so. Ten in ten minutes keeps one client from deciding a walk-in workshop's score.
    /// </summary>
    public Limit WalkInFeedback { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };

    /// <summary>
    /// Proposals one workshop's ideas wall takes per window from all addresses together (enforced in the write by
    /// <c>IdeasWallService</c>, counted from the stored proposals, so it holds across instances): a flood spread over many
    /// addresses cannot bury the wall faster than this. A bench café's busiest minute is far below it.
    /// </summary>
    public Limit ProposalsPerWorkshop { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Requests to personal manage links (guessing them is what this slows down).</summary>
    public Limit Manage { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>
    /// Requests to certificates' verification pages (issue 26): an employer checks one or two; guessing a code (256 bits)
    /// is hopeless anyway, this only keeps one client from hammering the lookup.
    /// </summary>
    public Limit CertificateLookup { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Organiser sign-in posts (Identity's lockout also limits each account).</summary>
    public Limit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>
    /// Posts of "forgot password" and of the pages its links (and invitations) open: each post may send an email to a
    /// member, so the budget is small (issue 25).
    /// </summary>
    public Limit PasswordReset { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };

    public sealed class Limit
    {
        public int PermitLimit { get; set; }
        public int WindowSeconds { get; set; }
    }
}

public static class RateLimiting
{
    /// <summary>Policy names, attached to pages by the conventions below.</summary>
    public const string Registration = "registration";
    public const string Manage = "manage";
    public const string SignIn = "sign-in";
    public const string Proposal = "proposal";
    public const string PasswordReset = "password-reset";
    public const string WalkInFeedback = "walk-in-feedback";
    public const string CertificateLookup = "certificate-lookup";

    public static IServiceCollection AddWorkshopsRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section)
            .Validate(o => new[] { o.Registration, o.Manage, o.SignIn, o.Proposal, o.WalkInFeedback, o.ProposalsPerWorkshop, o.PasswordReset, o.CertificateLookup }.All(l => l is { PermitLimit: >= 1, WindowSeconds: >= 1 }),
                "RateLimiting__<Registration|Manage|SignIn|Proposal|WalkInFeedback|ProposalsPerWorkshop|PasswordReset|CertificateLookup>__PermitLimit and __WindowSeconds must be at least 1.");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask; // the status-code page renders the friendly 429 page
            };
            // Reading a workshop page is never limited; posting its form is. A manage link is limited on every request.
            o.AddPolicy(Registration, context => Partition(context, Registration, o => o.Registration, postsOnly: true));
            o.AddPolicy(Manage, context => Partition(context, Manage, o => o.Manage, postsOnly: false));
            o.AddPolicy(SignIn, context => Partition(context, SignIn, o => o.SignIn, postsOnly: true));
            o.AddPolicy(Proposal, context => Partition(context, Proposal, o => o.Proposal, postsOnly: true));
            o.AddPolicy(PasswordReset, context => Partition(context, PasswordReset, o => o.PasswordReset, postsOnly: true));
            o.AddPolicy(WalkInFeedback, context => Partition(context, WalkInFeedback, o => o.WalkInFeedback, postsOnly: true));
            o.AddPolicy(CertificateLookup, context => Partition(context, CertificateLookup, o => o.CertificateLookup, postsOnly: false));
        });

        // Attached to the pages by their folder or name, so a renamed URL keeps its limit.
        services.Configure<RazorPagesOptions>(o =>
        {
            // The stand page (the ideas wall on a shared tablet) has its own, larger budget, the walk-in feedback form its
            // own smaller one (an anonymous score must not be one client's); the workshop page's forms share one.
            o.Conventions.AddFolderApplicationModelConvention("/Workshops", m => m.EndpointMetadata.Add(
                new EnableRateLimitingAttribute(m.ViewEnginePath switch
                {
                    "/Workshops/Stand" => Proposal,
                    "/Workshops/Feedback" => WalkInFeedback,
                    _ => Registration,
                })));
            o.Conventions.AddFolderApplicationModelConvention("/Manage", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(Manage)));
            o.Conventions.AddFolderApplicationModelConvention("/Certificates", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(CertificateLookup)));
            o.Conventions.AddPageApplicationModelConvention("/Organiser/SignIn", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignIn)));
            o.Conventions.AddPageApplicationModelConvention("/Organiser/SignInCode", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignIn)));
            foreach (var page in new[] { "/Organiser/ForgotPassword", "/Organiser/Invitation", "/Organiser/ResetPassword" })
            {
                o.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(PasswordReset)));
            }
        });
        return services;
    }

    /// <summary>One fixed window per policy and client address.</summary>
    private static RateLimitPartition<string> Partition(
        HttpContext context, string name, Func<RateLimitingOptions, RateLimitingOptions.Limit> select, bool postsOnly)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>().CurrentValue;
        if (!options.Enabled || (postsOnly && !HttpMethods.IsPost(context.Request.Method)))
        {
            return RateLimitPartition.GetNoLimiter("none");
        }

        var limit = select(options);
        var client = ClientKey(context.Connection.RemoteIpAddress);
        return RateLimitPartition.GetFixedWindowLimiter($"{name}:{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// The source a limit counts against: an IPv4 address, or an IPv6 /64 (one household or server usually
    /// holds a whole /64, so counting per /128 would give an attacker endless fresh budgets). The address is
    /// the connection's, or X-Forwarded-For's only when the request came through a configured proxy.
    /// </summary>
    public static string ClientKey(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }
}
