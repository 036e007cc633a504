using Census.Contracts.Exports;
using Census.Contracts.Common;
using Census.Domain.Validation;
using Census.Grains.Storage;

namespace Census.Grains.Exports;

/// <summary>The export requests of one queue (key: <c>open</c>, <c>approved</c> or <c>rejected</c>): the output checkers' queue.</summary>
[GrainType("export-queue")]
public sealed class ExportQueueGrain(
    [PersistentState("queue", StorageNames.Census)] IPersistentState<ExportListState> state) : Grain, IExportQueueGrain
{
    async Task IExportQueueGrain.Add(ExportSummary summary)
    {
        if (state.State.Exports.TryGetValue(summary.Id, out var held) && held == summary)
        {
            return;
        }

        state.State.Exports[summary.Id] = summary;
        await state.WriteOrRollBackAsync(this);
    }

    async Task IExportQueueGrain.Remove(string exportId)
    {
        if (state.State.Exports.Remove(exportId))
        {
            await state.WriteOrRollBackAsync(this);
        }
    }

    Task<Page<ExportSummary>> IExportQueueGrain.List(ExportStatus? status, string? exceptOrganisation, int page, int pageSize)
    {
        var all = state.State.Exports.Values
            .Where(e => status is null || e.Status == status)
            .Where(e => exceptOrganisation is null || e.OrganisationId != exceptOrganisation)
            .OrderBy(e => e.SubmittedAt).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new Page<ExportSummary>([.. Paging.Slice(all, page, pageSize)], page, pageSize, all.Count));
    }
}
