using System.Data.Common;
using Npgsql;

namespace Census.Grains.Surveys;

/// <summary>The survey index on PostgreSQL (table from deploy/sql/V002); commands borrow pooled connections.</summary>
public sealed class PostgresSurveyIndex(NpgsqlDataSource dataSource) : SqlSurveyIndex(i => "$" + i)
{
    protected override Task<CommandLease> OpenAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return Task.FromResult(new CommandLease(command, connection: null));
    }

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);
}
