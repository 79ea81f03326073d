using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workshops.Web.Data;
using Workshops.Web.Domain.Members;
using Workshops.Web.Pages.Organiser;
using Workshops.Web.Pages.Organiser.Workshops;

namespace Workshops.Web.Infrastructure;

/// <summary>Organisers' accounts (ASP.NET Core Identity in the site's own database) and the one rule guarding their area.</summary>
public static class OrganiserAccess
{
    public const string Policy = "Organiser";
    public const string SignInPath = "/organiser/sign-in";

    /// <summary>Set on a request whose organiser must use an authenticator app and has not set one up (<see cref="TwoFactorRequiredFilter"/>).</summary>
    internal const string TwoFactorMissing = "Workshops.TwoFactorMissing";

    public static IServiceCollection AddWorkshopsOrganisers(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.SignIn.RequireConfirmedEmail = false;
                // Length over composition rules (NIST SP 800-63B): a 12-character passphrase is strong and memorable.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // Lockout is only the "disabled" switch (LockoutEnd far ahead, set by the disable command):
                // wrong passwords and codes are slowed by SignInThrottle, so they cannot lock the real organiser out.
                // Identity counts wrong authenticator codes towards a lockout of its own; this keeps it from ever firing.
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
            })
            .AddEntityFrameworkStores<WorkshopsDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<StrongPasswordValidator>()
            .AddTokenProvider<AuthenticatorTokenProvider<IdentityUser>>(TokenOptions.DefaultAuthenticatorProvider)
            // The emailed links of issue 25: an invitation (7 days) and a forgotten password (30 minutes), one use each.
            .AddTokenProvider<InvitationTokenProvider>(MemberTokens.Invitation)
            .AddTokenProvider<PasswordResetTokenProvider>(MemberTokens.PasswordReset);
        services.Configure<IdentityOptions>(o => o.Tokens.PasswordResetTokenProvider = MemberTokens.PasswordReset);
        services.AddScoped<Domain.Members.MemberService>();
        // The same store with the authenticator secret encrypted (ProtectedKeyUserStore).
        services.Replace(ServiceDescriptor.Scoped<IUserStore<IdentityUser>, ProtectedKeyUserStore>());
        services.AddOptions<OrganiserOptions>().BindConfiguration(OrganiserOptions.Section);
        services.AddScoped<OrganiserAccounts>();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<KnownDevices>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "workshops.organiser";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.LogoutPath = "/organiser/sign-out";
            o.AccessDeniedPath = SignInPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // The security stamp is checked on every request (a handful of organisers: one small query each), so
            // signing out, a password change or disabling an account ends every session of that organiser at once.
            // Identity's own validator checks only after an interval, on a clock; this one has no interval.
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
            // The handler would itself redirect to ?ReturnUrl= on the sign-in and sign-out paths, writing it raw into
            // Location (a non-ASCII one answered 500). The pages decide where to go, percent-encoded: see SignIn/SignOut.
            o.Events.OnRedirectToReturnUrl = _ => Task.CompletedTask;
            // The handler builds an absolute Location from the request's Host header, which a client chooses:
            // send only the path, so no Host (with AllowedHosts "*") can turn the sign-in redirect elsewhere.
            o.Events.OnRedirectToLogin = RedirectRelative;
            // A signed-in member refused by a policy gets 403 itself, not the sign-in page they are already past.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // The organiser area's request context: who is acting (the audit log's actor), and which workshop a page is about.
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentOrganiser>();
        services.AddScoped<CurrentWorkshop>();
        services.AddScoped<CurrentWorkshopFilter>();

        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser());
        // One policy per capability (issue 25), asked by CurrentWorkshopFilter with the page's workshop as the resource.
        foreach (var capability in Enum.GetValues<Capability>())
        {
            authorization.AddPolicy(NeedsAttribute.Policy(capability), p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new CapabilityRequirement(capability)));
        }

        services.AddScoped<CurrentMember>();
        services.AddScoped<IAuthorizationHandler, CapabilityHandler>();

        // The one rule: everything under Pages/Organiser needs a signed-in organiser, except the sign-in page.
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Organiser", Policy);
            o.Conventions.AllowAnonymousToPage("/Organiser/SignIn");
            // Every organiser page: what the handler needs ([Needs]), the workshop looked up once (an unknown slug is a
            // 404 before any handler runs), and the member's role and reach checked against both (issue 25).
            o.Conventions.AddFolderApplicationModelConvention("/Organiser",
                page => page.Filters.Add(new ServiceFilterAttribute(typeof(CurrentWorkshopFilter))));
            // The second step of a sign-in with an authenticator app: the password's own short-lived cookie guards it.
            o.Conventions.AllowAnonymousToPage("/Organiser/SignInCode");
            // The emailed links that set a password, and asking for one (issue 25): the one-use token is the key.
            o.Conventions.AllowAnonymousToPage("/Organiser/ForgotPassword");
            o.Conventions.AllowAnonymousToPage("/Organiser/Invitation");
            o.Conventions.AllowAnonymousToPage("/Organiser/ResetPassword");
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new TwoFactorRequiredFilter()));
        return services;
    }

    private static Task RedirectRelative(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute)
            ? absolute.PathAndQuery
            : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<IdentityUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (!user.TwoFactorEnabled
            && await context.HttpContext.RequestServices.GetRequiredService<OrganiserAccounts>().RequiresTwoFactorAsync(user))
        {
            context.HttpContext.Items[TwoFactorMissing] = true;
        }
    }
}

/// <summary>
/// An organiser who must use an authenticator app (<c>Organisers__RequireTwoFactor</c>, or the account's flag) and has
/// none gets only the set-up page and sign-out: every other organiser page redirects to the set-up page.
/// </summary>
internal sealed class TwoFactorRequiredFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    private static readonly HashSet<string> Open = ["/Organiser/TwoFactor", "/Organiser/SignOut", "/Organiser/SignIn", "/Organiser/SignInCode"];

    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.Items.ContainsKey(OrganiserAccess.TwoFactorMissing)
            && page.StartsWith("/Organiser/", StringComparison.Ordinal) && !Open.Contains(page))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Organiser/TwoFactor");
            return;
        }

        await next();
    }
}
