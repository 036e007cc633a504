using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Census.Grains.Surveys;

/// <summary>
/// Group commit for dataset writes on PostgreSQL. The writes waiting at one moment go to the database
/// together, in one call of census_commit_datasets (V005): one round trip and one transaction for all of
/// them, each with its own outcome. Nothing waits to fill a batch: a lone write goes at once; under load,
/// the writes that arrive while earlier batches are in flight form the next one. A batch is all or
/// nothing only when the call fails as a whole (then every write in it fails, none stored, each caller
/// retries); a version conflict or a closed round refuses one write and stores the others.
/// </summary>
internal sealed class PostgresCommitBatcher : IAsyncDisposable
{
    /// <summary>Batches in flight at once; more concurrent writers than this wait and join the next batches.</summary>
    public const int Lanes = 4;

    /// <summary>The most writes one call carries.</summary>
    public const int MaxBatch = 64;

    private const string Commit = "SELECT ordinal, outcome, version, payload FROM census_commit_datasets(" +
        "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] _lanes;

    public PostgresCommitBatcher(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Task.Run(RunLaneAsync))];
    }

    public Task<DatasetCommitResult> CommitAsync(DatasetCommit commit)
    {
        var pending = new Pending(commit);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_lanes);
    }

    private async Task RunLaneAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await CommitBatchAsync(batch);
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Result.TrySetException(e);
                }
            }

            batch.Clear();
        }
    }

    private async Task CommitBatchAsync(List<Pending> batch)
    {
        // One order for every batch (see V005): by grain key, so two batches take row locks in the same order.
        batch.Sort(static (a, b) => string.CompareOrdinal(a.Commit.GrainKey, b.Commit.GrainKey));
        var n = batch.Count;
        var keys = new string[n];
        var expected = new int[n];
        var payloads = new byte[n][];
        var rounds = new string[n];
        var institutions = new string[n];
        var datasets = new string[n];
        var shards = new short[n];
        var revisions = new int[n];
        var withdrawn = new bool[n];
        var sectors = new string[n];
        var modalities = new string[n];
        var availability = new string[n];
        var eligible = new bool[n];
        var failedGates = new short[n];
        var levels = new short[n * 20];
        var updatedAt = new DateTimeOffset[n];
        var updatedBy = new string[n];
        var records = new string?[n];
        var levelDocuments = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var commit = batch[i].Commit;
            var row = commit.Row;
            keys[i] = commit.GrainKey;
            expected[i] = commit.ExpectedVersion;
            payloads[i] = commit.Payload;
            rounds[i] = row.RoundId;
            institutions[i] = row.InstitutionId;
            datasets[i] = row.DatasetId;
            shards[i] = (short)row.Shard;
            revisions[i] = row.Revision;
            withdrawn[i] = row.Withdrawn;
            sectors[i] = row.Sector;
            modalities[i] = row.Modality;
            availability[i] = row.AvailabilityNow;
            eligible[i] = row.Eligible;
            failedGates[i] = (short)row.FailedGates;
            for (var l = 0; l < 10; l++)
            {
                levels[(i * 20) + l] = (short)row.LevelsNow[l];
                levels[(i * 20) + 10 + l] = (short)row.LevelsPost[l];
            }

            updatedAt[i] = row.UpdatedAt;
            updatedBy[i] = row.UpdatedBy;
            if (row.Record is not null && row.Levels is not null)
            {
                records[i] = SurveyDocumentJson.Write(row.Record);
                levelDocuments[i] = SurveyDocumentJson.Write(row.Levels);
            }
        }

        await using var command = _dataSource.CreateCommand(Commit);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = expected });
        p.Add(new NpgsqlParameter<byte[][]> { TypedValue = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = rounds });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = institutions });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = datasets });
        p.Add(new NpgsqlParameter<short[]> { TypedValue = shards });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = revisions });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = withdrawn });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = sectors });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = modalities });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = availability });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = eligible });
        p.Add(new NpgsqlParameter<short[]> { TypedValue = failedGates });
        p.Add(new NpgsqlParameter<short[]> { TypedValue = levels });
        p.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = updatedAt });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = updatedBy });
        p.Add(new NpgsqlParameter<string?[]> { TypedValue = records, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<string?[]> { TypedValue = levelDocuments, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

        var results = new DatasetCommitResult?[n];
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var i = reader.GetInt32(0) - 1;
                var version = reader.GetInt32(2);
                results[i] = reader.GetInt16(1) switch
                {
                    0 => DatasetCommitResult.Committed(version),
                    1 => DatasetCommitResult.Conflict(reader.IsDBNull(3) ? null : new StoredDatasetState(version, reader.GetFieldValue<byte[]>(3))),
                    2 => DatasetCommitResult.Closed,
                    var other => throw new InvalidOperationException($"census_commit_datasets returned outcome {other}."),
                };
            }
        }

        // Answered only after the transaction committed (the reader is done): a write is acknowledged durable.
        for (var i = 0; i < n; i++)
        {
            if (results[i] is { } result)
            {
                batch[i].Result.TrySetResult(result);
            }
            else
            {
                batch[i].Result.TrySetException(new InvalidOperationException($"census_commit_datasets returned no outcome for write {i + 1} of {n}."));
            }
        }
    }

    private sealed class Pending(DatasetCommit commit)
    {
        public DatasetCommit Commit { get; } = commit;

        public TaskCompletionSource<DatasetCommitResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
