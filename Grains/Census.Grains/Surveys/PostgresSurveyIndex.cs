using System.Data.Common;
using Npgsql;

namespace Census.Grains.Surveys;

/// <summary>
/// The survey index on PostgreSQL (tables from deploy/sql V002–V004); commands borrow pooled
/// connections. An upsert holds its round's gate row FOR SHARE and its own row FOR UPDATE.
/// </summary>
public sealed class PostgresSurveyIndex(NpgsqlDataSource dataSource) : SqlSurveyIndex(i => "$" + i, " FOR SHARE", " FOR UPDATE")
{
    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override void Bind(DbCommand command, int ordinal, object value) =>
        command.Parameters.Add(new NpgsqlParameter { Value = value });

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);
}
