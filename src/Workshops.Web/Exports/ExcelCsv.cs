using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Workshops.Web.Exports;

/// <summary>
/// CSV the way Finnish Excel opens it with a double-click: UTF-8 with a byte-order mark (or ä, ö and å come out
/// garbled), semicolons (the Finnish list separator; a comma is the decimal mark), CRLF, and quotes where needed.
/// A cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so a name typed
/// into the public form can never run as a formula on an organiser's computer (CSV injection).
/// </summary>
public static class ExcelCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Characters the text writer holds before it writes them to the stream: each write is at most ~48 KB.</summary>
    private const int BufferChars = 16 * 1024;

    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
        InjectionEscapeCharacter = '\'',
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
    };

    /// <summary>
    /// Writes the table to <paramref name="output"/> row by row as <see cref="ExportTable.Rows"/> yields them, through
    /// asynchronous writes only (Kestrel's response body forbids synchronous ones). The stream is left open.
    /// </summary>
    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), BufferChars, leaveOpen: true);
        await using var csv = new CsvWriter(writer, Configuration);
        foreach (var header in table.Headers)
        {
            csv.WriteField(header);
        }

        // CsvWriter keeps a record in its own buffer until NextRecordAsync hands it to the writer asynchronously.
        await csv.NextRecordAsync();
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell switch
                {
                    null => "",
                    int number => number.ToString(CultureInfo.InvariantCulture),
                    DateTime local => local.ToString("d.M.yyyy H.mm", CultureInfo.InvariantCulture), // as the attendee list writes it
                    // A decimal comma, as Finnish Excel reads a number (the list separator is the semicolon).
                    double number => number.ToString("0.00", Finnish),
                    _ => cell.ToString(),
                });
            }

            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        await writer.FlushAsync(ct);
    }
}
