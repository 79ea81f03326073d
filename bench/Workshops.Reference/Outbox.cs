using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Channels;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MimeKit;

/// <summary>
/// The outbox: woken after each registration, it claims up to 100 queued rows in one write, composes each confirmation
/// (text, HTML and an iCalendar REQUEST) and writes it as an .eml file, then marks the batch sent in one write.
/// </summary>
internal sealed class Outbox(Database db, string folder) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(folder);
        while (await _wake.Reader.WaitToReadAsync(stoppingToken))
        {
            _wake.Reader.TryRead(out _);
            List<(long Id, string Name, string Email, string Title)> batch;
            do
            {
                batch = [];
                await db.WriteAsync(command =>
                {
                    command.CommandText = """
                        UPDATE OutgoingEmails SET State = 'Sending' WHERE Id IN (SELECT Id FROM OutgoingEmails WHERE State = 'Queued' ORDER BY Id LIMIT 100)
                        RETURNING Id, (SELECT r.Name FROM Registrations r WHERE r.Id = RegistrationId), (SELECT r.Email FROM Registrations r WHERE r.Id = RegistrationId),
                                  (SELECT w.Title FROM Registrations r JOIN Workshops w ON w.Id = r.WorkshopId WHERE r.Id = RegistrationId)
                        """;
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                    }
                });
                foreach (var email in batch)
                {
                    await using var file = File.Create(Path.Combine(folder, $"{email.Id}.eml"));
                    await Compose(email.Name, email.Email, email.Title, email.Id).WriteToAsync(file, stoppingToken);
                }

                if (batch.Count > 0)
                {
                    await db.WriteAsync(command =>
                    {
                        command.CommandText = $"UPDATE OutgoingEmails SET State = 'Sent', SentAtUtc = $now WHERE Id IN ({string.Join(',', batch.Select(b => b.Id))})";
                        command.Parameters.AddWithValue("$now", Database.Now());
                        command.ExecuteNonQuery();
                    });
                }
            }
            while (batch.Count > 0);
        }
    }

    private static MimeMessage Compose(string name, string address, string title, long id)
    {
        var message = new MimeMessage { Subject = $"Ilmoittautuminen vahvistettu: {title}" };
        message.From.Add(new MailboxAddress("Workshops", "noreply@example.org"));
        message.To.Add(new MailboxAddress(name, address));
        var calendar = new Ical.Net.Calendar { Method = "REQUEST" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"registration-{id}@reference",
            Sequence = 0,
            Summary = title,
            DtStart = new CalDateTime(2027, 6, 1, 9, 0, 0, "Europe/Helsinki"),
            DtEnd = new CalDateTime(2027, 6, 1, 12, 0, 0, "Europe/Helsinki"),
        });
        var body = new BodyBuilder
        {
            TextBody = $"Hei {name},\n\nilmoittautumisesi työpajaan {title} on vastaanotettu.\n",
            HtmlBody = $"<p>Hei {HtmlEncoder.Default.Encode(name)},</p><p>ilmoittautumisesi työpajaan {HtmlEncoder.Default.Encode(title)} on vastaanotettu.</p>",
        };
        body.Attachments.Add("kutsu.ics", Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar)!), new ContentType("text", "calendar"));
        message.Body = body.ToMessageBody();
        return message;
    }
}
