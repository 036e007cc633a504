using Census.Contracts.Exports;
using Census.Contracts.Ledger;

namespace Census.Grains.Exports;

[GenerateSerializer, Alias("census.ExportRequestState")]
public sealed class ExportRequestState
{
    [Id(0)] public ExportRequest? Request { get; set; }

    /// <summary>Events stored here first and appended to the dataset's ledger after (an outbox): dropped once appended.</summary>
    [Id(1)] public List<LedgerEvent> Owed { get; set; } = [];

    /// <summary>The summary the requester's list and the status queues were last told; null before the first telling.</summary>
    [Id(2)] public ExportSummary? Listed { get; set; }

    /// <summary>Refused downloads so far: numbers each refusal's ledger event.</summary>
    [Id(3)] public int RefusedDownloads { get; set; }
}
