using Census.Contracts.Common;

namespace Census.Contracts.Rounds;

/// <summary>The list of rounds (admin listings, re-arming deadlines at start-up). Key <see cref="Key"/>.</summary>
[Alias("census.IRoundRegistryGrain")]
public interface IRoundRegistryGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("Add")]
    Task Add(string roundId);

    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<Page<string>> List(int page, int pageSize);

    /// <summary>
    /// The rounds that are open. At start-up each is activated, which re-arms its deadline (local
    /// mode keeps reminders in memory) or closes it if the deadline passed while the service was down.
    /// The caller activates them, not this grain: a round that closes calls back into the registry.
    /// </summary>
    [Alias("OpenRounds"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<string>> OpenRounds();

    [Alias("SetOpen")]
    Task SetOpen(string roundId, bool open);
}
