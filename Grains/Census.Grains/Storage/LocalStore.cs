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
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Volatile.Write(ref _initialized, 1);
    }
}
