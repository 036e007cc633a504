using Census.Contracts.Common;
using Census.Contracts.Imports;
using Orleans.Concurrency;

namespace Census.Grains.Imports;

/// <summary>An institution's imports in a round, read from the import store's listing; it holds nothing, so any silo may answer.</summary>
[GrainType("institution-imports"), StatelessWorker]
public sealed class InstitutionImportsGrain(IImportStore store) : Grain, IInstitutionImportsGrain
{
    async Task<Page<Import>> IInstitutionImportsGrain.List(int page, int pageSize)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (items, total) = await store.ListImportsAsync(key[..slash], key[(slash + 1)..], page, pageSize);
        return new Page<Import>(items, page, pageSize, total);
    }
}
