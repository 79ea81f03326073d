using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Workshops.Web.Pages.Organiser;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>The actor of an organiser's change is the signed-in organiser, never a blank or a guess.</summary>
public sealed class CurrentOrganiserTests
{
    private static CurrentOrganiser For(ClaimsPrincipal user) =>
        new(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } });

    [Fact]
    public void TheActorIsTheSignedInOrganisersAddress()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "paula@example.fi")], "Identity.Application"));

        Assert.Equal("paula@example.fi", For(user).Email);
    }

    [Fact]
    public void OutsideASignedInRequestThereIsNoActor()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var noRequest = new CurrentOrganiser(new HttpContextAccessor());

        Assert.Contains("No organiser is signed in", Assert.Throws<InvalidOperationException>(() => For(anonymous).Email).Message);
        Assert.Throws<InvalidOperationException>(() => noRequest.Email);
    }
}
