using Census.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Census.Grains.Surveys;

/// <summary>
/// Dataset states written before V005 live in the grain storage (JSON); from V005 on, in the index's own
/// table beside the rows. A dataset that has no state in the new place reads the old one — but only while
/// the old place holds any dataset state at all, which each silo asks once: a fresh or fully moved
/// deployment never pays that read, and a new dataset's first write then needs no read at all.
/// </summary>
public sealed class LegacyDatasetStates(ISurveyIndex index, IServiceProvider services)
{
    /// <summary>The state name the dataset grain used in the grain storage.</summary>
    public const string StateName = "dataset";

    private Task<bool>? _exist;

    /// <summary>Whether a dataset with no state in the new place may still have one in the old place.</summary>
    public async Task<bool> MayExistAsync()
    {
        var exist = _exist ??= index.HasLegacyDatasetStatesAsync();
        try
        {
            return await exist;
        }
        catch
        {
            // Asked again next time: a database that failed once must not settle the answer.
            _ = Interlocked.CompareExchange(ref _exist, null, exist);
            throw;
        }
    }

    /// <summary>The state the grain storage holds for this dataset grain, or null.</summary>
    public async Task<DatasetState?> ReadAsync(GrainId grainId)
    {
        if (!await MayExistAsync() || services.GetKeyedService<IGrainStorage>(StorageNames.Census) is not { } storage)
        {
            return null;
        }

        var state = new GrainState<DatasetState>();
        await storage.ReadStateAsync(StateName, grainId, state);
        return state.RecordExists ? state.State : null;
    }
}
