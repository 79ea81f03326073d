using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Workshops.Web.Data;

/// <summary>What a personal column holds once it is erased.</summary>
public enum ErasedAs
{
    /// <summary>NULL (for a column that allows it).</summary>
    Null,

    /// <summary>The empty text: a required column of a row that is deleted anyway.</summary>
    Empty,

    /// <summary><see cref="Domain.Privacy.PersonalData.ErasedName"/>: a required name.</summary>
    Name,

    /// <summary>
    /// <c>erased-{key}@invalid</c> with the row's own primary key (<see cref="Domain.Privacy.PersonalData.ErasedEmail"/>):
    /// a required address, still unique per row.
    /// </summary>
    Address,

    /// <summary>0: a required number, such as a set of ticked needs (<see cref="Domain.Accessibility.AccessNeeds.None"/>).</summary>
    Zero,
}

/// <summary>
/// Which columns of the model hold a participant's personal data (marked with <see cref="IsPersonalData{T}"/> in each
/// entity's configuration), and erasing all of them in the rows tied to a registration or a workshop. Which rows are
/// tied is read from the model's foreign keys: a row belongs to a registration (or a workshop) when a chain of foreign
/// keys leads from it to that row, so a new table or column is covered once it is marked, without a change here.
/// Used by <see cref="Domain.Privacy.PersonalData"/> (erasure, GDPR art. 17) and the retention purge.
/// </summary>
public static class PersonalColumns
{
    /// <summary>The model annotation that marks a property as personal data; its value is an <see cref="ErasedAs"/> name.</summary>
    public const string Annotation = "Workshops:PersonalData";

    /// <summary>The model annotation that keeps a personal column through the retention purge; its value is the reason.</summary>
    public const string KeptAnnotation = "Workshops:KeptByThePurge";

    private const int KeysPerStatement = 500;

    /// <summary>Marks the property as a participant's personal data, erased to <paramref name="erasedAs"/>.</summary>
    public static PropertyBuilder<T> IsPersonalData<T>(this PropertyBuilder<T> property, ErasedAs erasedAs = ErasedAs.Null) =>
        property.HasAnnotation(Annotation, erasedAs.ToString());

    /// <summary>
    /// Keeps a personal column (marked with <see cref="IsPersonalData{T}"/>) through the workshop's retention purge, for
    /// <paramref name="reason"/> (said in the privacy notice): an erasure at the person's request still erases it. The
    /// column's own table then needs its own deletion rule (a certificate's: Certificates__RetentionYears).
    /// </summary>
    /// <exception cref="ArgumentException">Without a reason.</exception>
    public static PropertyBuilder<T> KeptByThePurge<T>(this PropertyBuilder<T> property, string reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new ArgumentException("Say why the purge keeps it.", nameof(reason))
            : property.HasAnnotation(KeptAnnotation, reason);

    /// <summary>Why the purge keeps the property, or null when the purge erases it (or it is not personal).</summary>
    public static string? KeptByThePurgeBecause(IReadOnlyProperty property) => property.FindAnnotation(KeptAnnotation)?.Value as string;

    /// <summary>What the property becomes when erased, or null when it is not marked personal.</summary>
    public static ErasedAs? ErasedAsOf(IReadOnlyProperty property) =>
        property.FindAnnotation(Annotation)?.Value is string name ? Enum.Parse<ErasedAs>(name) : null;

    /// <summary>
    /// The table's columns that hold personal data (a property mapped to them is marked); for the retention purge
    /// (<paramref name="purge"/>) without those it keeps (<see cref="KeptByThePurge{T}"/>).
    /// </summary>
    public static IReadOnlyList<(IColumn Column, ErasedAs ErasedAs)> Of(ITable table, bool purge = false) =>
        table.Columns
            .Select(c => (Column: c, ErasedAs: c.PropertyMappings.Select(m => ErasedAsOf(m.Property)).FirstOrDefault(e => e is not null)))
            .Where(c => c.ErasedAs is not null && !(purge && c.Column.PropertyMappings.Any(m => KeptByThePurgeBecause(m.Property) is not null)))
            .Select(c => (c.Column, c.ErasedAs!.Value))
            .ToList();

    /// <summary>
    /// The chains of foreign keys from <paramref name="table"/> to <paramref name="owner"/> (each table at most once; a
    /// foreign key of a table onto itself links peers, such as a proposal merged into another, so it is never followed).
    /// Empty when no row of the table belongs to an owner row; one empty chain when the table is the owner.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<IForeignKeyConstraint>> ChainsTo(ITable table, ITable owner)
    {
        var chains = new List<IReadOnlyList<IForeignKeyConstraint>>();
        Walk(table, [table], []);
        return chains;

        void Walk(ITable at, HashSet<ITable> seen, List<IForeignKeyConstraint> chain)
        {
            if (at == owner)
            {
                chains.Add(chain.ToList());
                return;
            }

            foreach (var fk in at.ForeignKeyConstraints.Where(fk => !seen.Contains(fk.PrincipalTable)).OrderBy(fk => fk.Name, StringComparer.Ordinal))
            {
                seen.Add(fk.PrincipalTable);
                chain.Add(fk);
                Walk(fk.PrincipalTable, seen, chain);
                chain.RemoveAt(chain.Count - 1);
                seen.Remove(fk.PrincipalTable);
            }
        }
    }

    /// <summary>
    /// Erases every personal column of every row tied to the rows of <paramref name="owner"/> whose primary key is in
    /// <paramref name="keys"/> (their own rows included), with SQL UPDATEs in the caller's transaction. Rows already
    /// erased are left alone, so a second run changes nothing.
    /// For the retention purge (<paramref name="purge"/>) the columns it keeps are left (<see cref="KeptByThePurge{T}"/>).
    /// </summary>
    /// <returns>How many rows changed.</returns>
    /// <exception cref="NotSupportedException">A chain passes a foreign key or primary key of several columns.</exception>
    public static async Task<int> EraseTiedToAsync(WorkshopsDbContext db, Type owner, IReadOnlyCollection<object> keys, CancellationToken ct, bool purge = false)
    {
        WriteTransaction.EnsureOpen(db);
        var model = db.Model.GetRelationalModel();
        var ownerTable = TableOf(db.Model, owner);
        var sql = db.GetService<ISqlGenerationHelper>();
        var changed = 0;
        foreach (var table in model.Tables)
        {
            var columns = Of(table, purge);
            var chains = ChainsTo(table, ownerTable);
            if (columns.Count == 0 || chains.Count == 0)
            {
                continue;
            }

            foreach (var chunk in keys.Chunk(KeysPerStatement))
            {
                var parameters = new List<object>();
                var tied = string.Join(" OR ", chains.Select(chain => Tied(sql, table, chain, ownerTable, chunk, parameters)));
                var set = string.Join(", ", columns.Select(c => $"{sql.DelimitIdentifier(c.Column.Name)} = {(c.ErasedAs == ErasedAs.Null ? "NULL" : $"CASE WHEN {sql.DelimitIdentifier(c.Column.Name)} IS NULL THEN NULL ELSE {Erased(sql, table, c.ErasedAs, parameters)} END")}"));
                var pending = string.Join(" OR ", columns.Select(c => c.ErasedAs == ErasedAs.Null
                    ? $"{sql.DelimitIdentifier(c.Column.Name)} IS NOT NULL"
                    : $"{sql.DelimitIdentifier(c.Column.Name)} <> {Erased(sql, table, c.ErasedAs, parameters)}"));
                var update = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {set} WHERE ({tied}) AND ({pending})";
                changed += await db.Database.ExecuteSqlRawAsync(update, parameters, ct);
            }
        }

        return changed;
    }

    /// <summary>The table an entity type is mapped to.</summary>
    /// <exception cref="ArgumentException">The type is not an entity type of the model with a table.</exception>
    public static ITable TableOf(IModel model, Type entity) =>
        model.FindEntityType(entity) is { } type && type.GetTableName() is { } name
            ? model.GetRelationalModel().FindTable(name, type.GetSchema())!
            : throw new ArgumentException($"{entity.Name} is not mapped to a table of the model.", nameof(entity));

    /// <summary>The condition "this row of <paramref name="table"/> leads along <paramref name="chain"/> to one of the keys".</summary>
    private static string Tied(ISqlGenerationHelper sql, ITable table, IReadOnlyList<IForeignKeyConstraint> chain, ITable owner, object[] keys, List<object> parameters)
    {
        var inKeys = "IN (" + string.Join(", ", keys.Select(k => Parameter(k, parameters))) + ")";
        if (chain.Count == 0)
        {
            return $"{sql.DelimitIdentifier(Single(owner.PrimaryKey?.Columns, owner).Name)} {inKeys}";
        }

        // Innermost first: the last foreign key points at the owner's key column.
        if (Single(chain[^1].PrincipalColumns, owner) != Single(owner.PrimaryKey?.Columns, owner))
        {
            throw new NotSupportedException($"{chain[^1].Name}: personal data is traced through foreign keys onto primary keys only.");
        }

        var condition = $"{sql.DelimitIdentifier(Single(chain[^1].Columns, chain[^1].Table).Name)} {inKeys}";
        for (var i = chain.Count - 2; i >= 0; i--)
        {
            var principal = chain[i + 1].Table;
            condition = $"{sql.DelimitIdentifier(Single(chain[i].Columns, chain[i].Table).Name)} IN (SELECT {sql.DelimitIdentifier(Single(chain[i].PrincipalColumns, principal).Name)} " +
                $"FROM {sql.DelimitIdentifier(principal.Name, principal.Schema)} WHERE {condition})";
        }

        return condition;
    }

    private static string Erased(ISqlGenerationHelper sql, ITable table, ErasedAs erasedAs, List<object> parameters) => erasedAs switch
    {
        ErasedAs.Empty => "''",
        ErasedAs.Zero => "0",
        ErasedAs.Name => Parameter(Domain.Privacy.PersonalData.ErasedName, parameters),
        // The same text as PersonalData.ErasedEmail for an integer key; CAST … AS TEXT reads alike on SQLite and PostgreSQL.
        ErasedAs.Address => $"('erased-' || CAST({sql.DelimitIdentifier(Single(table.PrimaryKey?.Columns, table).Name)} AS TEXT) || '@invalid')",
        _ => "NULL",
    };

    private static string Parameter(object value, List<object> parameters)
    {
        parameters.Add(value);
        return "{" + (parameters.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
    }

    private static IColumn Single(IReadOnlyList<IColumn>? columns, ITable table) =>
        columns is [var column] ? column : throw new NotSupportedException($"{table.Name}: personal data is traced through single-column keys only.");
}
