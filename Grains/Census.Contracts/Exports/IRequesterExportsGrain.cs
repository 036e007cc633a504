using Orleans.Concurrency;

namespace Census.Contracts.Exports;

/// <summary>One requester's export requests (key: the requester's principal id), for their own list.</summary>
[Alias("census.IRequesterExportsGrain")]
public interface IRequesterExportsGrain : IGrainWithStringKey
{
    [Alias("Upsert")]
    Task Upsert(ExportSummary summary);

    /// <summary>A page of the requester's exports, newest first, optionally of one status.</summary>
    [Alias("List"), ReadOnly]
    Task<Census.Contracts.Common.Page<ExportSummary>> List(ExportStatus? status, int page, int pageSize);
}
