using Census.Contracts.Institutions;

namespace Census.Contracts.Rankings;

/// <summary>
/// What a ranking run read of one (institution, sector) group: how many rows (not withdrawn) and an order-free hash
/// of their (dataset id, revision) pairs. An explanation compares it with the group as the index holds it now, so
/// "changed since the run" is decided by revisions, never by clocks of different silos.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.GroupFingerprint")]
public sealed record GroupFingerprint(
    [property: Id(0)] string InstitutionId,
    [property: Id(1)] Sector Sector,
    [property: Id(2)] long Rows,
    [property: Id(3)] ulong Hash);
