using Census.Contracts.Common;
using Orleans.Concurrency;

namespace Census.Contracts.Releases;

/// <summary>
/// Every release version of one provided dataset. Key: <c>{institutionId}/{datasetId}</c>. Versions are <c>1.0</c>,
/// <c>1.1</c>, …; one draft at a time; a published version never changes. The grain holds manifests only: the files are
/// in the content-addressed store, and the gateway checks a blob exists and matches before it names it here.
/// </summary>
[Alias("census.IReleaseGrain")]
public interface IReleaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the next version as a draft at the case's decided tier; <see cref="ReleaseOutcome.DraftOpen"/> while another draft is open.</summary>
    [Alias("CreateDraft")]
    Task<ReleaseResult> CreateDraft(ReleaseDraft draft, string actor);

    /// <summary>Adds or replaces a file entry of a draft.</summary>
    [Alias("PutFile")]
    Task<ReleaseResult> PutFile(string version, ReleaseFile file, IReadOnlyList<int>? ifMatch, string actor);

    /// <summary>Removes a file entry of a draft.</summary>
    [Alias("RemoveFile")]
    Task<ReleaseResult> RemoveFile(string version, string path, IReadOnlyList<int>? ifMatch, string actor);

    /// <summary>Publishes a draft that has at least one file; from then on it never changes.</summary>
    [Alias("Publish")]
    Task<ReleaseResult> Publish(string version, IReadOnlyList<int>? ifMatch, string actor);

    [Alias("Get"), ReadOnly]
    Task<Release?> Get(string version);

    /// <summary>The versions, newest first, a page at a time.</summary>
    [Alias("List"), ReadOnly]
    Task<Page<Release>> List(int page, int pageSize);
}
