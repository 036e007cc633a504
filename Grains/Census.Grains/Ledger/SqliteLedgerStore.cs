using System.Data.Common;
using System.Globalization;
using Census.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace Census.Grains.Ledger;

/// <summary>
/// The ledger table in the local-mode SQLite file (created by <see cref="LocalStore"/>). Times are ISO 8601 UTC text
/// with seven fractional digits, which sorts as time does; facts are read with SQLite's JSON functions.
/// </summary>
public sealed class SqliteLedgerStore(LocalStore store) : SqlLedgerStore
{
    protected override string P(int ordinal) => "$p" + ordinal.ToString(CultureInfo.InvariantCulture);

    protected override string Fact(string name) => $"json_extract(event, '$.facts.{name}')";

    protected override string WholeFact(string name) => $"CAST(coalesce({Fact(name)}, 0) AS INTEGER)";

    protected override string Month => "substr(at, 1, 7)";

    protected override string ReadableEvent => "json_valid(event)";

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) => await store.OpenAsync(cancellationToken);

    protected override void Bind(DbCommand command, object value) =>
        ((SqliteCommand)command).Parameters.AddWithValue(P(command.Parameters.Count + 1), value is DateTimeOffset time
            ? time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
            : value);

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    // SQLITE_CONSTRAINT (19): a primary key or the unique event id already taken.
    protected override bool IsTakenKey(Exception exception) => exception is SqliteException { SqliteErrorCode: 19 };
}
