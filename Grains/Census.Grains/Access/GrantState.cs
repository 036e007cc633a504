using Census.Contracts.Access;
using Census.Contracts.Ledger;

namespace Census.Grains.Access;

[GenerateSerializer, Alias("census.GrantState")]
public sealed class GrantState
{
    [Id(0)] public Grant? Grant { get; set; }

    /// <summary>Events stored here first and appended to the dataset's ledger after (an outbox): dropped once appended.</summary>
    [Id(1)] public List<LedgerEvent> Owed { get; set; } = [];
}
