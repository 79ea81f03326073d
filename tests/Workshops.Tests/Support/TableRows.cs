using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Web.Data;

namespace Workshops.Tests.Support;

/// <summary>
/// Whole tables read with plain SQL, for comparing two databases of the same model (a SQLite file and its PostgreSQL
/// copy): every column of the model, each value read with its own database's type mapping, turned into the model's value,
/// and written out as text the same way for both (SQLite's stored form of it), rows sorted by primary key.
/// </summary>
public static class TableRows
{
    /// <summary>A context on a SQLite file, read-only, outside the app.</summary>
    public static WorkshopsDbContext Sqlite(string path) =>
        new(new DbContextOptionsBuilder<WorkshopsDbContext>().UseSqlite($"Data Source={path};Mode=ReadOnly;Pooling=False").Options);

    /// <summary>A context on a PostgreSQL database, outside the app.</summary>
    public static PostgresWorkshopsDbContext Postgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresWorkshopsDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>
    /// The rows of <paramref name="table"/> (a table of one database's model, found in <paramref name="db"/>'s model by
    /// name), each as its columns' values in name order: read with <paramref name="db"/>'s own type mappings, rendered with
    /// <paramref name="table"/>'s, so that the same model value reads the same from either database.
    /// </summary>
    public static async Task<List<string[]>> ReadAsync(DbContext db, ITable table)
    {
        var own = db.Model.GetRelationalModel().FindTable(table.Name, table.Schema) ?? throw new InvalidOperationException($"{table.Name} is not in {db.GetType().Name}'s model");
        var columns = table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var sql = db.GetInfrastructure().GetRequiredService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))} FROM {sql.DelimitIdentifier(own.Name, own.Schema)}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string[]>();
            while (await reader.ReadAsync())
            {
                rows.Add(columns.Select((c, i) => Render(Mapping(c), Value(reader, i, Mapping(own.FindColumn(c.Name)!)))).ToArray());
            }

            var keys = (table.PrimaryKey?.Columns ?? columns).Select(k => columns.IndexOf((IColumn)k)).ToList();
            return rows.OrderBy(r => string.Join("\u0001", keys.Select(k => r[k])), StringComparer.Ordinal).ToList();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static RelationalTypeMapping Mapping(IColumn column) => column.PropertyMappings.FirstOrDefault()?.TypeMapping ?? column.StoreTypeMapping;

    /// <summary>The model's value of one column of the current row.</summary>
    private static object? Value(DbDataReader reader, int i, RelationalTypeMapping mapping)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        var stored = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        var raw = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!
            .MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored).Invoke(reader, [i]);
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(raw) : raw;
    }

    /// <summary>A model value as text, through <paramref name="mapping"/>'s converter (so a JSON list compares as its JSON).</summary>
    private static string Render(RelationalTypeMapping mapping, object? value) =>
        (value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) switch
        {
            null => "NULL",
            byte[] bytes => Convert.ToHexString(bytes),
            DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
            DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
        };
}
