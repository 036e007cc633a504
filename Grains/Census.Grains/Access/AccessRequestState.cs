using Census.Contracts.Access;

namespace Census.Grains.Access;

[GenerateSerializer, Alias("census.AccessRequestState")]
public sealed class AccessRequestState
{
    [Id(0)] public AccessRequest? Request { get; set; }

    [Id(1)] public List<OwedEvent> Owed { get; set; } = [];

    /// <summary>The board has not yet taken the request's latest state.</summary>
    [Id(2)] public bool BoardOwed { get; set; }

    /// <summary>The request was approved and its grant not yet issued.</summary>
    [Id(3)] public Grant? GrantOwed { get; set; }

    /// <summary>The request was approved and the catalogue's register of approved uses has not yet taken it.</summary>
    [Id(4)] public bool ApprovedUseOwed { get; set; }
}
