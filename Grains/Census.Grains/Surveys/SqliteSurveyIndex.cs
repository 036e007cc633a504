using System.Data.Common;
using System.Globalization;
using Census.Grains.Storage;

namespace Census.Grains.Surveys;

/// <summary>The survey index in the local-mode SQLite file (table created by <see cref="LocalStore"/>).</summary>
public sealed class SqliteSurveyIndex(LocalStore store) : SqlSurveyIndex(i => "$p" + i)
{
    protected override async Task<CommandLease> OpenAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        var connection = await store.OpenAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Count; i++)
        {
            // SQLite has no timestamp type: times are stored as ISO 8601 UTC text.
            command.Parameters.AddWithValue("$p" + (i + 1), values[i] is DateTimeOffset time
                ? time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
                : values[i]);
        }

        return new CommandLease(command, connection);
    }

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
