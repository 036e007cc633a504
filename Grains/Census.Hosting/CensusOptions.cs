using System.ComponentModel.DataAnnotations;
using Census.Grains.Releases;
using Census.Grains.Rounds;
using Census.Grains.Surveys;

namespace Census.Hosting;

/// <summary>The <c>Census</c> configuration section shared by silos and gateways.</summary>
public sealed class CensusOptions
{
    public const string Section = "Census";

    /// <summary><c>local</c> (default) or <c>cluster</c>.</summary>
    public CensusMode Mode { get; set; } = CensusMode.Local;

    /// <summary>Local mode: where the SQLite store and the generated admin key live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Orleans cluster id: silos and gateways with the same id form one cluster.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ClusterId { get; set; } = "census";

    /// <summary>Orleans service id: keys grain state and reminders; keep it stable across deployments.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ServiceId { get; set; } = "census";

    public SiloEndpointOptions Silo { get; set; } = new();

    public KubernetesOptions Kubernetes { get; set; } = new();

    public RoundOptions Rounds { get; set; } = new();

    public SurveyIndexSweeperOptions IndexSweeper { get; set; } = new();

    public ClusterDashboardOptions Dashboard { get; set; } = new();

    public ReleaseStoreOptions Releases { get; set; } = new();

    /// <summary>Full path of the local-mode SQLite database.</summary>
    public string LocalDatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "census.db");

    /// <summary>Full path of the release store: <c>Census:Releases:StorePath</c>, or in local mode <c>{DataDirectory}/releases</c>.</summary>
    public string ReleaseStorePath => Path.GetFullPath(
        string.IsNullOrWhiteSpace(Releases.StorePath) ? Path.Combine(Path.GetFullPath(DataDirectory), "releases") : Releases.StorePath);
}

/// <summary>The <c>Census:Silo</c> section: where a silo listens.</summary>
public sealed class SiloEndpointOptions
{
    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// Port Orleans clients (gateways) connect to. Unset means 30000 in cluster mode and none in local
    /// mode, where the gateway is in the silo's own process.
    /// </summary>
    [Range(0, 65535)]
    public int? GatewayPort { get; set; }

    /// <summary>The address other silos reach this one on; empty means this host's resolved address.</summary>
    public string? AdvertisedAddress { get; set; }
}

/// <summary>The <c>Census:Dashboard</c> section: the Orleans dashboard a silo process may serve.</summary>
public sealed class ClusterDashboardOptions
{
    /// <summary>
    /// Serve the Orleans dashboard at <c>/dashboard</c> on the silo's HTTP endpoint (off by default).
    /// It shows grain state and live logs without any key: enable it on every silo, on an internal network only.
    /// </summary>
    public bool Enabled { get; set; }
}
