namespace Workshops.Web.Exports;

/// <summary>
/// A table to download: a header row and rows of cells. A cell is text, a whole number, a double (a mean: two decimals
/// in CSV) or a local Helsinki date and time (<see cref="DateTime"/>, Kind Unspecified); numbers and dates stay numbers
/// and dates in .xlsx. Null is an empty cell.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);
