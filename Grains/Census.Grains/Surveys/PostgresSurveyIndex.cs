using Npgsql;

namespace Census.Grains.Surveys;

/// <summary>The survey index on PostgreSQL (table from deploy/sql/V002).</summary>
public sealed class PostgresSurveyIndex(NpgsqlDataSource dataSource) : ISurveyIndex
{
    private static readonly string UpsertSql = SurveyIndexSql.Upsert(i => "$" + i);
    private static readonly string CountSql = SurveyIndexSql.Count(i => "$" + i);
    private static readonly string CountForInstitutionSql = SurveyIndexSql.CountForInstitution(i => "$" + i);
    private static readonly string ListDatasetsSql = SurveyIndexSql.ListDatasets(i => "$" + i);
    private static readonly string ReadShardSql = SurveyIndexSql.ReadShard(i => "$" + i);
    private static readonly string ReadRowSql = SurveyIndexSql.ReadRow(i => "$" + i);
    private static readonly string ReportCellsSql = SurveyIndexSql.ReportCells(i => "$" + i);
    private static readonly string RevisionSql = SurveyIndexSql.Revision(i => "$" + i);

    public async Task UpsertAsync(SurveyIndexRow row, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(UpsertSql);
        foreach (var value in SurveyIndexSql.Values(row))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(CountSql);
        command.Parameters.Add(new NpgsqlParameter { Value = roundId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<long> CountAsync(string roundId, string institutionId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(CountForInstitutionSql);
        command.Parameters.Add(new NpgsqlParameter { Value = roundId });
        command.Parameters.Add(new NpgsqlParameter { Value = institutionId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<string>> ListDatasetsAsync(string roundId, string institutionId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ListDatasetsSql);
        command.Parameters.Add(new NpgsqlParameter { Value = roundId });
        command.Parameters.Add(new NpgsqlParameter { Value = institutionId });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)pageSize });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)(page - 1) * pageSize });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async IAsyncEnumerable<ShardRow> ReadShardAsync(
        string roundId, int shard, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ReadShardSql);
        command.Parameters.Add(new NpgsqlParameter { Value = roundId });
        command.Parameters.Add(new NpgsqlParameter { Value = (short)shard });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SurveyIndexSql.ReadShardRow(reader);
        }
    }

    public async Task<ShardRow?> ReadRowAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ReadRowSql);
        command.Parameters.Add(new NpgsqlParameter { Value = roundId });
        command.Parameters.Add(new NpgsqlParameter { Value = institutionId });
        command.Parameters.Add(new NpgsqlParameter { Value = datasetId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var row = SurveyIndexSql.ReadShardRow(reader);
        return row with { FailedGates = reader.GetInt16(25), UpdatedAt = reader.GetFieldValue<DateTimeOffset>(26) };
    }

    public async Task<IReadOnlyList<Census.Domain.Reports.ReportCell>> ReportCellsAsync(string roundId, IReadOnlyList<int> weights, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(ReportCellsSql);
        command.Parameters.Add(new NpgsqlParameter { Value = roundId });
        foreach (var weight in weights)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = weight });
        }
        var cells = new List<Census.Domain.Reports.ReportCell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cells.Add(SurveyIndexSql.ReadReportCell(reader));
        }

        return cells;
    }

    public async Task<int?> RevisionAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(RevisionSql);
        command.Parameters.Add(new NpgsqlParameter { Value = roundId });
        command.Parameters.Add(new NpgsqlParameter { Value = institutionId });
        command.Parameters.Add(new NpgsqlParameter { Value = datasetId });
        return await command.ExecuteScalarAsync(cancellationToken) is int revision ? revision : null;
    }
}
