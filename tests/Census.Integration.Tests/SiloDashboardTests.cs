using System.Net;
using Census.Integration.Tests.Infrastructure;

namespace Census.Integration.Tests;

/// <summary>With <c>Census:Dashboard:Enabled=true</c> a silo process serves the Orleans dashboard at <c>/dashboard</c>.</summary>
public sealed class SiloDashboardTests : IAsyncLifetime
{
    private TestPostgres _database = null!;
    private SiloProcess _silo = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateAsync();
        var clusterId = "it-" + Guid.NewGuid().ToString("N")[..8];
        _silo = SiloProcess.Start(_database.ConnectionString, clusterId, new Dictionary<string, string> { ["Census__Dashboard__Enabled"] = "true" });
        using var client = new HttpClient { BaseAddress = _silo.HttpAddress };
        await Eventually.Succeeds(
            () => client.GetAsync("/health/ready"),
            r => r.StatusCode == HttpStatusCode.OK || _silo.HasExited,
            TimeSpan.FromSeconds(90),
            "silo ready");
        if (_silo.HasExited)
        {
            throw new InvalidOperationException("The silo exited during start-up:\n" + _silo.Output);
        }
    }

    public async Task DisposeAsync()
    {
        _silo?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_dashboard_is_served_when_enabled()
    {
        using var client = new HttpClient { BaseAddress = _silo.HttpAddress };

        using var response = await client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
