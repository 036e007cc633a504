using Census.Contracts.Common;

namespace Census.Contracts.Imports;

/// <summary>
/// The imports of one institution in one round, newest first, read from the import store (a read model: it wakes
/// no import). Key: <c>{roundId}/{institutionId}</c>.
/// </summary>
[Alias("census.IInstitutionImportsGrain")]
public interface IInstitutionImportsGrain : IGrainWithStringKey
{
    [Alias("List")]
    Task<Page<Import>> List(int page, int pageSize);
}
