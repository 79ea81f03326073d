using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workshops.Tests.Support;
using Workshops.Web.Data;
using Workshops.Web.Domain;
using Workshops.Web.Domain.Privacy;
using Workshops.Web.Domain.Questions;
using Workshops.Web.Domain.Registrations;
using Workshops.Web.Exports;

namespace Workshops.Tests.Exports;

/// <summary>
/// Exports are written to the response while their rows are read (issue 12): a long list comes out whole, in the
/// page's order and with the answers, through the real page (in batches of 500 ids underneath).
/// </summary>
public class StreamingExportTests : IAsyncLifetime
{
    private const string Rauma = RegistrationSteps.Rauma;
    private const string Question = "Mistä kuulit työpajasta?";

    /// <summary>More than two batches of <see cref="Workshops.Web.Pages.Organiser.Workshops.AttendeeList.BatchSize"/>.</summary>
    private const int People = 1203;

    /// <summary>Ordinal order would put Ä before Å and both after Z; Finnish order is Z, Å, Ä, Ö.</summary>
    private static readonly string[] InsertedPrefixes = ["Öljy", "Ärjä", "Åke", "Zeta", "Aalto"];
    private static readonly string[] FinnishPrefixes = ["Aalto", "Zeta", "Åke", "Ärjä", "Öljy"];

    private readonly WorkshopsFactory _app;
    private HttpClient _organiser = null!;

    public StreamingExportTests()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected StreamingExportTests(DatabaseProvider provider) => _app = new WorkshopsFactory(new TestFolder(provider));

    public async Task InitializeAsync()
    {
        _organiser = await Organisers.SignedInAsync(_app);
        var workshop = await _app.WorkshopAsync(Rauma);
        var created = new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);
        await _app.WithDbAsync(async db =>
        {
            var question = WorkshopQuestion.Create(workshop.Id, 1, new QuestionDraft(QuestionKind.ShortText, new LocalizedText { Fi = Question }, new LocalizedText(), false, []));
            db.WorkshopQuestions.Add(question);
            await db.SaveChangesAsync();
            // Inserted in an order that is neither the name order nor the reverse of it.
            db.Registrations.AddRange(Enumerable.Range(0, People).Select(i => new Registration
            {
                WorkshopId = workshop.Id,
                Name = Name(i),
                Email = $"p{i:D4}@example.fi",
                EmailNormalized = $"p{i:D4}@example.fi",
                Organisation = i % 7 == 0 ? "Yhdistys; Rauma" : "Rauman kaupunki",
                Group = HelixGroup.Municipal,
                Language = "fi",
                Status = RegistrationStatus.Confirmed,
                ConsentedAtUtc = created,
                CreatedAtUtc = created,
                Answers = i % 2 == 0 ? [new RegistrationAnswer { QuestionId = question.Id, QuestionText = Question, Text = $"Lehdestä {i}" }] : [],
            }));
            await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static string Name(int i) => $"{InsertedPrefixes[i % InsertedPrefixes.Length]} {i:D4}";

    /// <summary>The people in the list's default order (name, Finnish collation), written out by hand.</summary>
    private static IEnumerable<int> InPageOrder() =>
        FinnishPrefixes.SelectMany(prefix => Enumerable.Range(0, People).Where(i => Name(i).StartsWith(prefix + " ", StringComparison.Ordinal)));

    [Fact]
    public async Task ALongCsvComesOutByteForByteInThePagesOrderWithTheAnswers()
    {
        var response = await _organiser.GetAsync($"/organiser/workshops/{Rauma}?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{Rauma}-active.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var expected = new StringBuilder("\uFEFFNimi;Sähköposti;Organisaatio;Ryhmä;Tarpeet;Tila;Viestien kieli;Ilmoittautui;Saapui;Paikkatarjous voimassa;Ylipaikka;Ilmoittaja;Osallistumistapa;" + Question + "\r\n");
        foreach (var i in InPageOrder())
        {
            var organisation = i % 7 == 0 ? "\"Yhdistys; Rauma\"" : "Rauman kaupunki";
            var answer = i % 2 == 0 ? $"Lehdestä {i}" : "";
            expected.Append(CultureInfo.InvariantCulture, $"{Name(i)};p{i:D4}@example.fi;{organisation};Kunta tai muu julkinen toimija;;Vahvistettu;fi;27.11.2026 12.00;;;;;Paikan päällä;{answer}\r\n");
        }

        Assert.Equal(Encoding.UTF8.GetBytes(expected.ToString()), await response.Content.ReadAsByteArrayAsync());
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Exported));
        Assert.Equal(AuditDetail.Of(AuditDetailKind.AttendeesExported, "csv", People, "status=active, sort=name").ToJson(), audit.Detail);
    }

    [Fact]
    public async Task ALongXlsxReadsBackCellForCellInThePagesOrder()
    {
        var response = await _organiser.GetAsync($"/organiser/workshops/{Rauma}?handler=Xlsx&sort=name");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(Xlsx.ContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal($"{Rauma}-active.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true)
            .Cast<IDictionary<string, object?>>().ToList();
        var order = InPageOrder().ToList();
        Assert.Equal(People, rows.Count);
        for (var n = 0; n < People; n++)
        {
            var (row, i) = (rows[n], order[n]);
            Assert.Equal(Name(i), row["Nimi"]);
            Assert.Equal($"p{i:D4}@example.fi", row["Sähköposti"]);
            Assert.Equal(i % 7 == 0 ? "Yhdistys; Rauma" : "Rauman kaupunki", row["Organisaatio"]);
            Assert.Equal("Kunta tai muu julkinen toimija", row["Ryhmä"]);
            Assert.Equal("Vahvistettu", row["Tila"]);
            Assert.Equal(new DateTime(2026, 11, 27, 12, 0, 0), Assert.IsType<DateTime>(row["Ilmoittautui"]));
            Assert.Equal(i % 2 == 0 ? $"Lehdestä {i}" : null, row[Question]);
        }
    }

    [Fact]
    public async Task AnExportOfAWorkshopThatDoesNotExistIsA404AndNotAudited()
    {
        foreach (var handler in new[] { "Csv", "Xlsx" })
        {
            var response = await _organiser.GetAsync($"/organiser/workshops/no-such-workshop?handler={handler}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Null(response.Content.Headers.ContentDisposition);
        }

        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Exported)));
    }
}

/// <summary>The same through-the-page exports on PostgreSQL (its own ordering of the id batches).</summary>
public sealed class StreamingExportTestsOnPostgreSQL() : StreamingExportTests(DatabaseProvider.PostgreSQL);

/// <summary>
/// The writers write many bounded chunks, asynchronously, as rows arrive: what keeps an export's memory flat whatever
/// its row count (the old writers built the whole file as a byte array and wrote it once).
/// </summary>
public sealed class ExportWriterTests
{
    /// <summary>5,000 rows of about 100 bytes: half a megabyte of CSV.</summary>
    private static ExportTable Table(int rows, Action<int> yielded) => new("t", ["Nimi", "Sähköposti", "Ilmoittautui", "Määrä"], Rows(rows, yielded));

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(int count, Action<int> yielded)
    {
        for (var i = 0; i < count; i++)
        {
            yielded(i);
            await Task.Yield();
            yield return [$"Henkilö Ääkkönen {i}", $"henkilo{i}@example.fi", new DateTime(2026, 11, 27, 12, 0, 0), i];
        }
    }

    [Fact]
    public async Task TheCsvWriterWritesAsRowsArriveInBoundedChunksAndOnlyAsynchronously()
    {
        var output = new RecordingStream();
        long writtenWhenLastRowWasRead = -1;

        await ExcelCsv.WriteAsync(Table(5000, i => { if (i == 4999) { writtenWhenLastRowWasRead = output.Length; } }), output);

        Assert.True(output.Length > 300_000, $"wrote {output.Length} bytes");
        Assert.True(output.LargestWrite <= 64 * 1024, $"largest write {output.LargestWrite} bytes");
        Assert.True(output.Writes >= 8, $"{output.Writes} writes");
        // Most of the file was already out before the last row was even produced: nothing held the whole output.
        Assert.True(writtenWhenLastRowWasRead > output.Length * 9 / 10, $"{writtenWhenLastRowWasRead} of {output.Length} bytes written before the last row");
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith("\uFEFFNimi;Sähköposti;Ilmoittautui;Määrä\r\nHenkilö Ääkkönen 0;henkilo0@example.fi;27.11.2026 12.00;0\r\n", text);
        Assert.EndsWith("Henkilö Ääkkönen 4999;henkilo4999@example.fi;27.11.2026 12.00;4999\r\n", text);
    }

    [Fact]
    public async Task TheXlsxWriterWritesAsRowsArriveToANonSeekableStreamOnlyAsynchronously()
    {
        var output = new RecordingStream();
        long writtenWhenLastRowWasRead = -1;

        await Xlsx.WriteAsync(Table(5000, i => { if (i == 4999) { writtenWhenLastRowWasRead = output.Length; } }), output);

        Assert.True(output.LargestWrite <= 256 * 1024, $"largest write {output.LargestWrite} bytes");
        Assert.True(writtenWhenLastRowWasRead > 0, "nothing was written before the last row was read");
        var rows = UnicodeRoundTripTests.ReadXlsx(output.ToArray());
        Assert.Equal(5001, rows.Count);
        Assert.Equal(["Henkilö Ääkkönen 4999", "henkilo4999@example.fi", new DateTime(2026, 11, 27, 12, 0, 0).ToOADate().ToString(CultureInfo.InvariantCulture), "4999"], rows[5000]);
    }

    /// <summary>
    /// A response body as Kestrel gives it: forward-only, and a synchronous write or flush throws. It records the
    /// number of writes and the largest one, and keeps the bytes so the test can read them back.
    /// </summary>
    private sealed class RecordingStream : Stream
    {
        private readonly MemoryStream _bytes = new();

        public int Writes { get; private set; }
        public int LargestWrite { get; private set; }
        public override long Length => _bytes.Length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public byte[] ToArray() => _bytes.ToArray();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            _bytes.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
