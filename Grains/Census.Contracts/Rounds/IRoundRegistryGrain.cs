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

    /// <summary>Activates every round that is open, so each re-arms its deadline (local mode start-up).</summary>
    [Alias("WakeOpenRounds")]
    Task<int> WakeOpenRounds();

    [Alias("SetOpen")]
    Task SetOpen(string roundId, bool open);
}
