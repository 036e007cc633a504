using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Census.Grains.Surveys;

/// <summary>
/// The survey index on PostgreSQL (tables from deploy/sql V002–V005); commands borrow pooled
/// connections. A dataset write is one call of census_commit_dataset (V005): one statement, one round trip,
/// one transaction, holding its round's advisory lock shared. An upsert of a row alone (repairs) holds the
/// round's gate row FOR SHARE and its own row FOR UPDATE. A close waits for both kinds.
/// </summary>
public sealed class PostgresSurveyIndex(NpgsqlDataSource dataSource) : SqlSurveyIndex(i => "$" + i, " FOR SHARE", " FOR UPDATE")
{
    private const string Commit = "SELECT outcome, version, payload FROM census_commit_dataset(" +
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";

    public override async Task<DatasetCommitResult> CommitDatasetAsync(DatasetCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var row = commit.Row;
        var levels = new short[20];
        for (var i = 0; i < 10; i++)
        {
            levels[i] = (short)row.LevelsNow[i];
            levels[10 + i] = (short)row.LevelsPost[i];
        }

        var hasDocument = row.Record is not null && row.Levels is not null;
        await using var command = dataSource.CreateCommand(Commit);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = commit.GrainKey });
        p.Add(new NpgsqlParameter<int> { TypedValue = commit.ExpectedVersion });
        p.Add(new NpgsqlParameter<byte[]> { TypedValue = commit.Payload, NpgsqlDbType = NpgsqlDbType.Bytea });
        p.Add(new NpgsqlParameter<string> { TypedValue = row.RoundId });
        p.Add(new NpgsqlParameter<string> { TypedValue = row.InstitutionId });
        p.Add(new NpgsqlParameter<string> { TypedValue = row.DatasetId });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)row.Shard });
        p.Add(new NpgsqlParameter<int> { TypedValue = row.Revision });
        p.Add(new NpgsqlParameter<bool> { TypedValue = row.Withdrawn });
        p.Add(new NpgsqlParameter<string> { TypedValue = row.Sector });
        p.Add(new NpgsqlParameter<string> { TypedValue = row.Modality });
        p.Add(new NpgsqlParameter<string> { TypedValue = row.AvailabilityNow });
        p.Add(new NpgsqlParameter<bool> { TypedValue = row.Eligible });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)row.FailedGates });
        p.Add(new NpgsqlParameter<short[]> { TypedValue = levels });
        p.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = row.UpdatedAt });
        p.Add(new NpgsqlParameter<string> { TypedValue = row.UpdatedBy });
        p.Add(new NpgsqlParameter { Value = hasDocument ? SurveyDocumentJson.Write(row.Record) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = hasDocument ? SurveyDocumentJson.Write(row.Levels) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("census_commit_dataset returned no row.");
        }

        var outcome = reader.GetInt16(0);
        var version = reader.GetInt32(1);
        return outcome switch
        {
            0 => DatasetCommitResult.Committed(version),
            1 => DatasetCommitResult.Conflict(reader.IsDBNull(2) ? null : new StoredDatasetState(version, reader.GetFieldValue<byte[]>(2))),
            2 => DatasetCommitResult.Closed,
            _ => throw new InvalidOperationException($"census_commit_dataset returned outcome {outcome}."),
        };
    }

    public override async Task CloseRoundAsync(string roundId, CancellationToken cancellationToken = default)
    {
        // The advisory lock exclusive waits for writes in flight and holds later ones until this commits; the
        // gate row's update waits for repairs holding it FOR SHARE.
        await using var command = dataSource.CreateCommand(
            "WITH locked AS (SELECT pg_advisory_xact_lock(census_round_lock_key($1))) " +
            "INSERT INTO census_survey_gate (round_id, closed) SELECT $1, true FROM locked " +
            "ON CONFLICT (round_id) DO UPDATE SET closed = true");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = roundId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<bool> HasLegacyDatasetStatesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM orleans_storage WHERE grain_type_string = 'dataset' AND payload_binary IS NOT NULL)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override void Bind(DbCommand command, int ordinal, object value) =>
        command.Parameters.Add(new NpgsqlParameter { Value = value });

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);
}
