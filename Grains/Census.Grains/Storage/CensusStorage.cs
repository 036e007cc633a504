using Census.Grains.Imports;
using Census.Grains.Ledger;
using Census.Grains.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Census.Grains.Storage;

/// <summary>
/// Where the grains keep their state and the survey index, per mode. The hosting project chooses the
/// mode; what each mode stores where is decided here, beside the storage code.
/// </summary>
public static class CensusStorage
{
    /// <summary>The ADO.NET invariant of PostgreSQL, shared by storage, clustering and reminders.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>Row writes an import keeps in flight in local mode.</summary>
    public const int LocalImportParallelism = 1;

    /// <summary>Local mode: grain state and the index in one SQLite file.</summary>
    public static ISiloBuilder AddCensusLocalStorage(this ISiloBuilder silo, string databasePath)
    {
        silo.Services.TryAddSingleton(_ => new LocalStore(databasePath));
        silo.Services.TryAddSingleton<ISurveyIndex>(sp => new SqliteSurveyIndex(sp.GetRequiredService<LocalStore>()));
        silo.Services.TryAddSingleton<IImportStore>(sp => new SqliteImportStore(sp.GetRequiredService<LocalStore>()));
        silo.Services.TryAddSingleton<ILedgerStore>(sp => new SqliteLedgerStore(sp.GetRequiredService<LocalStore>()));

        // SQLite has one writer and commits synchronously: an import's parallel row writes only queue on its lock,
        // holding threads while they wait (a 5,000-row import measured 94 rows/s at 16 in flight, 192 at 2, 230 at 1).
        silo.Services.Configure<ImportOptions>(o =>
        {
            o.Parallelism = LocalImportParallelism;
            o.SiloParallelism = LocalImportParallelism * 2;
        });
        silo.Services.TryAddSingleton<ImportWriteSlots>();
        silo.Services.TryAddSingleton<LegacyDatasetStates>();
        silo.Services.AddGrainStorage(StorageNames.Census, (sp, name) => new SqliteGrainStorage(
            name,
            sp.GetRequiredService<LocalStore>(),
            sp.GetRequiredService<IGrainStorageSerializer>(),
            sp.GetRequiredService<TimeProvider>()));
        return silo;
    }

    /// <summary>Cluster mode: Orleans ADO.NET grain storage and the index on PostgreSQL.</summary>
    public static ISiloBuilder AddCensusPostgresStorage(this ISiloBuilder silo, string connectionString)
    {
        silo.Services.TryAddSingleton(_ => IndexDataSource(connectionString));
        silo.Services.TryAddSingleton<ISurveyIndex>(sp => new PostgresSurveyIndex(sp.GetRequiredService<NpgsqlDataSource>()));
        silo.Services.TryAddSingleton<IImportStore>(sp => new PostgresImportStore(sp.GetRequiredService<NpgsqlDataSource>()));
        silo.Services.TryAddSingleton<ILedgerStore>(sp => new PostgresLedgerStore(sp.GetRequiredService<NpgsqlDataSource>()));
        silo.Services.TryAddSingleton<ImportWriteSlots>();
        silo.Services.TryAddSingleton<LegacyDatasetStates>();
        silo.AddAdoNetGrainStorage(StorageNames.Census, o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>
    /// The index's connections: its statements are few and repeated on every write, so they are prepared on
    /// the server once per connection (not parsed and planned each time), and a connection returned to the
    /// pool is not reset, since nothing here changes session state (the reset would also drop the prepared
    /// statements). Settings the operator wrote in the connection string win.
    /// </summary>
    public static NpgsqlDataSource IndexDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
