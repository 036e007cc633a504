using System.Data.Common;
using System.Globalization;
using Census.Contracts.Imports;
using Census.Domain.Validation;
using Npgsql;
using NpgsqlTypes;

namespace Census.Grains.Imports;

/// <summary>
/// The import store on PostgreSQL (deploy/sql/V006). A batch travels as arrays, one element per row, unnested by
/// one statement; a page's outcomes, errors and listing are one <see cref="NpgsqlBatch"/>: one round trip, one
/// (implicit) transaction.
/// </summary>
public sealed class PostgresImportStore(NpgsqlDataSource dataSource) : SqlImportStore
{
    private const string InsertErrors = """
        INSERT INTO census_import_error (import_id, row_number, dataset_id, path, message)
        SELECT $1, e.row_number, e.dataset_id, e.path, e.message
        FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[]) AS e(row_number, dataset_id, path, message)
        """;

    public override async Task AddRowsAsync(string importId, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = rows.SelectMany(r => r.Errors).ToList();

        // The errors of rows this batch did not insert (a retried batch) are not stored twice.
        await using var command = dataSource.CreateCommand("""
            WITH inserted AS (
                INSERT INTO census_import_row (import_id, row_number, dataset_id, action, record, valid)
                SELECT $1, r.row_number, r.dataset_id, r.action, r.record, r.valid
                FROM unnest($6::integer[], $7::text[], $8::text[], $9::text[], $10::boolean[]) AS r(row_number, dataset_id, action, record, valid)
                ON CONFLICT DO NOTHING
                RETURNING row_number)
            INSERT INTO census_import_error (import_id, row_number, dataset_id, path, message)
            SELECT $1, e.row_number, e.dataset_id, e.path, e.message
            FROM unnest($2::integer[], $3::text[], $4::text[], $5::text[]) AS e(row_number, dataset_id, path, message)
            WHERE e.row_number IN (SELECT row_number FROM inserted)
            """);
        AddErrorParameters(command.Parameters, importId, errors);
        command.Parameters.Add(Array(rows.Select(r => r.Row)));
        command.Parameters.Add(Array(rows.Select(r => r.DatasetId)));
        command.Parameters.Add(Array(rows.Select(r => Names.Of(r.Action))));
        command.Parameters.Add(Array(rows.Select(RecordText)));
        command.Parameters.Add(Array(rows.Select(r => r.Errors.Count == 0)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task RecordPageAsync(ImportPageRecord page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var importId = page.Import.ImportId;
        await using var batch = dataSource.CreateBatch();
        var outcomes = new NpgsqlBatchCommand("""
            UPDATE census_import_row r SET outcome = o.outcome
            FROM unnest($2::integer[], $3::text[]) AS o(row_number, outcome)
            WHERE r.import_id = $1 AND r.row_number = o.row_number
            """);
        outcomes.Parameters.Add(new NpgsqlParameter<string> { TypedValue = importId });
        outcomes.Parameters.Add(Array(page.Outcomes.Select(o => o.Row)));
        outcomes.Parameters.Add(Array(page.Outcomes.Select(o => Names.Of(o.Outcome))));
        batch.BatchCommands.Add(outcomes);
        if (page.Errors.Count > 0)
        {
            var errors = new NpgsqlBatchCommand(InsertErrors);
            AddErrorParameters(errors.Parameters, importId, page.Errors);
            batch.BatchCommands.Add(errors);
        }

        var listing = new NpgsqlBatchCommand(SaveImportSql);
        foreach (var value in SaveImportValues(page.RoundId, page.InstitutionId, page.Import))
        {
            listing.Parameters.Add(Parameter(value));
        }

        batch.BatchCommands.Add(listing);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override string P(int ordinal) => "$" + ordinal.ToString(CultureInfo.InvariantCulture);

    protected override void Bind(DbCommand command, int ordinal, object? value) =>
        command.Parameters.Add(Parameter(value));

    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value },
        DateTimeOffset time => new NpgsqlParameter<DateTimeOffset> { TypedValue = time.ToUniversalTime() },
        _ => new NpgsqlParameter { Value = value },
    };

    private static void AddErrorParameters(NpgsqlParameterCollection parameters, string importId, IReadOnlyList<ImportError> errors)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = importId });
        parameters.Add(Array(errors.Select(e => e.Row)));
        parameters.Add(Array(errors.Select(e => e.DatasetId)));
        parameters.Add(Array(errors.Select(e => e.Path)));
        parameters.Add(Array(errors.Select(e => e.Message)));
    }

    private static NpgsqlParameter<T[]> Array<T>(IEnumerable<T> values) => new NpgsqlParameter<T[]> { TypedValue = values.ToArray() };
}
