using Census.Contracts.Access;
using System.Net;
using Census.Contracts.Rounds;
using Census.Domain.Serialization;
using Census.Grains.Storage;
using Census.Grains.Diagnostics;
using Census.Grains.Rounds;
using Census.Grains.Surveys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Hosting.Kubernetes;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;

namespace Census.Hosting;

/// <summary>
/// How a census silo is configured, in one place: the Silo host and the local-mode gateway (which
/// hosts its own silo) both call <see cref="AddCensusSilo"/>.
/// </summary>
public static class SiloHosting
{
    public const string AdoNetInvariant = CensusStorage.AdoNetInvariant;
    public const int DefaultGatewayPort = 30000;

    public static ISiloBuilder AddCensusSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = silo.Services.AddCensusSettings(configuration);
        silo.Services.AddCensusMetrics();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSurveyIndexSweeper();
        silo.Configure<ClusterMembershipOptions>(ClusterTimings.Membership);
        // Grain calls carry the caller's trace context, so a request's spans continue across silos.
        silo.AddActivityPropagation();

        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        silo.Services.Configure<ExceptionSerializationOptions>(DatabaseExceptions.CrossTheWire);
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o =>
        {
            CensusJson.Configure(o.JsonSerializerOptions);
            // Stored state is read by this service only: keep Korean text as UTF-8, not \uXXXX escapes.
            o.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });

        // Reminders are kept in memory in local mode; waking the open rounds re-arms their deadlines
        // (and closes any whose deadline passed while the service was down). Harmless in a cluster.
        silo.AddStartupTask(static async (services, _) =>
        {
            var grains = services.GetRequiredService<IGrainFactory>();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Census.Startup");
            var open = await grains.GetGrain<IRoundRegistryGrain>(IRoundRegistryGrain.Key).OpenRounds();
            foreach (var id in open)
            {
                // One round that cannot activate must not keep the silo from starting: its reminder
                // (cluster mode) or the next call to it retries.
                try
                {
                    await grains.GetGrain<ICensusRoundGrain>(id).Get();
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Could not wake open round {RoundId} at start-up", id);
                }
            }

            // Likewise every live grant: an activated grant re-arms its expiry reminder, and one whose period ended
            // while the service was down expires at once (recorded on its ledger once, however many silos wake it).
            IReadOnlyList<string> live = [];
            try
            {
                live = await grains.GetGrain<IAccessBoardGrain>(IAccessBoardGrain.Key).LiveGrants();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Could not list the live grants at start-up");
            }

            foreach (var id in live)
            {
                try
                {
                    await grains.GetGrain<IGrantGrain>(id).Get();
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Could not wake grant {GrantId} at start-up", id);
                }
            }
        });

        if (options.Mode == CensusMode.Local)
        {
            ConfigureLocal(silo, options);
        }
        else
        {
            ConfigureCluster(silo, options, ConnectionStrings.Require(configuration));
        }

        return silo;
    }

    private static void ConfigureLocal(ISiloBuilder silo, CensusOptions options)
    {
        // One process, one silo: localhost clustering. The gateway is in-process, so the silo needs
        // no client gateway port unless one is configured.
        silo.UseLocalhostClustering(
            siloPort: options.Silo.SiloPort,
            gatewayPort: options.Silo.GatewayPort ?? 0,
            serviceId: options.ServiceId,
            clusterId: options.ClusterId);
        silo.UseInMemoryReminderService();
        silo.AddCensusLocalStorage(options.LocalDatabasePath);
    }

    private static void ConfigureCluster(ISiloBuilder silo, CensusOptions options, string connectionString)
    {
        var advertised = string.IsNullOrWhiteSpace(options.Silo.AdvertisedAddress)
            ? null
            : IPAddress.Parse(options.Silo.AdvertisedAddress);
        var gatewayPort = options.Silo.GatewayPort ?? DefaultGatewayPort;
        if (options.Kubernetes.Enabled)
        {
            // Kubernetes hosting names the silo after its pod, listens on any address, and declares a
            // silo dead as soon as its pod is deleted. It only watches pods: membership itself stays in
            // PostgreSQL (below). It would advertise POD_IP only when no address is set yet, but Orleans'
            // own default (an address of the host's interfaces) is filled in before it looks: so the pod IP from
            // the downward API is taken here, unless an address is configured.
            var podIp = advertised
                ?? (IPAddress.TryParse(Environment.GetEnvironmentVariable(KubernetesHostingOptions.PodIPEnvironmentVariable), out var ip) ? ip : null);
            silo.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = options.Silo.SiloPort;
                o.GatewayPort = gatewayPort;
                if (podIp is not null)
                {
                    o.AdvertisedIPAddress = podIp;
                }
            });
            silo.UseKubernetesHosting();
        }
        else if (advertised is null)
        {
            silo.ConfigureEndpoints(options.Silo.SiloPort, gatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(advertised, options.Silo.SiloPort, gatewayPort, listenOnAnyHostAddress: true);
        }

        silo.AddCensusPostgresStorage(connectionString);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
    }
}
