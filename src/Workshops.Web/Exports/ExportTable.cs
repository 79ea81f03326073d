namespace Workshops.Web.Exports;

/// <summary>
/// A table to download: a header row and rows of cells. A cell is text, a whole number or a double (a mean, two decimals in CSV; numbers stay numbers
/// in .xlsx); null is an empty cell.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
