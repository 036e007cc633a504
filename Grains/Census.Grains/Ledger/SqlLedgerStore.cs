using System.Data.Common;
using System.Globalization;
using Census.Contracts.Ledger;

namespace Census.Grains.Ledger;

/// <summary>
/// The ledger table over any ADO.NET engine: the statements live here once; an engine supplies its parameter names,
/// how it binds and reads a time, how it reads a fact out of an event's text, how it names a time's month, and which
/// error is a taken key. Only INSERT and SELECT are ever issued on the table.
/// </summary>
public abstract class SqlLedgerStore : ILedgerStore
{
    private const string Columns = "idx, event_id, kind, at, event, hash";

    /// <summary>How the engine names the i-th (1-based) parameter.</summary>
    protected abstract string P(int ordinal);

    /// <summary>A fact of the event in the row as text (null when the row's event is not JSON or lacks it).</summary>
    protected abstract string Fact(string name);

    /// <summary>A fact as a whole number (0 when it is not one).</summary>
    protected abstract string WholeFact(string name);

    /// <summary>The month (<c>yyyy-MM</c>, UTC) of the row's time.</summary>
    protected abstract string Month { get; }

    /// <summary>Rows whose event a fact may be read from.</summary>
    protected abstract string ReadableEvent { get; }

    protected abstract Task<DbConnection> ConnectAsync(CancellationToken cancellationToken);

    protected abstract void Bind(DbCommand command, object value);

    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Whether an exception is the engine's unique or primary-key violation.</summary>
    protected abstract bool IsTakenKey(Exception exception);

    public Task<LedgerEntry?> HeadAsync(string datasetKey, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {Columns} FROM provision_ledger WHERE dataset_key = {P(1)} ORDER BY idx DESC LIMIT 1", [datasetKey], cancellationToken);

    public Task<LedgerEntry?> FindAsync(string datasetKey, string eventId, CancellationToken cancellationToken = default) =>
        SingleAsync($"SELECT {Columns} FROM provision_ledger WHERE dataset_key = {P(1)} AND event_id = {P(2)}", [datasetKey, eventId], cancellationToken);

    public async Task<bool> InsertAsync(string datasetKey, string institutionId, LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection,
            "INSERT INTO provision_ledger (dataset_key, idx, event_id, kind, at, institution_id, event, hash) " +
            $"VALUES ({P(1)}, {P(2)}, {P(3)}, {P(4)}, {P(5)}, {P(6)}, {P(7)}, {P(8)})",
            [datasetKey, entry.Index, entry.EventId, entry.Kind, entry.At, institutionId, entry.Event, entry.Hash]);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (IsTakenKey(e))
        {
            return false;
        }
    }

    public async Task<long> CountAsync(string datasetKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT count(*) FROM provision_ledger WHERE dataset_key = {P(1)}", [datasetKey]);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public Task<IReadOnlyList<LedgerEntry>> PageAsync(string datasetKey, long skip, int take, CancellationToken cancellationToken = default) =>
        ListAsync($"SELECT {Columns} FROM provision_ledger WHERE dataset_key = {P(1)} ORDER BY idx LIMIT {P(2)} OFFSET {P(3)}",
            [datasetKey, (long)take, skip], cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> AfterAsync(string datasetKey, long afterIndex, int take, CancellationToken cancellationToken = default) =>
        ListAsync($"SELECT {Columns} FROM provision_ledger WHERE dataset_key = {P(1)} AND idx > {P(2)} ORDER BY idx LIMIT {P(3)}",
            [datasetKey, afterIndex, (long)take], cancellationToken);

    public async Task<IReadOnlyList<UsageRow>> UsageAsync(string datasetKey, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        // Distinct counts do not add up across kinds, so the months' totals are their own grouping.
        var figures = $"count(*), sum({WholeFact("bytes")}), count(DISTINCT {Fact("requester")}), count(DISTINCT {Fact("organisation")})";
        var filter = $"FROM provision_ledger WHERE dataset_key = {P(1)} AND kind = {P(2)} AND at >= {P(3)} AND at < {P(4)} AND {ReadableEvent}";
        var sql = $"SELECT {Month} AS month, NULL AS organisation_kind, {figures} {filter} GROUP BY 1 " +
            $"UNION ALL SELECT {Month} AS month, coalesce({Fact("organisationKind")}, '') AS organisation_kind, {figures} {filter} GROUP BY 1, 2 " +
            "ORDER BY 1, 2";
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection, sql, [datasetKey, LedgerEventKinds.DownloadCompleted, from, to]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<UsageRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new UsageRow(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                new UsageFigures(Whole(reader, 2), Whole(reader, 3), Whole(reader, 4), Whole(reader, 5))));
        }

        return rows;
    }

    public async Task<IReadOnlyList<(string DatasetKey, LedgerEntry Entry)>> TransactionsAsync(
        string institutionId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT dataset_key, {Columns} FROM provision_ledger WHERE institution_id = {P(1)} AND kind = {P(2)} AND at >= {P(3)} AND at < {P(4)} " +
            "ORDER BY dataset_key, idx",
            [institutionId, LedgerEventKinds.Transaction, from, to]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, LedgerEntry)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), Entry(reader, 1)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<DatasetDemand>> DemandAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT dataset_key, sum(CASE WHEN kind = {P(1)} THEN 1 ELSE 0 END), sum(CASE WHEN kind = {P(2)} THEN 1 ELSE 0 END), " +
            $"sum(CASE WHEN kind = {P(3)} THEN 1 ELSE 0 END) FROM provision_ledger " +
            $"WHERE kind IN ({P(1)}, {P(2)}, {P(3)}) AND at >= {P(4)} AND at < {P(5)} GROUP BY dataset_key ORDER BY dataset_key",
            [LedgerEventKinds.RequestSubmitted, LedgerEventKinds.GrantIssued, LedgerEventKinds.DownloadCompleted, from, to]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<DatasetDemand>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DatasetDemand(reader.GetString(0), Whole(reader, 1), Whole(reader, 2), Whole(reader, 3)));
        }

        return rows;
    }

    private async Task<LedgerEntry?> SingleAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken) =>
        (await ListAsync(sql, values, cancellationToken)) is [var entry, ..] ? entry : null;

    private async Task<IReadOnlyList<LedgerEntry>> ListAsync(string sql, IReadOnlyList<object> values, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = Command(connection, sql, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Entry(reader, 0));
        }

        return entries;
    }

    private LedgerEntry Entry(DbDataReader reader, int first) => new(
        Convert.ToInt64(reader.GetValue(first), CultureInfo.InvariantCulture),
        reader.GetString(first + 1),
        reader.GetString(first + 2),
        ReadTime(reader, first + 3),
        reader.GetString(first + 4),
        reader.GetString(first + 5));

    private static long Whole(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private DbCommand Command(DbConnection connection, string sql, IReadOnlyList<object> values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in values)
        {
            Bind(command, value);
        }

        return command;
    }
}
