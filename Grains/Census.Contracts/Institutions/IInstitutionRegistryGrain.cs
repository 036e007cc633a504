using Census.Contracts.Common;

namespace Census.Contracts.Institutions;

/// <summary>
/// The list of registered institutions (about 2,000), for admin listings and for inviting every
/// institution to a round. One instance, key <see cref="Key"/>: it is on no agency's hot path.
/// </summary>
[Alias("census.IInstitutionRegistryGrain")]
public interface IInstitutionRegistryGrain : IGrainWithStringKey
{
    /// <summary>The single registry's key.</summary>
    const string Key = "all";

    /// <summary>Adds or replaces an institution's entry; idempotent.</summary>
    [Alias("Upsert")]
    Task Upsert(Institution institution);

    /// <summary>A page of institutions ordered by id.</summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<Page<Institution>> List(InstitutionQuery query);
}
