using Npgsql;

namespace Census.Grains.Surveys;

/// <summary>The survey index on PostgreSQL (table from deploy/sql/V002).</summary>
public sealed class PostgresSurveyIndex(NpgsqlDataSource dataSource) : ISurveyIndex
{
    private static readonly string UpsertSql = SurveyIndexSql.Upsert(i => "$" + i);
    private static readonly string CountSql = SurveyIndexSql.Count(i => "$" + i);
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

    public async Task<int?> RevisionAsync(string roundId, string institutionId, string datasetId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(RevisionSql);
        command.Parameters.Add(new NpgsqlParameter { Value = roundId });
        command.Parameters.Add(new NpgsqlParameter { Value = institutionId });
        command.Parameters.Add(new NpgsqlParameter { Value = datasetId });
        return await command.ExecuteScalarAsync(cancellationToken) is int revision ? revision : null;
    }
}
