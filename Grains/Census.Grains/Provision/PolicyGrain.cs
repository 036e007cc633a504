using Census.Contracts.Provision;
using Census.Domain.Provision;
using Census.Grains.Storage;

namespace Census.Grains.Provision;

/// <summary>The de-identification policy's versions; version 1 is the defaults of provision.md.</summary>
[GrainType("deidentification-policy")]
public sealed class PolicyGrain(
    [PersistentState("policy", StorageNames.Census)] IPersistentState<PolicyState> state,
    TimeProvider clock) : Grain, IPolicyGrain
{
    private IReadOnlyList<DeidentificationPolicy> All =>
        [DeidentificationPolicies.Default, .. state.State.Versions];

    Task<DeidentificationPolicy> IPolicyGrain.Current() => Task.FromResult(All[^1]);

    Task<IReadOnlyList<DeidentificationPolicy>> IPolicyGrain.Versions() => Task.FromResult(All);

    async Task<DeidentificationPolicy> IPolicyGrain.Set(DeidentificationPolicyDefinition definition, string actor)
    {
        var policy = new DeidentificationPolicy(
            All.Count + 1, definition.K!.Value, definition.L!.Value, definition.T!.Value, definition.R!.Value,
            definition.MissRateThreshold!.Value, clock.GetUtcNow(), actor);
        state.State.Versions.Add(policy);
        await state.WriteOrRollBackAsync(this);
        return policy;
    }
}
