using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Data;

/// <summary>
/// Moving up: copies every table of the site's SQLite database into an empty PostgreSQL database with the same ids
/// (registrations keep their order, manage links keep working because their hashes move), then checks the counts.
/// Which tables, in which order, and which columns are identities all come from the EF Core model
/// (<see cref="CopyPlan.Of"/>), so a table added to the model is copied without a change here.
/// </summary>
/// <remarks>
/// Rows are read with a plain data reader and written as multi-row INSERTs of <see cref="BatchRows"/> rows, each value
/// converted by the model's own type mappings (SQLite's to read, PostgreSQL's to write), so memory stays flat whatever
/// the size of a table and every column of the model moves, including complex properties and shadow columns. This is
/// the one write outside <see cref="WriteTransaction"/>: an offline command into another, empty database.
/// </remarks>
public static class PostgresCopy
{
    /// <summary>Rows per INSERT statement (fewer for wide tables: PostgreSQL takes at most 65,535 parameters).</summary>
    public const int BatchRows = 500;

    private const int MaxParameters = 30_000;

    /// <summary>
    /// Copies the SQLite database behind <paramref name="source"/> into the empty PostgreSQL database
    /// <paramref name="targetConnectionString"/> (its schema is created first), in one transaction, and returns each
    /// table's row count in copy order; each count was compared with the source's before the commit.
    /// </summary>
    /// <exception cref="ConfigurationException">The source is not SQLite, the target cannot be reached, or it already holds rows.</exception>
    /// <exception cref="InvalidOperationException">
    /// A table could not be copied or its counts differ; the transaction was rolled back and the target holds no rows.
    /// </exception>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> CopyAsync(WorkshopsDbContext source, string targetConnectionString, CancellationToken ct = default)
    {
        if (source.Database.IsNpgsql())
        {
            throw new ConfigurationException("Database__Provider: the copy reads the SQLite database, so run it with the SQLite settings the site used until now.");
        }

        var settings = new DatabaseSettings(DatabaseProvider.PostgreSQL, targetConnectionString);
        await using var target = new PostgresWorkshopsDbContext(new DbContextOptionsBuilder<PostgresWorkshopsDbContext>().UseNpgsql(targetConnectionString).Options);
        try
        {
            await target.Database.MigrateAsync(ct);
        }
        catch (Exception ex) when (DatabaseSettings.IsUnreachable(ex))
        {
            throw settings.Unreachable(ex);
        }

        var plan = CopyPlan.Of(target.Model.GetRelationalModel());
        var sourceTables = source.Model.GetRelationalModel();
        await source.Database.OpenConnectionAsync(ct);
        try
        {
            // One snapshot of the source for every table and count (a deferred transaction takes no write lock).
            await using var snapshot = ((SqliteConnection)source.Database.GetDbConnection()).BeginTransaction(deferred: true);
            var from = new Side(source.Database.GetDbConnection(), snapshot, source.GetService<ISqlGenerationHelper>());
            // The one transaction outside the write seam: the copy command writes to another, empty database, offline.
            await using var transaction = await target.Database.BeginTransactionAsync(ct);
            var to = new Side(target.Database.GetDbConnection(), transaction.GetDbTransaction(), target.GetService<ISqlGenerationHelper>());
            foreach (var table in plan.Tables)
            {
                if (await to.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {to.Name(table)})", ct))
                {
                    throw new ConfigurationException($"the PostgreSQL database is not empty ({table.Name} has rows); the copy goes into an empty database only, so nothing is overwritten.");
                }
            }

            var copied = new List<(string, long)>();
            foreach (var table in plan.Tables)
            {
                copied.Add((table.Name, await CopyTableAsync(from, to, table, SourceTable(sourceTables, table), plan, ct)));
            }

            foreach (var foreignKey in plan.FilledInAfterwards)
            {
                await FillInAsync(from, to, foreignKey, SourceTable(sourceTables, foreignKey.Table), ct);
            }

            // Ids were copied as they were: each identity column's sequence continues after the highest one.
            foreach (var table in plan.Tables)
            {
                foreach (var column in CopyPlan.IdentityColumns(table))
                {
                    await to.ExecuteAsync(
                        $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE(MAX({to.Name(column)}), 0) + 1, false) FROM {to.Name(table)}",
                        ct, ("table", to.Name(table)), ("column", column.Name));
                }
            }

            await transaction.CommitAsync(ct);
            return copied;
        }
        finally
        {
            await source.Database.CloseConnectionAsync();
        }
    }

    private static ITable SourceTable(IRelationalModel source, ITable table) =>
        source.FindTable(table.Name, table.Schema)
        ?? throw new InvalidOperationException($"{table.Name}: not in the SQLite model; run the copy with the same version of the site as the schema it creates.");

    private static async Task<long> CopyTableAsync(Side from, Side to, ITable table, ITable sourceTable, CopyPlan plan, CancellationToken ct)
    {
        var columns = CopyPlan.CopiedColumns(table);
        var later = plan.FilledInAfterwards.Where(fk => fk.Table == table).SelectMany(fk => fk.Columns).ToHashSet();
        var read = columns.Select(c => CopyPlan.ReaderFor(SourceColumn(sourceTable, c))).ToArray();
        var write = columns.Select(CopyPlan.WriterFor).ToArray();
        var overriding = CopyPlan.IdentityColumns(table).Count > 0 ? " OVERRIDING SYSTEM VALUE" : "";
        var insert = $"INSERT INTO {to.Name(table)} ({string.Join(", ", columns.Select(to.Name))}){overriding} VALUES ";
        var perBatch = Math.Max(1, Math.Min(BatchRows, MaxParameters / columns.Count));
        long written = 0;
        try
        {
            await using var select = from.Command($"SELECT {string.Join(", ", columns.Select(c => from.Name(SourceColumn(sourceTable, c))))} FROM {from.Name(sourceTable)}");
            await using var reader = await select.ExecuteReaderAsync(ct);
            var batch = new List<object?[]>(perBatch);
            while (await reader.ReadAsync(ct))
            {
                var row = new object?[columns.Count];
                for (var i = 0; i < columns.Count; i++)
                {
                    // A foreign key onto a row that may come later is written as NULL now and filled in at the end.
                    row[i] = later.Contains(columns[i]) ? null : read[i](reader, i);
                }

                batch.Add(row);
                if (batch.Count == perBatch)
                {
                    written += await InsertAsync(to, insert, write, batch, ct);
                }
            }

            written += await InsertAsync(to, insert, write, batch, ct);
        }
        catch (Exception ex) when (ex is DbException or InvalidCastException or FormatException)
        {
            throw new InvalidOperationException($"{table.Name}: {ex.Message}", ex);
        }

        var inSource = await from.ScalarAsync<long>($"SELECT COUNT(*) FROM {from.Name(sourceTable)}", ct);
        var inTarget = await to.ScalarAsync<long>($"SELECT COUNT(*) FROM {to.Name(table)}", ct);
        if (inSource != written || inTarget != written)
        {
            throw new InvalidOperationException($"{table.Name}: {inSource} rows in SQLite, {written} copied, {inTarget} in PostgreSQL.");
        }

        return inTarget;
    }

    private static async Task<long> InsertAsync(Side to, string insert, Func<DbCommand, string, object?, DbParameter>[] write, List<object?[]> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var command = to.Command("");
        var sql = new StringBuilder(insert);
        var n = 0;
        foreach (var row in batch)
        {
            sql.Append(n == 0 ? "(" : ", (");
            for (var i = 0; i < row.Length; i++)
            {
                var name = "p" + n++;
                command.Parameters.Add(write[i](command, name, row[i]));
                sql.Append(i == 0 ? "@" : ", @").Append(name);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        var rows = await command.ExecuteNonQueryAsync(ct);
        batch.Clear();
        return rows;
    }

    /// <summary>Sets the foreign key columns that were written as NULL (a table referring to itself) from the source.</summary>
    private static async Task FillInAsync(Side from, Side to, IForeignKeyConstraint foreignKey, ITable sourceTable, CancellationToken ct)
    {
        var table = foreignKey.Table;
        var keys = table.PrimaryKey?.Columns
            ?? throw new InvalidOperationException($"{table.Name}: a table without a primary key cannot refer to itself in the copy.");
        var columns = foreignKey.Columns.Concat(keys).ToList();
        var read = columns.Select(c => CopyPlan.ReaderFor(SourceColumn(sourceTable, c))).ToArray();
        var write = columns.Select(CopyPlan.WriterFor).ToArray();
        await using var select = from.Command(
            $"SELECT {string.Join(", ", columns.Select(c => from.Name(SourceColumn(sourceTable, c))))} FROM {from.Name(sourceTable)} " +
            $"WHERE {string.Join(" OR ", foreignKey.Columns.Select(c => from.Name(SourceColumn(sourceTable, c)) + " IS NOT NULL"))}");
        await using var reader = await select.ExecuteReaderAsync(ct);
        var statements = new StringBuilder();
        var command = to.Command("");
        try
        {
            for (var n = 0; await reader.ReadAsync(ct); n++)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    command.Parameters.Add(write[i](command, $"u{n}_{i}", read[i](reader, i)));
                }

                var row = n;
                statements.Append($"UPDATE {to.Name(table)} SET {string.Join(", ", foreignKey.Columns.Select((c, i) => $"{to.Name(c)} = @u{row}_{i}"))} ")
                    .Append($"WHERE {string.Join(" AND ", keys.Select((c, i) => $"{to.Name(c)} = @u{row}_{foreignKey.Columns.Count + i}"))};");
                if ((n + 1) % BatchRows == 0)
                {
                    command.CommandText = statements.ToString();
                    await command.ExecuteNonQueryAsync(ct);
                    await command.DisposeAsync();
                    (command, statements) = (to.Command(""), new StringBuilder());
                }
            }

            if (statements.Length > 0)
            {
                command.CommandText = statements.ToString();
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await command.DisposeAsync();
        }
    }

    private static IColumn SourceColumn(ITable sourceTable, IColumn column) =>
        sourceTable.FindColumn(column.Name)
        ?? throw new InvalidOperationException($"{column.Table.Name}.{column.Name}: not in the SQLite model; run the copy with the same version of the site as the schema it creates.");

    /// <summary>One database's connection, transaction and identifier quoting.</summary>
    private sealed record Side(DbConnection Connection, DbTransaction Transaction, ISqlGenerationHelper Sql)
    {
        public string Name(ITable table) => Sql.DelimitIdentifier(table.Name, table.Schema);

        public string Name(IColumn column) => Sql.DelimitIdentifier(column.Name);

        public DbCommand Command(string text)
        {
            var command = Connection.CreateCommand();
            command.Transaction = Transaction;
            command.CommandText = text;
            command.CommandTimeout = 0;
            return command;
        }

        public async Task<T> ScalarAsync<T>(string text, CancellationToken ct)
        {
            await using var command = Command(text);
            return (T)Convert.ChangeType((await command.ExecuteScalarAsync(ct))!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }

        public async Task ExecuteAsync(string text, CancellationToken ct, params (string Name, object Value)[] parameters)
        {
            await using var command = Command(text);
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, value);
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
