using Orleans.Concurrency;

namespace Census.Contracts.Exports;

/// <summary>
/// The export requests in one status (key: the status's wire name, e.g. <c>submitted</c>), for the output checkers'
/// queue and admins. Off every hot path: a request tells it once per status change (a few times in its life, each a
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

    /// <summary>A page oldest first (the order checkers work in), leaving out the requests of <paramref name="exceptOrganisation"/>.</summary>
    [Alias("List"), ReadOnly]
    Task<Census.Contracts.Common.Page<ExportSummary>> List(string? exceptOrganisation, int page, int pageSize);
}
