using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Census.Grains.Surveys;

/// <summary>
/// Closes the window between a dataset grain's state write and its index row: every silo periodically
/// reads the intents older than <see cref="SurveyIndexSweeperOptions.Grace"/> and asks each dataset
/// grain to repair (upsert its state's row, clear the intent). Repairs are idempotent, so silos
/// sweeping the same intents at once do no harm; with nothing pending a sweep is one indexed read.
/// </summary>
public sealed partial class SurveyIndexSweeper(
    ISurveyIndex index,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<SurveyIndexSweeperOptions> options,
    ILogger<SurveyIndexSweeper> logger) : BackgroundService
{
    /// <summary>One sweep: the number of intents it asked grains to repair.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var intents = await index.PendingIntentsAsync(clock.GetUtcNow() - settings.Grace, settings.BatchSize, cancellationToken);
        foreach (var intent in intents)
        {
            try
            {
                await grains.GetGrain<IDatasetRepairGrain>($"{intent.InstitutionId}/{intent.DatasetId}").RepairIndex(intent.RoundId);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The intent stays: the next sweep tries again.
                LogRepairFailed(e, intent.RoundId, intent.InstitutionId, intent.DatasetId);
            }
        }

        return intents.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not repair the index row of {RoundId}/{InstitutionId}/{DatasetId}; the next sweep retries")]
    private partial void LogRepairFailed(Exception exception, string roundId, string institutionId, string datasetId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The survey index sweep failed; the next one retries")]
    private partial void LogSweepFailed(Exception exception);
}
