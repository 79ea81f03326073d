namespace Workshops.Web.Exports;

/// <summary>
/// A table to download: a header row and rows of cells, produced lazily (the writers enumerate <see cref="Rows"/> once,
/// writing each row to the response as it comes, so memory does not grow with the row count). A cell is text, a whole
/// number, a double (a mean: two decimals in CSV) or a local Helsinki date and time (<see cref="DateTime"/>, Kind
/// Unspecified); numbers and dates stay numbers and dates in .xlsx. Null is an empty cell.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<object?>> Rows);
