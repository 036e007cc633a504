using Census.Contracts.Common;
using Census.Contracts.Rounds;
using Census.Domain.Validation;
using Census.Grains.Storage;

namespace Census.Grains.Rounds;

/// <summary>The list of rounds: a handful a year, written on create/open/close only.</summary>
[GrainType("round-registry")]
public sealed class RoundRegistryGrain(
    [PersistentState("round-registry", StorageNames.Census)] IPersistentState<RoundRegistryState> state)
    : Grain, IRoundRegistryGrain
{
    async Task IRoundRegistryGrain.Add(string roundId)
    {
        if (state.State.Rounds.Add(roundId))
        {
            await state.WriteOrRollBackAsync(this);
        }
    }

    Task<Page<string>> IRoundRegistryGrain.List(int page, int pageSize) =>
        Task.FromResult(new Page<string>(
            Paging.Slice(state.State.Rounds, page, pageSize).ToList(), page, pageSize, state.State.Rounds.Count));

    Task<IReadOnlyList<string>> IRoundRegistryGrain.OpenRounds() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Open]);

    async Task IRoundRegistryGrain.SetOpen(string roundId, bool open)
    {
        var changed = open ? state.State.Open.Add(roundId) : state.State.Open.Remove(roundId);
        if (changed)
        {
            await state.WriteOrRollBackAsync(this);
        }
    }
}
