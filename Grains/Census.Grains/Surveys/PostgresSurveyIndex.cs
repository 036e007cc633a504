using System.Data.Common;
using Npgsql;

namespace Census.Grains.Surveys;

/// <summary>
/// The survey index on PostgreSQL (tables from deploy/sql V002–V005); commands borrow pooled
/// connections. Dataset writes go through a group commit (<see cref="PostgresCommitBatcher"/>): the writes
/// waiting at one moment are one call of census_commit_datasets (V005), one round trip, one transaction,
/// holding their rounds' advisory locks shared. An upsert of a row alone (repairs) holds the
/// round's gate row FOR SHARE and its own row FOR UPDATE. A close waits for both kinds.
/// </summary>
public sealed class PostgresSurveyIndex(NpgsqlDataSource dataSource) : SqlSurveyIndex(i => "$" + i, " FOR SHARE", " FOR UPDATE"), IAsyncDisposable
{
    private readonly PostgresCommitBatcher _commits = new(dataSource);

    public override Task<DatasetCommitResult> CommitDatasetAsync(DatasetCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return _commits.CommitAsync(commit);
    }

    public ValueTask DisposeAsync() => _commits.DisposeAsync();

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
