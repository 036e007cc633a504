using Census.Contracts.Provision;
using Census.Grains.Storage;

namespace Census.Grains.Provision;

/// <summary>
/// The case board of one round: a summary per selected dataset (at most the round's quota), so lists, reviewer queues
/// and the promise-gap report read one grain instead of calling every case.
/// </summary>
[GrainType("round-cases")]
public sealed class RoundCasesGrain(
    [PersistentState("cases", StorageNames.Census)] IPersistentState<RoundCasesState> state) : Grain, IRoundCasesGrain
{
    async Task IRoundCasesGrain.Update(CaseSummary summary)
    {
        var key = $"{summary.InstitutionId}/{summary.DatasetId}";
        if (state.State.Cases.TryGetValue(key, out var held) && held.Revision >= summary.Revision)
        {
            return;
        }

        state.State.Cases[key] = summary;
        await state.WriteOrRollBackAsync(this);
    }

    Task<IReadOnlyList<CaseSummary>> IRoundCasesGrain.List(string? institutionId, string? reviewerId) =>
        Task.FromResult<IReadOnlyList<CaseSummary>>([.. state.State.Cases.Values
            .Where(c => institutionId is null || c.InstitutionId == institutionId)
            .Where(c => reviewerId is null || c.Reviewers.Contains(reviewerId, StringComparer.Ordinal))
            .OrderBy(c => c.Rank)]);
}
