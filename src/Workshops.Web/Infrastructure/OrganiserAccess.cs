using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Web.Data;

namespace Workshops.Web.Infrastructure;

/// <summary>Organisers' accounts (ASP.NET Core Identity in the site's own database) and the one rule guarding their area.</summary>
public static class OrganiserAccess
{
    public const string Policy = "Organiser";
    public const string SignInPath = "/organiser/sign-in";
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

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
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutTime;
            })
            .AddEntityFrameworkStores<WorkshopsDbContext>()
            .AddSignInManager();

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
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser());

        // The one rule: everything under Pages/Organiser needs a signed-in organiser, except the sign-in page.
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Organiser", Policy);
            o.Conventions.AllowAnonymousToPage("/Organiser/SignIn");
        });
        return services;
    }
}
