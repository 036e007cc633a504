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
    private readonly string _listDatasets;
    private readonly string _readShard;
    private readonly string _readRow;
    private readonly string _readGroup;
    private readonly string _reportCells;
    private readonly string _revision;

    /// <param name="parameter">How the engine names the i-th (1-based) parameter in SQL.</param>
    protected SqlSurveyIndex(Func<int, string> parameter)
    {
        _upsert = SurveyIndexSql.Upsert(parameter);
        _count = SurveyIndexSql.Count(parameter);
        _countForInstitution = SurveyIndexSql.CountForInstitution(parameter);
        _listDatasets = SurveyIndexSql.ListDatasets(parameter);
        _readShard = SurveyIndexSql.ReadShard(parameter);
        _readRow = SurveyIndexSql.ReadRow(parameter);
        _readGroup = SurveyIndexSql.ReadGroup(parameter);
        _reportCells = SurveyIndexSql.ReportCells(parameter);
        _revision = SurveyIndexSql.Revision(parameter);
    }

    /// <summary>A command with its parameters bound in order, and whatever must be disposed with it.</summary>
    protected abstract Task<CommandLease> OpenAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken);

    /// <summary>Reads the <c>updated_at</c> column as the engine stores it.</summary>
    protected abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    public async Task UpsertAsync(SurveyIndexRow row, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_upsert, [.. SurveyIndexSql.Values(row)], cancellationToken);
        await lease.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<long> CountAsync(string roundId, CancellationToken cancellationToken = default) =>
        ScalarAsync(_count, [roundId], cancellationToken);

    public Task<long> CountAsync(string roundId, string institutionId, CancellationToken cancellationToken = default) =>
        ScalarAsync(_countForInstitution, [roundId, institutionId], cancellationToken);

    public async Task<IReadOnlyList<string>> ListDatasetsAsync(string roundId, string institutionId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_listDatasets, [roundId, institutionId, (long)pageSize, (long)(page - 1) * pageSize], cancellationToken);
        var ids = new List<string>();
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async IAsyncEnumerable<ShardRow> ReadShardAsync(
        string roundId, int shard, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var lease = await OpenAsync(_readShard, [roundId, (short)shard], cancellationToken);
        await using var reader = await lease.Command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SurveyIndexSql.ReadShardRow(reader) with { Revision = reader.GetInt32(25) };
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
        return row with { FailedGates = reader.GetInt16(25), UpdatedAt = ReadTimestamp(reader, 26) };
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
                FailedGates = reader.GetInt16(25),
                UpdatedAt = ReadTimestamp(reader, 26),
                Withdrawn = reader.GetBoolean(27),
                Revision = reader.GetInt32(28),
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

    /// <summary>
    /// Placeholder in the rounds branch so it builds: the round gate's statements (a gate row per round) come
    /// with the write path's branch, which replaces this body at merge.
    /// </summary>
    public Task CloseRoundAsync(string roundId, CancellationToken cancellationToken = default) => Task.CompletedTask;

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
