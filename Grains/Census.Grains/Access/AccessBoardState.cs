using Census.Contracts.Access;

namespace Census.Grains.Access;

[GenerateSerializer, Alias("census.AccessBoardState")]
public sealed class AccessBoardState
{
    [Id(0)] public Dictionary<string, AccessRequestSummary> Requests { get; set; } = [];

    [Id(1)] public Dictionary<string, Grant> Grants { get; set; } = [];
}
