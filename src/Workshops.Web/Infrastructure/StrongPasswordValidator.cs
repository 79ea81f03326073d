using Microsoft.AspNetCore.Identity;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Refuses passwords that are easy to guess although long enough: common passwords, words, names, keyboard patterns,
/// dates and repeats, and the organiser's own address, judged by zxcvbn (Dropbox's estimator, the <c>zxcvbn-core</c>
/// package: its lists of common and breached passwords ship with it, so nothing is sent anywhere). NIST SP 800-63B 5.1.1.2
/// asks for exactly this check against "passwords obtained from previous breach corpuses, dictionary words, repetitive
/// or sequential characters". Runs with Identity's length rule (12 characters) wherever a password is set: the
/// <c>add-organiser</c> and <c>reset-password</c> commands and the change-password page.
/// </summary>
public sealed class StrongPasswordValidator : IPasswordValidator<IdentityUser>
{
    /// <summary>The least zxcvbn score accepted, of 0-4: 3, "safely unguessable: moderate protection from offline slow-hash attacks".</summary>
    public const int MinimumScore = 3;

    /// <summary>The error code the pages translate.</summary>
    public const string Code = "PasswordTooGuessable";

    /// <summary>zxcvbn's cost grows with length; the first 100 characters decide (a longer password is strong anyway).</summary>
    private const int EvaluatedLength = 100;

    /// <summary>The zxcvbn score (0-4) of <paramref name="password"/> for the organiser <paramref name="email"/>.</summary>
    public static int Score(string password, string? email)
    {
        var inputs = new List<string> { "workshops", "tyopajat", "työpajat", "kehittämistyöpaja", "organiser", "järjestäjä" };
        if (!string.IsNullOrWhiteSpace(email))
        {
            inputs.Add(email);
            inputs.AddRange(email.Split('@', '.', '-', '_', '+').Where(p => p.Length >= 3));
        }

        var evaluated = password.Length > EvaluatedLength ? password[..EvaluatedLength] : password;
        return global::Zxcvbn.Zxcvbn.MatchPassword(evaluated, inputs).Score;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || Score(password, user.Email ?? user.UserName) >= MinimumScore)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = Code,
            Description = "The password is too easy to guess: it is a common or breached password, a word, a name or a pattern. Choose a longer phrase of several less common words.",
        }));
    }
}
