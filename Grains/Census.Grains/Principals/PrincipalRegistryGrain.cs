using Census.Contracts.Common;
using Census.Contracts.Principals;
using Census.Domain.Validation;
using Census.Grains.Storage;

namespace Census.Grains.Principals;

/// <summary>The list of principals: written once per registration, read by admin listings and reviewer pickers.</summary>
[GrainType("principal-registry")]
public sealed class PrincipalRegistryGrain(
    [PersistentState("principal-registry", StorageNames.Census)] IPersistentState<PrincipalRegistryState> state)
    : Grain, IPrincipalRegistryGrain
{
    async Task IPrincipalRegistryGrain.Upsert(Principal principal)
    {
        if (state.State.Principals.TryGetValue(principal.Id, out var existing) && existing == principal)
        {
            return;
        }

        state.State.Principals[principal.Id] = principal;
        await state.WriteOrRollBackAsync(this);
    }

    Task<Page<Principal>> IPrincipalRegistryGrain.List(PrincipalRole? role, string? organisation, int page, int pageSize)
    {
        var matching = state.State.Principals.Values
            .Where(p => (role is null || p.Role == role) && (organisation is null || p.Organisation == organisation))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<Principal>([.. Paging.Slice(matching, page, pageSize)], page, pageSize, matching.Count));
    }
}
