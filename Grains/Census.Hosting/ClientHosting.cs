using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Census.Hosting;

/// <summary>How a cluster-mode gateway joins the cluster as an Orleans client.</summary>
public static class ClientHosting
{
    public static IClientBuilder AddCensusClient(this IClientBuilder client, IConfiguration configuration)
    {
        var options = client.Services.AddCensusSettings(configuration);
        var connectionString = ConnectionStrings.Require(configuration);
        client.AddActivityPropagation();
        client.Services.TryAddSingleton(TimeProvider.System);
        client.Services.AddSingleton<IClientConnectionRetryFilter, ClusterConnectRetry>();
        client.Configure<ClientMessagingOptions>(ClusterTimings.Client);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        client.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(DatabaseExceptions.CrossTheWire);
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = SiloHosting.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        return client;
    }
}
