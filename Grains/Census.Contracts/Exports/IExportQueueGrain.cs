using Orleans.Concurrency;

namespace Census.Contracts.Exports;

/// <summary>
/// The export requests of one queue (key: <c>open</c> for those awaiting checkers — submitted and in-check —,
/// <c>approved</c>, <c>rejected</c>), for the output checkers and admins. Off every hot path: a request tells it once per status change (a few times in its life, each a
/// checker's manual review), after its own state is durable, and a failure to reach it is retried later instead of
/// failing the submission or decision; reads of one request and downloads never touch it.
/// </summary>
[Alias("census.IExportQueueGrain")]
public interface IExportQueueGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task Add(ExportSummary summary);

    [Alias("Remove")]
    Task Remove(string exportId);

    /// <summary>
    /// A page oldest first (the order checkers work in), optionally of one status, leaving out the requests of
    /// <paramref name="exceptOrganisation"/> (a checker's own organisation, which they may not decide on).
    /// </summary>
    [Alias("List"), ReadOnly]
    Task<Census.Contracts.Common.Page<ExportSummary>> List(ExportStatus? status, string? exceptOrganisation, int page, int pageSize);
}
