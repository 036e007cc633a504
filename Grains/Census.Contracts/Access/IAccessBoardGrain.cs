using Census.Contracts.Common;
using Orleans.Concurrency;

namespace Census.Contracts.Access;

/// <summary>
/// The queues of access requests and the list of grants, for listings (key <see cref="Key"/>). Requests and grants come
/// at the pace of people deciding them (thousands a year), so one board serves every queue; no download, booking or
/// catalogue read goes through it.
/// </summary>
[Alias("census.IAccessBoardGrain")]
public interface IAccessBoardGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("NoteRequest")]
    Task NoteRequest(AccessRequestSummary request);

    [Alias("NoteGrant")]
    Task NoteGrant(Grant grant);

    [Alias("Requests"), ReadOnly]
    Task<Page<AccessRequestSummary>> Requests(AccessQuery query, int page, int pageSize);

    [Alias("Grants"), ReadOnly]
    Task<Page<Grant>> Grants(GrantQuery query, int page, int pageSize);

    /// <summary>The grants recorded as live, to re-arm their expiry after a restart.</summary>
    [Alias("LiveGrants"), ReadOnly]
    Task<IReadOnlyList<string>> LiveGrants();
}

/// <summary>
/// Which requests a listing shows: any member null means any. <c>ExcludeOrganisation</c> leaves out the requests of that
/// organisation and of that providing institution (a reviewer decides neither).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.AccessQuery")]
public sealed record AccessQuery(
    [property: Id(0)] string? InstitutionId,
    [property: Id(1)] string? RequesterId,
    [property: Id(2)] AccessRequestStatus? Status,
    [property: Id(3)] bool? Overdue,
    [property: Id(4)] bool OpenOnly,
    [property: Id(5)] string? ExcludeOrganisation,
    [property: Id(6)] DateTimeOffset Now,
    [property: Id(7)] string? DatasetId = null);

/// <summary>Which grants a listing shows: any member null means any.</summary>
[GenerateSerializer, Immutable, Alias("census.GrantQuery")]
public sealed record GrantQuery(
    [property: Id(0)] string? InstitutionId,
    [property: Id(1)] string? RequesterId,
    [property: Id(2)] GrantStatus? Status,
    [property: Id(3)] DateTimeOffset Now);
