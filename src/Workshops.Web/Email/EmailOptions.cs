using Microsoft.Extensions.Options;
using MimeKit;

namespace Workshops.Web.Email;

public enum EmailDelivery
{
    /// <summary>Write each message as a complete .eml file into <see cref="EmailOptions.PickupDirectory"/>.</summary>
    Pickup,
    Smtp,
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Settings under <c>Email__…</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    /// <summary>Relative paths are under the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public string From { get; set; } = "Kehittämistyöpajat <no-reply@localhost>";
    /// <summary>Where replies go; by default the contact the pages and emails name (Site__ContactEmail).</summary>
    public string? ReplyTo { get; set; }

    public static string? ReplyToOrContact(string? replyTo, Infrastructure.SiteOptions site) =>
        !string.IsNullOrWhiteSpace(replyTo) || string.IsNullOrWhiteSpace(site.ContactEmail)
            ? replyTo
            : new MailboxAddress(site.ContactName.Trim(), site.ContactEmail.Trim()).ToString();
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Tries before a message is marked failed for good.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>A message left in Sending longer than this (a crash mid-send) is queued again.</summary>
    public TimeSpan SendingTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Messages claimed, rendered and sent together (one transaction to claim, one to save their links, one SMTP
    /// connection). Larger batches cost less per message; a shutdown mid-batch leaves at most this many waiting for
    /// <see cref="SendingTimeout"/>.
    /// </summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions o)
    {
        if (!MailboxAddress.TryParse(o.From, out var from) || !from.Address.Contains('@'))
        {
            return ValidateOptionsResult.Fail($"Email__From must be an address with an optional display name, e.g. \"Työpajat <no-reply@example.fi>\" (got '{o.From}').");
        }

        if (!string.IsNullOrWhiteSpace(o.ReplyTo) && (!MailboxAddress.TryParse(o.ReplyTo, out var replyTo) || !replyTo.Address.Contains('@')))
        {
            return ValidateOptionsResult.Fail($"Email__ReplyTo must be an email address (got '{o.ReplyTo}').");
        }

        if (o.MaxAttempts is < 1 or > 50)
        {
            return ValidateOptionsResult.Fail($"Email__MaxAttempts must be between 1 and 50 (got {o.MaxAttempts}).");
        }

        if (o.BatchSize is < 1 or > 500)
        {
            return ValidateOptionsResult.Fail($"Email__BatchSize must be between 1 and 500 (got {o.BatchSize}).");
        }

        if (o.Delivery == EmailDelivery.Smtp)
        {
            if (string.IsNullOrWhiteSpace(o.Smtp.Host))
            {
                return ValidateOptionsResult.Fail("Email__Smtp__Host is required when Email__Delivery=Smtp.");
            }

            if (o.Smtp.Port is < 1 or > 65535)
            {
                return ValidateOptionsResult.Fail($"Email__Smtp__Port must be between 1 and 65535 (got {o.Smtp.Port}).");
            }
        }
        else if (string.IsNullOrWhiteSpace(o.PickupDirectory))
        {
            return ValidateOptionsResult.Fail("Email__PickupDirectory is required when Email__Delivery=Pickup.");
        }

        return ValidateOptionsResult.Success;
    }
}
