using System.Globalization;
using Census.Grains.Storage;

namespace Census.Grains.Surveys;

/// <summary>The survey index in the local-mode SQLite file (table created by <see cref="LocalStore"/>).</summary>
public sealed class SqliteSurveyIndex(LocalStore store) : ISurveyIndex
{
    private static readonly string UpsertSql = SurveyIndexSql.Upsert(i => "$p" + i);
    private static readonly string CountSql = SurveyIndexSql.Count(i => "$p" + i);
    private static readonly string CountForInstitutionSql = SurveyIndexSql.CountForInstitution(i => "$p" + i);
    private static readonly string ListDatasetsSql = SurveyIndexSql.ListDatasets(i => "$p" + i);
    private static readonly string ReadShardSql = SurveyIndexSql.ReadShard(i => "$p" + i);
    private static readonly string ReadRowSql = SurveyIndexSql.ReadRow(i => "$p" + i);
    private static readonly string ReportCellsSql = SurveyIndexSql.ReportCells(i => "$p" + i);
    private static readonly string RevisionSql = SurveyIndexSql.Revision(i => "$p" + i);

    public async Task UpsertAsync(SurveyIndexRow row, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = UpsertSql;
        var i = 1;
        foreach (var value in SurveyIndexSql.Values(row))
        {
            command.Parameters.AddWithValue("$p" + i++, value is DateTimeOffset time ? time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CountSql;
        command.Parameters.AddWithValue("$p1", roundId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<long> CountAsync(string roundId, string institutionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CountForInstitutionSql;
        command.Parameters.AddWithValue("$p1", roundId);
        command.Parameters.AddWithValue("$p2", institutionId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<string>> ListDatasetsAsync(string roundId, string institutionId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ListDatasetsSql;
        command.Parameters.AddWithValue("$p1", roundId);
        command.Parameters.AddWithValue("$p2", institutionId);
        command.Parameters.AddWithValue("$p3", (long)pageSize);
        command.Parameters.AddWithValue("$p4", (long)(page - 1) * pageSize);
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
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadShardSql;
        command.Parameters.AddWithValue("$p1", roundId);
        command.Parameters.AddWithValue("$p2", shard);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SurveyIndexSql.ReadShardRow(reader);
        }
    }

    public async Task<ShardRow?> ReadRowAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadRowSql;
        command.Parameters.AddWithValue("$p1", roundId);
        command.Parameters.AddWithValue("$p2", institutionId);
        command.Parameters.AddWithValue("$p3", datasetId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var row = SurveyIndexSql.ReadShardRow(reader);
        return row with
        {
            FailedGates = reader.GetInt16(25),
            UpdatedAt = DateTimeOffset.Parse(reader.GetString(26), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        };
    }

    public async Task<IReadOnlyList<Census.Domain.Reports.ReportCell>> ReportCellsAsync(string roundId, IReadOnlyList<int> weights, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReportCellsSql;
        command.Parameters.AddWithValue("$p1", roundId);
        for (var i = 0; i < weights.Count; i++)
        {
            command.Parameters.AddWithValue("$p" + (i + 2), weights[i]);
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
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = RevisionSql;
        command.Parameters.AddWithValue("$p1", roundId);
        command.Parameters.AddWithValue("$p2", institutionId);
        command.Parameters.AddWithValue("$p3", datasetId);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }
}
