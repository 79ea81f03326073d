using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Web.Domain.Members;

namespace Workshops.Tests.Support;

/// <summary>Organiser accounts made straight through UserManager, and signing in through the real form.</summary>
public static class Organisers
{
    public const string Email = "paula@example.fi";
    public const string Password = "pitkä ja hyvä salasana";

    public static async Task CreateAsync(WorkshopsFactory app, string email = Email, string password = Password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var result = await users.CreateAsync(new IdentityUser { UserName = email, Email = email, EmailConfirmed = true }, password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// A member with <paramref name="role"/> and the workshops <paramref name="slugs"/>, made straight in the database (the
    /// invitation through the real forms has its own tests). <see cref="CreateAsync"/> alone makes an administrator.
    /// </summary>
    public static async Task CreateMemberAsync(WorkshopsFactory app, string email, MemberRole role, params string[] slugs)
    {
        await CreateAsync(app, email);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == email);
            db.Entry(user).Property("Role").CurrentValue = role;
            foreach (var slug in slugs)
            {
                db.MemberWorkshops.Add(new MemberWorkshop { UserId = user.Id, WorkshopId = (await db.Workshops.SingleAsync(w => w.Slug == slug)).Id });
            }

            await db.SaveChangesAsync();
        });
    }

    /// <summary>Submits the sign-in form in <paramref name="browser"/>; returns the page it ends on.</summary>
    public static async Task<HttpResponseMessage> SubmitSignInAsync(HttpClient browser, string email, string password, string path = "/organiser/sign-in")
    {
        var page = await Html.GetAsync(browser, path);
        return await Html.SubmitAsync(browser, page, new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    /// <summary>
    /// A browser with a fresh organiser signed in through the real form, landing on <paramref name="landsOn"/> (the
    /// authenticator app's set-up page when the site requires one).
    /// </summary>
    public static async Task<HttpClient> SignedInAsync(WorkshopsFactory app, string email = Email, string landsOn = "/organiser")
    {
        await CreateAsync(app, email);
        var browser = app.Browser();
        var response = await SubmitSignInAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(landsOn, response.RequestMessage!.RequestUri!.AbsolutePath);
        return browser;
    }
}
