using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Workshops.Web.Exports;

/// <summary>
/// An .xlsx workbook with one sheet (SpreadCheetah). Text goes in as text cells, never as formulas,
/// so "=1+1" typed into a form stays the text "=1+1".
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's number format for local times, as Finnish readers write them (27.11.2026 12:00).</summary>
    public const string DateTimeFormat = "d.m.yyyy h:mm";

    /// <summary>
    /// Writes the workbook to <paramref name="output"/> row by row as <see cref="ExportTable.Rows"/> yields them, through
    /// asynchronous writes only (Kestrel's response body forbids synchronous ones; the ZIP layer's few synchronous
    /// writes are held back by <see cref="SyncWritesHeldBack"/>). The stream need not be seekable and is left open.
    /// </summary>
    public static async Task WriteAsync(ExportTable table, Stream output, CancellationToken ct = default)
    {
        var body = new SyncWritesHeldBack(output);
        // Dates are real date cells (a number with a date format), so Excel sorts and filters them as dates.
        var options = new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom(DateTimeFormat) };
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(body, options, ct))
        {
            await spreadsheet.StartWorksheetAsync(SheetName(table.Name), null, ct);
            await spreadsheet.AddRowAsync(table.Headers.Select(h => new DataCell(h)).ToArray(), ct);
            await foreach (var row in table.Rows.WithCancellation(ct))
            {
                await spreadsheet.AddRowAsync(row.Select(Cell).ToArray(), ct);
            }

            await spreadsheet.FinishAsync(ct);
        }

        await body.FlushAsync(ct);
    }

    private static DataCell Cell(object? value) => value switch
    {
        null => new DataCell((string?)null),
        int number => new DataCell(number),
        DateTime local => new DataCell(local),
        double number => new DataCell(number),
        _ => new DataCell(value.ToString()),
    };

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => ":\\/?*[]".Contains(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet1" : clean.Length > 31 ? clean[..31] : clean;
    }
}
