using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>The real gateway in cluster mode: an Orleans client of the silos on the test database.</summary>
public sealed class ClusterGateway(string connectionString, string clusterId) : WebApplicationFactory<Program>
{
    public const string AdminKey = "it-admin-4f9c2e71d08b5a36c1e7f0d294ab8c53";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Census:Mode", "cluster");
        builder.UseSetting("Census:ClusterId", clusterId);
        builder.UseSetting("Census:ServiceId", clusterId);
        builder.UseSetting("ConnectionStrings:Census", connectionString);
        builder.UseSetting("Census:Auth:AdminKeys:0", AdminKey);
        builder.UseSetting("Census:Releases:StorePath", ReleaseStore(clusterId));

        // Fault and failover tests drive load through one key: they test durability, not rate limits.
        builder.UseSetting("Census:RateLimits:Enabled", "false");
    }

    /// <summary>The release store every gateway of one test cluster shares, as a cluster's gateways share a volume.</summary>
    public static string ReleaseStore(string clusterId) => Path.Combine(Path.GetTempPath(), "census-releases", clusterId);

    /// <summary>
    /// Starts a gateway and returns once /health/ready answers 200. The gateway joins the cluster in the background
    /// (it answers 503 until then), so a test that sends work through a fresh gateway must wait for this first.
    /// </summary>
    public static async Task<ClusterGateway> StartAsync(string connectionString, string clusterId, TimeSpan? timeout = null)
    {
        var gateway = new ClusterGateway(connectionString, clusterId);
        try
        {
            using var client = gateway.CreateClient();
            await Eventually.Succeeds(() => client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK,
                timeout ?? TimeSpan.FromSeconds(60), "gateway ready");
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that sends <paramref name="key"/> as its Bearer key.</summary>
    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }
}
