using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Census.Grains.Ledger;

/// <summary>
/// The ledger table on PostgreSQL (deploy/sql V007). Facts are read through <c>census_ledger_facts</c>, which answers
/// null for a row whose text is not JSON, so one tampered row cannot stop usage from being counted.
/// </summary>
public sealed class PostgresLedgerStore(NpgsqlDataSource dataSource) : SqlLedgerStore
{
    protected override string P(int ordinal) => "$" + ordinal.ToString(CultureInfo.InvariantCulture);

    protected override string Fact(string name) => $"(census_ledger_facts(event) ->> '{name}')";

    protected override string WholeFact(string name) => $"CASE WHEN {Fact(name)} ~ '^[0-9]{{1,18}}$' THEN {Fact(name)}::bigint ELSE 0 END";

    protected override string Month => "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM')";

    protected override string ReadableEvent => "census_ledger_facts(event) IS NOT NULL";

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override void Bind(DbCommand command, object value) =>
        command.Parameters.Add(new NpgsqlParameter { Value = value is DateTimeOffset time ? time.ToUniversalTime() : value });

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override bool IsTakenKey(Exception exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
