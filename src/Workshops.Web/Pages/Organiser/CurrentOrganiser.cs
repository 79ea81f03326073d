namespace Workshops.Web.Pages.Organiser;

/// <summary>
/// The organiser signed in for this request (scoped): the one name the domain services and the audit log record as
/// the actor of an organiser's change.
/// </summary>
public sealed class CurrentOrganiser(IHttpContextAccessor http)
{
    /// <summary>
    /// The organiser's sign-in address (their account's user name, which the add-organiser command sets to it).
    /// Throws outside a signed-in request: an anonymous actor in the audit log would be a bug, never a value.
    /// </summary>
    public string Email =>
        http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? name
            : throw new InvalidOperationException(
                "No organiser is signed in: CurrentOrganiser is only for requests behind the organiser sign-in (Pages/Organiser).");
}
