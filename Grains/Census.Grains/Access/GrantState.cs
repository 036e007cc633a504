using Census.Contracts.Access;

namespace Census.Grains.Access;

[GenerateSerializer, Alias("census.GrantState")]
public sealed class GrantState
{
    [Id(0)] public Grant? Grant { get; set; }

    /// <summary>Events stored here first and appended to the dataset's ledger after (an outbox): dropped once appended.</summary>
    [Id(1)] public List<OwedEvent> Owed { get; set; } = [];

    /// <summary>The board has not yet taken the grant's latest state.</summary>
    [Id(2)] public bool BoardOwed { get; set; }

    /// <summary>The dataset's terms have not yet been asked to charge the grant's flat fee.</summary>
    [Id(3)] public bool ChargeOwed { get; set; }
}
