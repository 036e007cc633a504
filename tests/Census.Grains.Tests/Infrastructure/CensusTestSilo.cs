using Census.Grains.Diagnostics;
using Census.Grains.Rounds;
using Census.Grains.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>What the census grains need from a test silo besides grain storage: the index, options, a clock, metrics, reminders.</summary>
internal static class CensusTestSilo
{
    public const int ShardCount = 8;

    public static readonly TimeSpan DeadlineCheckPeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The index sweeper looks every half second for intents older than two seconds: long enough for a
    /// test to see a failed write's row still behind, short enough to see the sweeper repair it.
    /// </summary>
    public static readonly TimeSpan SweeperGrace = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Every silo of a cluster gets the same <paramref name="index"/> instance, as every silo of a real
    /// cluster writes to the same table. Reminders may tick every second here (tests only; Orleans'
    /// default minimum is a minute).
    /// </summary>
    /// <summary>
    /// One ledger store for every silo of this test process (a SQLite file of its own): the ledger is a table beside
    /// the grains, shared by the silos as PostgreSQL is in a cluster.
    /// </summary>
    private static readonly Lazy<Census.Grains.Ledger.SqliteLedgerStore> SharedLedger = new(() =>
        new Census.Grains.Ledger.SqliteLedgerStore(new Census.Grains.Storage.LocalStore(
            Path.Combine(Path.GetTempPath(), $"census-grains-tests-{Environment.ProcessId}-{Guid.NewGuid():N}.db"))));

    public static ISiloBuilder AddCensusTestServices(this ISiloBuilder silo, InMemorySurveyIndex index)
    {
        silo.UseInMemoryReminderService();
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddCensusMetrics();
        silo.Services.AddSingleton<ISurveyIndex>(index);
        silo.Services.TryAddSingleton<Census.Grains.Ledger.ILedgerStore>(_ => SharedLedger.Value);
        silo.Services.TryAddSingleton<LegacyDatasetStates>();
        silo.Services.AddSurveyIndexSweeper(o =>
        {
            o.Period = TimeSpan.FromMilliseconds(500);
            o.Grace = SweeperGrace;
        });
        silo.Services.AddOptions<RoundOptions>().Configure(o =>
        {
            o.ShardCount = ShardCount;
            o.DeadlineCheckPeriod = DeadlineCheckPeriod;
        });
        return silo;
    }
}
