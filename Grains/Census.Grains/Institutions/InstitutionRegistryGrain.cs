using Census.Contracts.Common;
using Census.Contracts.Institutions;
using Census.Domain.Validation;
using Census.Grains.Storage;

namespace Census.Grains.Institutions;

/// <summary>
/// The list of institutions. A single activation is acceptable here: it is written once per
/// registration and read by admin listings, never on an agency's request path.
/// </summary>
[GrainType("institution-registry")]
public sealed class InstitutionRegistryGrain(
    [PersistentState("registry", StorageNames.Census)] IPersistentState<InstitutionRegistryState> state)
    : Grain, IInstitutionRegistryGrain
{
    private Institution[]? _ordered;

    async Task IInstitutionRegistryGrain.Upsert(Institution institution)
    {
        if (state.State.Institutions.TryGetValue(institution.Id, out var existing) && existing == institution)
        {
            return;
        }

        state.State.Institutions[institution.Id] = institution;
        _ordered = null;
        await state.WriteOrRollBackAsync(this);
    }

    Task<Page<Institution>> IInstitutionRegistryGrain.List(InstitutionQuery query)
    {
        _ordered ??= [.. state.State.Institutions.Values.OrderBy(i => i.Id, StringComparer.Ordinal)];
        var matching = _ordered
            .Where(i => query.Sector is null || i.Sector == query.Sector)
            .Where(i => query.Kind is null || i.Kind == query.Kind)
            .ToList();
        var items = Paging.Slice(matching, query.Page, query.PageSize).ToList();
        return Task.FromResult(new Page<Institution>(items, query.Page, query.PageSize, matching.Count));
    }
}
