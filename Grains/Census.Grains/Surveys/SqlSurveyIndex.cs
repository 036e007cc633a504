using System.Data;
using System.Data.Common;
using System.Globalization;
using Census.Domain.Reports;

namespace Census.Grains.Surveys;

/// <summary>
/// The survey index over any ADO.NET engine: the statements (<see cref="SurveyIndexSql"/>) and the
/// reading of their results live here once; an engine supplies only how a command is opened with its
/// parameters and how it reads a timestamp back.
/// </summary>
public abstract class SqlSurveyIndex : ISurveyIndex
{
    private readonly string _upsert;
    private readonly string _count;
    private readonly string _countForInstitution;
    private readonly string _readShard;
    private readonly string _loadShard;
    private readonly string _readRow;
    private readonly string _readGroup;
    private readonly string _reportCells;
    private readonly string _revision;
    private readonly string _moveCount;
    private readonly string _rowWithdrawn;
    private readonly string _readGate;
    private readonly string _openGate;
    private readonly string _closeGate;
    private readonly string _upsertDocument;
    private readonly string _listDocuments;
    private readonly string _recordIntent;
    private readonly string _clearIntent;
    private readonly string _pendingIntents;
    private readonly string _insertState;
    private readonly string _updateState;
    private readonly string _readState;

    /// <param name="parameter">How the engine names the i-th (1-based) parameter in SQL.</param>
    /// <param name="shareLock">What follows a SELECT to lock its row shared for the transaction ("" where the transaction already excludes writers).</param>
    /// <param name="updateLock">What follows a SELECT to lock its row for update (likewise).</param>
    protected SqlSurveyIndex(Func<int, string> parameter, string shareLock, string updateLock)
    {
        _moveCount = SurveyIndexSql.MoveCount(parameter);
        _rowWithdrawn = SurveyIndexSql.RowWithdrawn(parameter, updateLock);
        _readGate = SurveyIndexSql.ReadGate(parameter, shareLock);
        _openGate = SurveyIndexSql.OpenGate(parameter);
        _closeGate = SurveyIndexSql.CloseGate(parameter);
        _upsertDocument = SurveyIndexSql.UpsertDocument(parameter);
        _listDocuments = SurveyIndexSql.ListDocuments(parameter);
        _recordIntent = SurveyIndexSql.RecordIntent(parameter);
        _clearIntent = SurveyIndexSql.ClearIntent(parameter);
        _pendingIntents = SurveyIndexSql.PendingIntents(parameter);
        _insertState = SurveyIndexSql.InsertState(parameter);
        _updateState = SurveyIndexSql.UpdateState(parameter);
        _readState = SurveyIndexSql.ReadState(parameter);
        _upsert = SurveyIndexSql.Upsert(parameter);
        _count = SurveyIndexSql.Count(parameter);
        _countForInstitution = SurveyIndexSql.CountForInstitution(parameter);
        _readShard = SurveyIndexSql.ReadShard(parameter);
        _loadShard = SurveyIndexSql.LoadShard(parameter);
        _readRow = SurveyIndexSql.ReadRow(parameter);
        _readGroup = SurveyIndexSql.ReadGroup(parameter);
        _reportCells = SurveyIndexSql.ReportCells(parameter);
        _revision = SurveyIndexSql.Revision(parameter);
    }

    /// <summary>An open connection to the engine's database.</summary>
    protected abstract Task<DbConnection> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Binds the <paramref name="ordinal"/>-th (1-based) parameter as the engine stores such a value.</summary>
    protected abstract void Bind(DbCommand command, int ordinal, object value);

    /// <summary>Reads the <c>updated_at</c> column as the engine stores it.</summary>
    protected abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>A command with its parameters bound in order, and the connection it owns.</summary>
    protected async Task<CommandLease> OpenAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        return new CommandLease(Command(connection, null, sql, values), connection);
    }

    public async Task<bool> UpsertAsync(SurveyIndexRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        object?[] key = [row.RoundId, row.InstitutionId, row.DatasetId];
        if (await GateClosedAsync(connection, transaction, row.RoundId, cancellationToken))
        {
            // Refused — but a repair of the revision the row already has (a row indexed before documents
            // existed, or whose document write was lost) may still fill in its document: that changes what
            // lists show of the closed round to what it already ranks, nothing more.
            if (row.Record is not null && row.Levels is not null &&
                await ScalarAsync(connection, transaction, _revision, key, cancellationToken) is { } indexed &&
                Convert.ToInt32(indexed, CultureInfo.InvariantCulture) == row.Revision)
            {
                await ExecuteAsync(connection, transaction, _upsertDocument,
                    [.. key, row.Revision, row.UpdatedBy, SurveyDocumentJson.Write(row.Record), SurveyDocumentJson.Write(row.Levels)], cancellationToken);
                await ExecuteAsync(connection, transaction, _clearIntent, [.. key, row.Revision], cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return false;
            }

            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await UpsertRowAsync(connection, transaction, row, cancellationToken);
        await ExecuteAsync(connection, transaction, _clearIntent, [.. key, row.Revision], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// State and row in one transaction, statement by statement: right for an engine in this process
    /// (SQLite, whose IMMEDIATE transaction excludes every other writer); PostgreSQL overrides it with one
    /// call of a function, one round trip.
    /// </summary>
    public virtual async Task<DatasetCommitResult> CommitDatasetAsync(DatasetCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await GateClosedAsync(connection, transaction, commit.Row.RoundId, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return DatasetCommitResult.Closed;
        }

        var now = commit.Row.UpdatedAt;
        var stored = commit.ExpectedVersion == 0
            ? await ExecuteAsync(connection, transaction, _insertState, [commit.GrainKey, commit.Payload, now], cancellationToken)
            : await ExecuteAsync(connection, transaction, _updateState, [commit.GrainKey, commit.Payload, now, commit.ExpectedVersion], cancellationToken);
        if (stored == 0)
        {
            var current = await ReadStateAsync(connection, transaction, commit.GrainKey, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return DatasetCommitResult.Conflict(current);
        }

        await UpsertRowAsync(connection, transaction, commit.Row, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DatasetCommitResult.Committed(commit.ExpectedVersion + 1);
    }

    public async Task<StoredDatasetState?> ReadDatasetStateAsync(string grainKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        return await ReadStateAsync(connection, null, grainKey, cancellationToken);
    }

    public abstract Task<bool> HasLegacyDatasetStatesAsync(CancellationToken cancellationToken = default);

    private async Task<StoredDatasetState?> ReadStateAsync(DbConnection connection, DbTransaction? transaction, string grainKey, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, _readState, [grainKey]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredDatasetState(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), (byte[])reader.GetValue(1))
            : null;
    }

    /// <summary>
    /// Whether the round's gate is closed. The gate row is created open by the round's first write; held
    /// shared until commit, so a close waits for this transaction, and a write after the close sees it closed.
    /// </summary>
    private async Task<bool> GateClosedAsync(DbConnection connection, DbTransaction transaction, string roundId, CancellationToken cancellationToken)
    {
        var closed = await ScalarAsync(connection, transaction, _readGate, [roundId], cancellationToken);
        if (closed is null)
        {
            await ExecuteAsync(connection, transaction, _openGate, [roundId, false], cancellationToken);
            closed = await ScalarAsync(connection, transaction, _readGate, [roundId], cancellationToken);
        }

        return Convert.ToBoolean(closed, CultureInfo.InvariantCulture);
    }

    /// <summary>The row (forward by revision only), its counter and its document, inside the caller's transaction.</summary>
    private async Task UpsertRowAsync(DbConnection connection, DbTransaction transaction, SurveyIndexRow row, CancellationToken cancellationToken)
    {
        object?[] key = [row.RoundId, row.InstitutionId, row.DatasetId];
        var before = await ScalarAsync(connection, transaction, _rowWithdrawn, [.. key, (short)row.Shard], cancellationToken);
        var applied = await ExecuteAsync(connection, transaction, _upsert, [.. SurveyIndexSql.Values(row)], cancellationToken) > 0;
        var wasLive = before is not null && !Convert.ToBoolean(before, CultureInfo.InvariantCulture);
        var delta = (row.Withdrawn ? 0 : 1) - (wasLive ? 1 : 0);
        if (applied && delta != 0)
        {
            await ExecuteAsync(connection, transaction, _moveCount, [row.RoundId, row.InstitutionId, (long)delta], cancellationToken);
        }

        if (row.Record is not null && row.Levels is not null)
        {
            await ExecuteAsync(connection, transaction, _upsertDocument,
                [.. key, row.Revision, row.UpdatedBy, SurveyDocumentJson.Write(row.Record), SurveyDocumentJson.Write(row.Levels)], cancellationToken);
        }
    }

    public virtual async Task CloseRoundAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_closeGate, [roundId, true], cancellationToken);
        await lease.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SurveyDocument>> ListDocumentsAsync(string roundId, string institutionId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_listDocuments, [roundId, institutionId, (long)pageSize, (long)(page - 1) * pageSize], cancellationToken);
        var documents = new List<SurveyDocument>();
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(new SurveyDocument(
                reader.GetString(0),
                Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                ReadTimestamp(reader, 2),
                reader.GetString(3),
                SurveyDocumentJson.Read<Census.Contracts.Surveys.SurveyRecord>(reader.GetString(4)),
                SurveyDocumentJson.Read<Census.Contracts.Surveys.RubricLevels>(reader.GetString(5))));
        }

        return documents;
    }

    public async Task RecordIntentAsync(string roundId, string institutionId, string datasetId, int revision, DateTimeOffset recordedAt, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_recordIntent, [roundId, institutionId, datasetId, revision, recordedAt], cancellationToken);
        await lease.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ClearIntentAsync(string roundId, string institutionId, string datasetId, int revision, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_clearIntent, [roundId, institutionId, datasetId, revision], cancellationToken);
        await lease.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SurveyIntent>> PendingIntentsAsync(DateTimeOffset recordedBefore, int limit, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_pendingIntents, [recordedBefore, (long)limit], cancellationToken);
        var intents = new List<SurveyIntent>();
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            intents.Add(new SurveyIntent(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return intents;
    }

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<object?> values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 0; i < values.Count; i++)
        {
            Bind(command, i + 1, values[i]!);
        }

        return command;
    }

    private async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, values);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public Task<long> CountAsync(string roundId, CancellationToken cancellationToken = default) =>
        ScalarAsync(_count, [roundId], cancellationToken);

    public Task<long> CountAsync(string roundId, string institutionId, CancellationToken cancellationToken = default) =>
        ScalarAsync(_countForInstitution, [roundId, institutionId], cancellationToken);

    public async IAsyncEnumerable<ShardRow> ReadShardAsync(
        string roundId, int shard, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_readShard, [roundId, (short)shard], cancellationToken);
        await using var reader = await lease.Command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SurveyIndexSql.ReadShardRow(reader) with { Revision = reader.GetInt32(SurveyIndexSql.FirstExtraColumn) };
        }
    }

    /// <summary>
    /// The shard through a data reader, with the levels packed into one column and each text encoded into one reused
    /// buffer. Not a binary COPY: Npgsql's exporter spent more CPU skipping a million rows' 26 fields (~2.1 s) than its
    /// data reader spent decoding them all (~1.4 s), and COPY takes no parameters.
    /// </summary>
    public async Task LoadShardAsync(string roundId, int shard, IShardRowSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await using var lease = await OpenAsync(_loadShard, [roundId, (short)shard], cancellationToken);
        await using var reader = await lease.Command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        var text = new byte[1024];
        var chars = new char[256];
        var utf8 = System.Text.Encoding.UTF8.GetEncoder();
        var levels = new byte[20];
        while (await reader.ReadAsync(cancellationToken))
        {
            // Columns in order (sequential access); text is copied out as chars and kept as UTF-8, not as strings.
            var institution = Encode(reader, 0, chars, utf8, ref text, 0);
            var dataset = Encode(reader, 1, chars, utf8, ref text, institution.End.Value);
            var sector = Encode(reader, 2, chars, utf8, ref text, dataset.End.Value);
            var modality = Encode(reader, 3, chars, utf8, ref text, sector.End.Value);
            var eligible = reader.GetBoolean(4);
            var revision = reader.GetInt32(5);
            SurveyIndexSql.UnpackLevels(reader.GetInt64(6), levels);
            sink.Add(text.AsSpan(institution), text.AsSpan(dataset), text.AsSpan(sector), text.AsSpan(modality), eligible, revision, levels);
        }
    }

    /// <summary>Appends a text column's UTF-8 to <paramref name="buffer"/> at <paramref name="start"/>, a chunk of chars at a time.</summary>
    private static Range Encode(DbDataReader reader, int ordinal, char[] chars, System.Text.Encoder utf8, ref byte[] buffer, int start)
    {
        var end = start;
        long read = 0;
        while (true)
        {
            var count = (int)reader.GetChars(ordinal, read, chars, 0, chars.Length);
            if (end + (3 * count) + 4 > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, end + (3 * count) + 4));
            }

            // A chunk may end inside a surrogate pair: the encoder keeps the high half for the next chunk.
            end += utf8.GetBytes(chars.AsSpan(0, count), buffer.AsSpan(end), flush: count < chars.Length);
            read += count;
            if (count < chars.Length)
            {
                return start..end;
            }
        }
    }

    public async Task<ShardRow?> ReadRowAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_readRow, [roundId, institutionId, datasetId], cancellationToken);
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var row = SurveyIndexSql.ReadShardRow(reader);
        return row with { FailedGates = reader.GetInt16(SurveyIndexSql.FirstExtraColumn), UpdatedAt = ReadTimestamp(reader, SurveyIndexSql.FirstExtraColumn + 1) };
    }

    public async Task<IReadOnlyList<ShardRow>> ReadGroupAsync(string roundId, string institutionId, string sector, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_readGroup, [roundId, institutionId, sector], cancellationToken);
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ShardRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(SurveyIndexSql.ReadShardRow(reader) with
            {
                FailedGates = reader.GetInt16(SurveyIndexSql.FirstExtraColumn),
                UpdatedAt = ReadTimestamp(reader, SurveyIndexSql.FirstExtraColumn + 1),
                Withdrawn = reader.GetBoolean(SurveyIndexSql.FirstExtraColumn + 2),
                Revision = reader.GetInt32(SurveyIndexSql.FirstExtraColumn + 3),
            });
        }

        return rows;
    }

    public async Task<IReadOnlyList<ReportCell>> ReportCellsAsync(string roundId, IReadOnlyList<int> weights, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_reportCells, [roundId, .. weights.Cast<object>()], cancellationToken);
        var cells = new List<ReportCell>();
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cells.Add(SurveyIndexSql.ReadReportCell(reader));
        }

        return cells;
    }

    public async Task<int?> RevisionAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_revision, [roundId, institutionId, datasetId], cancellationToken);
        var value = await lease.Command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private async Task<long> ScalarAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        await using var lease = await OpenAsync(sql, values, cancellationToken);
        return Convert.ToInt64(await lease.Command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>A command and the connection it owns, if any; disposing it releases both.</summary>
    protected sealed class CommandLease(DbCommand command, DbConnection? connection) : IAsyncDisposable
    {
        public DbCommand Command { get; } = command;

        public async ValueTask DisposeAsync()
        {
            await Command.DisposeAsync();
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
