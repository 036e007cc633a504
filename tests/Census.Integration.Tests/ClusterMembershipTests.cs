using System.Net;
using System.Text.Json;
using Census.Integration.Tests.Infrastructure;

namespace Census.Integration.Tests;

public sealed class ClusterMembershipTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task Two_silo_processes_are_active_members_in_the_project_schema()
    {
        var rows = await cluster.Database.ScalarAsync<string>(
            "SELECT string_agg(port::text || ':' || status::text, ',' ORDER BY port) FROM orleans_membership");

        var expected = string.Join(",", new[] { cluster.First.SiloPort, cluster.Second.SiloPort }.Order().Select(p => $"{p}:3"));
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task The_gateway_is_ready_and_sees_both_silos_and_the_database()
    {
        using var client = cluster.Gateway.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal("healthy", checks["cluster"].GetProperty("status").GetString());
        Assert.Equal("2 active silo(s).", checks["cluster"].GetProperty("description").GetString());
        Assert.Equal("healthy", checks["database"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Both_silos_applied_the_schema_exactly_once_between_them()
    {
        var applied = await cluster.Database.ScalarAsync<long>("SELECT count(*) FROM census_schema_history");

        Assert.Equal(Census.Grains.Storage.Postgres.SchemaMigrator.Scripts.Count, applied);
    }
}
