using Orleans.Configuration;

namespace Census.Hosting;

/// <summary>
/// How fast the cluster notices a dead silo and how long a caller waits for an answer: chosen together so
/// that requests caught at a killed silo are answered (503 with Retry-After, which a retry resolves) within
/// about 10 s instead of Orleans' 30 s default. The trade-offs are in docs/reliability.md.
/// </summary>
public static class ClusterTimings
{
    /// <summary>
    /// Between probes of a silo, and how long one probe may take (Orleans' default: 5 s). Three missed probes
    /// (the default limit) and two votes declare a silo dead: about 4–5 s after a kill instead of 6–7.5 s,
    /// while a silo has to be unresponsive for about 9 s, not a long GC pause, to be voted out.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the gateway waits for a grain call (Orleans' default: 30 s). A call sent to a silo that was
    /// then killed never gets an answer and waits all of it; by the time it gives up, the silo has been
    /// declared dead and the retry reaches a new activation. Calls that may legitimately take longer (reports,
    /// closing, finalizing, starting a run, explanations) carry their own [ResponseTimeout] of 30 s.
    /// </summary>
    public static readonly TimeSpan ClientResponseTimeout = TimeSpan.FromSeconds(5);

    public static void Membership(ClusterMembershipOptions options) => options.ProbeTimeout = ProbeTimeout;

    public static void Client(ClientMessagingOptions options) => options.ResponseTimeout = ClientResponseTimeout;
}
