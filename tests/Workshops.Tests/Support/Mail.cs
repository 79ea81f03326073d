using System.Text.RegularExpressions;
using MimeKit;

namespace Workshops.Tests.Support;

public static partial class Mail
{
    /// <summary>The path of the manage link in a message's plain-text body.</summary>
    public static string ManagePath(MimeMessage message)
    {
        var match = ManageLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, "no manage link in:\n" + message.TextBody);
        return new Uri(match.Value).AbsolutePath;
    }

    [GeneratedRegex(@"https://workshops\.test/manage/[A-Za-z0-9_-]{43}")]
    private static partial Regex ManageLink();
}
