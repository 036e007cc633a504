using Microsoft.Data.Sqlite;

namespace Census.Grains.Storage;

/// <summary>
/// The local-mode embedded database: one SQLite file under the data directory, in WAL mode so readers
/// never wait for the writer. Tables are created on first use; the file survives restarts.
/// </summary>
public sealed class LocalStore
{
    private readonly string _connectionString;
    private int _initialized;

    public LocalStore(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _initialized) == 0)
        {
            await InitializeAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS grain_state (
                state_name  TEXT    NOT NULL,
                grain_id    TEXT    NOT NULL,
                version     INTEGER NOT NULL,
                payload     BLOB    NOT NULL,
                updated_at  TEXT    NOT NULL,
                PRIMARY KEY (state_name, grain_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS census_survey_index (
                round_id TEXT NOT NULL, institution_id TEXT NOT NULL, dataset_id TEXT NOT NULL,
                shard INTEGER NOT NULL, revision INTEGER NOT NULL, withdrawn INTEGER NOT NULL,
                sector TEXT NOT NULL, modality TEXT NOT NULL, availability_now TEXT NOT NULL,
                eligible INTEGER NOT NULL, failed_gates INTEGER NOT NULL,
                n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, n3 INTEGER NOT NULL, n4 INTEGER NOT NULL, n5 INTEGER NOT NULL,
                n6 INTEGER NOT NULL, n7 INTEGER NOT NULL, n8 INTEGER NOT NULL, n9 INTEGER NOT NULL, n10 INTEGER NOT NULL,
                p1 INTEGER NOT NULL, p2 INTEGER NOT NULL, p3 INTEGER NOT NULL, p4 INTEGER NOT NULL, p5 INTEGER NOT NULL,
                p6 INTEGER NOT NULL, p7 INTEGER NOT NULL, p8 INTEGER NOT NULL, p9 INTEGER NOT NULL, p10 INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (round_id, institution_id, dataset_id)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS census_survey_index_shard ON census_survey_index (round_id, shard);
            -- The upsert's conflict target, shared with PostgreSQL (where the shard is part of the key).
            CREATE UNIQUE INDEX IF NOT EXISTS census_survey_index_key ON census_survey_index (round_id, institution_id, dataset_id, shard);
            -- The read side, counters, close gates and intents of deploy/sql/V004 (see there).
            CREATE TABLE IF NOT EXISTS census_survey_document (
                round_id TEXT NOT NULL, institution_id TEXT NOT NULL, dataset_id TEXT NOT NULL,
                revision INTEGER NOT NULL, updated_by TEXT NOT NULL, record TEXT NOT NULL, levels TEXT NOT NULL,
                PRIMARY KEY (round_id, institution_id, dataset_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS census_survey_count (
                round_id TEXT NOT NULL, institution_id TEXT NOT NULL, records INTEGER NOT NULL,
                PRIMARY KEY (round_id, institution_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS census_survey_gate (
                round_id TEXT NOT NULL PRIMARY KEY, closed INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS census_survey_intent (
                round_id TEXT NOT NULL, institution_id TEXT NOT NULL, dataset_id TEXT NOT NULL,
                revision INTEGER NOT NULL, recorded_at TEXT NOT NULL,
                PRIMARY KEY (round_id, institution_id, dataset_id)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS census_survey_intent_recorded ON census_survey_intent (recorded_at);
            -- Dataset grain states, written with their index rows in one transaction (deploy/sql/V005).
            CREATE TABLE IF NOT EXISTS census_dataset_state (
                grain_key TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, payload BLOB NOT NULL, updated_at TEXT NOT NULL
            ) WITHOUT ROWID;
            -- Imports: their listing, staged rows and errors (deploy/sql/V006).
            CREATE TABLE IF NOT EXISTS census_import (
                import_id TEXT NOT NULL PRIMARY KEY, round_id TEXT NOT NULL, institution_id TEXT NOT NULL,
                started_at TEXT NOT NULL, view TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS census_import_by_institution ON census_import (round_id, institution_id, started_at DESC);
            CREATE TABLE IF NOT EXISTS census_import_row (
                import_id TEXT NOT NULL, row_number INTEGER NOT NULL, dataset_id TEXT NULL, action TEXT NOT NULL,
                record TEXT NULL, valid INTEGER NOT NULL, outcome TEXT NULL,
                PRIMARY KEY (import_id, row_number)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS census_import_error (
                seq INTEGER PRIMARY KEY, import_id TEXT NOT NULL, row_number INTEGER NOT NULL, dataset_id TEXT NULL,
                path TEXT NOT NULL, message TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS census_import_error_by_row ON census_import_error (import_id, row_number, seq);
            -- Every dataset's ledger (deploy/sql/V007): only ever inserted into, never updated or deleted by the product.
            CREATE TABLE IF NOT EXISTS provision_ledger (
                dataset_key TEXT NOT NULL, idx INTEGER NOT NULL, event_id TEXT NOT NULL, kind TEXT NOT NULL, at TEXT NOT NULL,
                institution_id TEXT NOT NULL, event TEXT NOT NULL, hash TEXT NOT NULL,
                PRIMARY KEY (dataset_key, idx), UNIQUE (dataset_key, event_id)
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS provision_ledger_by_dataset_kind ON provision_ledger (dataset_key, kind, at);
            CREATE INDEX IF NOT EXISTS provision_ledger_by_institution_kind ON provision_ledger (institution_id, kind, at);
            CREATE INDEX IF NOT EXISTS provision_ledger_by_kind ON provision_ledger (kind, at);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await UpgradeAsync(connection, cancellationToken);
        Volatile.Write(ref _initialized, 1);
    }

    /// <summary>The local schema's version, kept in SQLite's own <c>user_version</c>.</summary>
    public const int SchemaVersion = 4;

    /// <summary>
    /// Brings a store written by an older build up to <see cref="SchemaVersion"/>, once, as
    /// deploy/sql/V004 does on PostgreSQL: the counters are filled from the rows, and every row gets
    /// an intent, so the sweeper asks its dataset grain to write the row's document (lists read
    /// documents). A new, empty store goes through the same steps and finds nothing to fill.
    /// </summary>
    private static async Task UpgradeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        if (Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) >= SchemaVersion)
        {
            return;
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var upgrade = connection.CreateCommand();
        upgrade.Transaction = transaction;
        upgrade.CommandText = $"""
            INSERT OR REPLACE INTO census_survey_count (round_id, institution_id, records)
                SELECT round_id, institution_id, count(*) FROM census_survey_index WHERE withdrawn = 0
                GROUP BY round_id, institution_id;
            INSERT OR IGNORE INTO census_survey_intent (round_id, institution_id, dataset_id, revision, recorded_at)
                SELECT i.round_id, i.institution_id, i.dataset_id, i.revision, '2000-01-01T00:00:00.0000000Z'
                FROM census_survey_index i
                WHERE NOT EXISTS (SELECT 1 FROM census_survey_document d WHERE d.round_id = i.round_id
                                  AND d.institution_id = i.institution_id AND d.dataset_id = i.dataset_id);
            PRAGMA user_version = {SchemaVersion};
            """;
        await upgrade.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
