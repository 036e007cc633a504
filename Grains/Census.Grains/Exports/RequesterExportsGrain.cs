using Census.Contracts.Exports;
using Census.Contracts.Common;
using Census.Domain.Validation;
using Census.Grains.Storage;

namespace Census.Grains.Exports;

/// <summary>One requester's export requests (key: their principal id): what their own list reads.</summary>
[GrainType("requester-exports")]
public sealed class RequesterExportsGrain(
    [PersistentState("exports", StorageNames.Census)] IPersistentState<ExportListState> state) : Grain, IRequesterExportsGrain
{
    async Task IRequesterExportsGrain.Upsert(ExportSummary summary)
    {
        if (state.State.Exports.TryGetValue(summary.Id, out var held) && held == summary)
        {
            return;
        }

        state.State.Exports[summary.Id] = summary;
        await state.WriteOrRollBackAsync(this);
    }

    Task<Page<ExportSummary>> IRequesterExportsGrain.List(ExportStatus? status, int page, int pageSize)
    {
        var all = state.State.Exports.Values
            .Where(e => status is null || e.Status == status)
            .OrderByDescending(e => e.SubmittedAt).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<ExportSummary>([.. Paging.Slice(all, page, pageSize)], page, pageSize, all.Count));
    }
}
