using Census.Contracts.Access;
using Census.Contracts.Common;
using Census.Domain.Validation;
using Census.Grains.Storage;

namespace Census.Grains.Access;

/// <summary>The list of user organisations: written on registration and verification, read by admin listings.</summary>
[GrainType("organisation-registry")]
public sealed class OrganisationRegistryGrain(
    [PersistentState("organisation-registry", StorageNames.Census)] IPersistentState<OrganisationRegistryState> state)
    : Grain, IOrganisationRegistryGrain
{
    async Task IOrganisationRegistryGrain.Upsert(Organisation organisation)
    {
        if (state.State.Organisations.TryGetValue(organisation.Id, out var existing) && existing == organisation)
        {
            return;
        }

        state.State.Organisations[organisation.Id] = organisation;
        await state.WriteOrRollBackAsync(this);
    }

    Task<Page<Organisation>> IOrganisationRegistryGrain.List(OrganisationKind? kind, bool? verified, int page, int pageSize)
    {
        var matching = state.State.Organisations.Values
            .Where(o => kind is null || o.Kind == kind)
            .Where(o => verified is null || (o.VerifiedAt is not null) == verified)
            .OrderBy(o => o.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<Organisation>([.. Paging.Slice(matching, page, pageSize)], page, pageSize, matching.Count));
    }
}
