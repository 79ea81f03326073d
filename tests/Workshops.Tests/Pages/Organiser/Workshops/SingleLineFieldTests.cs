using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Workshops.Web.Pages.Organiser.Workshops;

namespace Workshops.Tests.Pages.Organiser.Workshops;

/// <summary>Organiser fields that end up on one line of an email or calendar file refuse line breaks and controls.</summary>
public sealed class SingleLineFieldTests
{
    [Theory]
    [InlineData(nameof(WorkshopInput.OnlineJoinUrl), "https://meet.example.fi/abc\r\nBcc: victim@example.org")]
    [InlineData(nameof(WorkshopInput.OnlineJoinUrl), "https://meet.example.fi/abc\nSee also")]
    [InlineData(nameof(WorkshopInput.OnlineJoinUrl), "https://meet.example.fi/\u0000")]
    [InlineData(nameof(WorkshopInput.Place), "Rauma\r\nBcc: x")]
    [InlineData(nameof(WorkshopInput.TitleFi), "Otsikko\u2028toinen")]
    public void ControlCharactersInASingleLineFieldAreRefused(string property, string value)
    {
        var attributes = typeof(WorkshopInput).GetProperty(property)!.GetCustomAttributes<ValidationAttribute>();
        Assert.Contains(attributes, a => !a.IsValid(value));
    }
}
