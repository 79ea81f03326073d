using Workshops.Web.Email;
using Workshops.Web.Pages.Organiser;

namespace Workshops.Tests.Pages.Organiser;

/// <summary>The failed-emails page names every kind of email, each its own way: a kind added later fails here until it has a label.</summary>
public sealed class MessagesKindTests
{
    [Fact]
    public void EveryKindOfEmailHasItsOwnFinnishLabel()
    {
        var kinds = Enum.GetValues<EmailKind>();
        var labels = kinds.ToDictionary(k => k, MessagesModel.Kind);

        Assert.All(kinds, k => Assert.NotEqual(k.ToString(), labels[k]));
        Assert.Equal(kinds.Length, labels.Values.Distinct(StringComparer.Ordinal).Count());
    }
}
