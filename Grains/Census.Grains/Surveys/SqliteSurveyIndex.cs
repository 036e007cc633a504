using System.Data.Common;
using System.Globalization;
using Census.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace Census.Grains.Surveys;

/// <summary>
/// The survey index in the local-mode SQLite file (tables created by <see cref="LocalStore"/>). SQLite
/// has no row locks: an upsert's transaction begins IMMEDIATE, which excludes every other writer, the
/// round's close included, until it commits.
/// </summary>
public sealed class SqliteSurveyIndex(LocalStore store) : SqlSurveyIndex(i => "$p" + i, "", "")
{
    public override async Task<bool> HasLegacyDatasetStatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM grain_state WHERE state_name = 'dataset')";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await store.OpenAsync(cancellationToken);

    // SQLite has no timestamp type: times are stored as ISO 8601 UTC text, which sorts as time does.
    protected override void Bind(DbCommand command, int ordinal, object value) =>
        ((SqliteCommand)command).Parameters.AddWithValue("$p" + ordinal, value is DateTimeOffset time
            ? time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
            : value);

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
