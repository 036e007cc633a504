using Census.Contracts.Common;
using Orleans.Concurrency;

namespace Census.Contracts.Access;

/// <summary>One user organisation (key: its id).</summary>
[Alias("census.IOrganisationGrain")]
public interface IOrganisationGrain : IGrainWithStringKey
{
    /// <summary>Registers it; false with the stored one when it exists already.</summary>
    [Alias("Register")]
    Task<(bool Created, Organisation Organisation)> Register(Organisation organisation);

    [Alias("Get"), ReadOnly]
    Task<Organisation?> Get();

    /// <summary>Records the admin's verification; null when there is no such organisation. Verifying again keeps the first.</summary>
    [Alias("Verify")]
    Task<Organisation?> Verify(string note, string actor);
}

/// <summary>Every user organisation (hundreds to a few thousand), for admin listings; on no hot path.</summary>
[Alias("census.IOrganisationRegistryGrain")]
public interface IOrganisationRegistryGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("Upsert")]
    Task Upsert(Organisation organisation);

    [Alias("List"), ReadOnly]
    Task<Page<Organisation>> List(OrganisationKind? kind, bool? verified, int page, int pageSize);
}
