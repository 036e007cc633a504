using System.Data.Common;
using System.Globalization;
using Census.Contracts.Imports;
using Census.Domain.Validation;
using Census.Contracts.Surveys;
using Census.Grains.Surveys;

namespace Census.Grains.Imports;

/// <summary>
/// The import store over any ADO.NET engine: the reads and the rule across rows are written once here; an engine
/// supplies its connections, how it names and binds parameters, and its batch writes (PostgreSQL sends a batch as
/// arrays in one statement, SQLite runs a prepared statement per row inside one transaction in this process).
/// Records and listed imports are stored as the census's JSON (<see cref="SurveyDocumentJson"/>).
/// </summary>
public abstract class SqlImportStore : IImportStore
{
    /// <summary>An open connection to the engine's database.</summary>
    protected abstract Task<DbConnection> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>How the engine names the i-th (1-based) parameter in SQL.</summary>
    protected abstract string P(int ordinal);

    /// <summary>Binds the <paramref name="ordinal"/>-th parameter as the engine stores such a value.</summary>
    protected abstract void Bind(DbCommand command, int ordinal, object? value);

    public abstract Task AddRowsAsync(string importId, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken = default);

    public abstract Task RecordPageAsync(ImportPageRecord page, CancellationToken cancellationToken = default);

    public async Task MarkDuplicatesAsync(string importId, CancellationToken cancellationToken = default)
    {
        // The groups are computed once (a temporary set would be engine-specific): errors first, while the
        // rows still say which ones share an id, then the rows become invalid.
        var groups = $"""
            SELECT dataset_id, min(row_number) AS first_row, count(*) AS times
            FROM census_import_row WHERE import_id = {P(1)} AND dataset_id IS NOT NULL
            GROUP BY dataset_id HAVING count(*) > 1
            """;
        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"""
            INSERT INTO census_import_error (import_id, row_number, dataset_id, path, message)
            SELECT r.import_id, r.row_number, r.dataset_id, 'datasetId',
                   'appears in ' || g.times || ' rows of the file (first in row ' || g.first_row || '); a dataset may appear once.'
            FROM census_import_row r JOIN ({groups}) g ON g.dataset_id = r.dataset_id
            WHERE r.import_id = {P(1)}
            """, [importId], cancellationToken);
        await ExecuteAsync(connection, transaction, $"""
            UPDATE census_import_row SET valid = {P(2)}
            WHERE import_id = {P(1)} AND dataset_id IN (SELECT dataset_id FROM ({groups}) d)
            """, [importId, false], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<(int Rows, int Invalid)> CountRowsAsync(string importId, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT count(*), coalesce(sum(CASE WHEN valid THEN 0 ELSE 1 END), 0) FROM census_import_row WHERE import_id = {P(1)}", [importId]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Int(reader.GetValue(0)), Int(reader.GetValue(1)));
    }

    public async Task<IReadOnlyList<StoredImportRow>> ReadRowsAsync(string importId, int afterRow, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection, null, $"""
            SELECT row_number, dataset_id, action, record, valid FROM census_import_row
            WHERE import_id = {P(1)} AND row_number > {P(2)} ORDER BY row_number LIMIT {P(3)}
            """, [importId, afterRow, (long)limit]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<StoredImportRow>(limit);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredImportRow(
                Int(reader.GetValue(0)),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                Names.Parse<ImportRowAction>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : SurveyDocumentJson.Read<SurveyRecord>(reader.GetString(3)),
                Convert.ToBoolean(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    public async Task<(IReadOnlyList<ImportError> Items, int Total)> ReadErrorsAsync(string importId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var total = Int(await ScalarAsync(connection, $"SELECT count(*) FROM census_import_error WHERE import_id = {P(1)}", [importId], cancellationToken));
        await using var command = Command(connection, null, $"""
            SELECT row_number, dataset_id, path, message FROM census_import_error
            WHERE import_id = {P(1)} ORDER BY row_number, seq LIMIT {P(2)} OFFSET {P(3)}
            """, [importId, (long)pageSize, (long)(page - 1) * pageSize]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var errors = new List<ImportError>();
        while (await reader.ReadAsync(cancellationToken))
        {
            errors.Add(new ImportError(Int(reader.GetValue(0)), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return (errors, total);
    }

    public async Task SaveImportAsync(string roundId, string institutionId, Import import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        await using var connection = await ConnectAsync(cancellationToken);
        await ExecuteAsync(connection, null, SaveImportSql, SaveImportValues(roundId, institutionId, import), cancellationToken);
    }

    public async Task<(IReadOnlyList<Import> Items, int Total)> ListImportsAsync(string roundId, string institutionId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var total = Int(await ScalarAsync(connection,
            $"SELECT count(*) FROM census_import WHERE round_id = {P(1)} AND institution_id = {P(2)}", [roundId, institutionId], cancellationToken));
        await using var command = Command(connection, null, $"""
            SELECT view FROM census_import WHERE round_id = {P(1)} AND institution_id = {P(2)}
            ORDER BY started_at DESC, import_id LIMIT {P(3)} OFFSET {P(4)}
            """, [roundId, institutionId, (long)pageSize, (long)(page - 1) * pageSize]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var imports = new List<Import>();
        while (await reader.ReadAsync(cancellationToken))
        {
            imports.Add(SurveyDocumentJson.Read<Import>(reader.GetString(0)));
        }

        return (imports, total);
    }

    public async Task DeleteAsync(string importId, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in new[] { "census_import_error", "census_import_row", "census_import" })
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {table} WHERE import_id = {P(1)}", [importId], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The upsert of a listed import; its values are <see cref="SaveImportValues"/>.</summary>
    protected string SaveImportSql => $"""
        INSERT INTO census_import (import_id, round_id, institution_id, started_at, view) VALUES ({P(1)}, {P(2)}, {P(3)}, {P(4)}, {P(5)})
        ON CONFLICT (import_id) DO UPDATE SET view = excluded.view
        """;

    protected static object?[] SaveImportValues(string roundId, string institutionId, Import import) =>
        [import.ImportId, roundId, institutionId, import.StartedAt, SurveyDocumentJson.Write(import)];

    /// <summary>A row's stored record: the census's JSON, or null for a withdrawal or a record that did not parse.</summary>
    protected static string? RecordText(ImportRow row) => row.Record is null ? null : SurveyDocumentJson.Write(row.Record);

    protected DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<object?> values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Count; i++)
        {
            Bind(command, i + 1, values[i]);
        }

        return command;
    }

    protected async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<object?> ScalarAsync(DbConnection connection, string sql, IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, sql, values);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
