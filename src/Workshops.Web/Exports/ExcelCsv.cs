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

    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
        InjectionEscapeCharacter = '\'',
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
    };

    public static byte[] Write(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, Configuration))
        {
            foreach (var header in table.Headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
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

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
