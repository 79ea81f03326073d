using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Workshops.Web.Exports;

/// <summary>
/// A download written straight to the response body while its rows are read (<see cref="ExcelCsv.WriteAsync"/> or
/// <see cref="Xlsx.WriteAsync"/>), never held whole in memory. The headers match what <c>File(bytes, …)</c> sent:
/// <c>Content-Disposition: attachment</c> with <paramref name="FileName"/>, the content type, and
/// <c>Cache-Control: no-store</c> (exports hold personal data: no shared cache or browser cache keeps them). Decide
/// anything that is not a 200 (such as a 404) before returning this: once the body starts the status is sent.
/// </summary>
/// <param name="Table">The header row and the lazily produced rows.</param>
/// <param name="Format">"csv" or "xlsx".</param>
/// <param name="FileName">The suggested file name, extension included.</param>
public sealed record ExportDownload(ExportTable Table, string Format, string FileName) : IActionResult
{
    /// <summary>A CSV (<see cref="ExcelCsv"/>) or an .xlsx (<see cref="Xlsx"/>) download of <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="format"/> is neither "csv" nor "xlsx".</exception>
    public static ExportDownload Of(ExportTable table, string format, string fileName) =>
        format is "csv" or "xlsx" ? new(table, format, fileName) : throw new ArgumentException($"Unknown export format {format}.", nameof(format));

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var ct = context.HttpContext.RequestAborted;
        response.ContentType = Format == "csv" ? ExcelCsv.ContentType : Xlsx.ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        if (Format == "csv")
        {
            await ExcelCsv.WriteAsync(Table, response.Body, ct);
        }
        else
        {
            await Xlsx.WriteAsync(Table, response.Body, ct);
        }
    }
}
