using System.Data.Common;
using System.Globalization;
using Census.Contracts.Imports;
using Census.Domain.Validation;
using Census.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace Census.Grains.Imports;

/// <summary>
/// The import store in the local-mode SQLite file (tables created by <see cref="LocalStore"/>). A batch is one
/// transaction of prepared statements: SQLite runs in this process, so a statement per row costs no round trip.
/// </summary>
public sealed class SqliteImportStore(LocalStore store) : SqlImportStore
{
    public override async Task AddRowsAsync(string importId, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insertRow = Command(connection, transaction, $"""
            INSERT INTO census_import_row (import_id, row_number, dataset_id, action, record, valid)
            VALUES ({P(1)}, {P(2)}, {P(3)}, {P(4)}, {P(5)}, {P(6)}) ON CONFLICT DO NOTHING
            """, [importId, 0, null, "", null, false]);
        await using var insertError = InsertError(connection, transaction);
        foreach (var row in rows)
        {
            Set(insertRow, importId, row.Row, row.DatasetId, Names.Of(row.Action), RecordText(row), row.Errors.Count == 0);
            if (await insertRow.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                continue;
            }

            foreach (var error in row.Errors)
            {
                Set(insertError, importId, error.Row, error.DatasetId, error.Path, error.Message);
                await insertError.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override async Task RecordPageAsync(ImportPageRecord page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var importId = page.Import.ImportId;
        await using var outcome = Command(connection, transaction,
            $"UPDATE census_import_row SET outcome = {P(3)} WHERE import_id = {P(1)} AND row_number = {P(2)}", [importId, 0, ""]);
        foreach (var (row, result) in page.Outcomes)
        {
            Set(outcome, importId, row, Names.Of(result));
            await outcome.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insertError = InsertError(connection, transaction);
        foreach (var error in page.Errors)
        {
            Set(insertError, importId, error.Row, error.DatasetId, error.Path, error.Message);
            await insertError.ExecuteNonQueryAsync(cancellationToken);
        }

        await ExecuteAsync(connection, transaction, SaveImportSql, SaveImportValues(page.RoundId, page.InstitutionId, page.Import), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await store.OpenAsync(cancellationToken);

    protected override string P(int ordinal) => "$p" + ordinal.ToString(CultureInfo.InvariantCulture);

    // SQLite has no timestamp type: times are ISO 8601 UTC text, which sorts as time does.
    protected override void Bind(DbCommand command, int ordinal, object? value) =>
        ((SqliteCommand)command).Parameters.AddWithValue(P(ordinal), value switch
        {
            null => DBNull.Value,
            DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            _ => value,
        });

    private DbCommand InsertError(DbConnection connection, DbTransaction transaction) => Command(connection, transaction, $"""
        INSERT INTO census_import_error (import_id, row_number, dataset_id, path, message) VALUES ({P(1)}, {P(2)}, {P(3)}, {P(4)}, {P(5)})
        """, [null, 0, null, "", ""]);

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
