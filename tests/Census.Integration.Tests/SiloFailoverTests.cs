using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Census.Contracts.Institutions;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Integration.Tests;

public sealed class SiloFailoverTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task State_written_through_a_silo_is_read_after_that_silo_is_killed()
    {
        using var client = cluster.Gateway.CreateAdminClient();
        var ids = Enumerable.Range(0, 12).Select(i => $"failover-{i:00}").ToList();
        foreach (var id in ids)
        {
            var created = await client.PostAsJsonAsync("/api/v1/institutions",
                new { id, name = $"기관 {id}", kind = "public-institution", sector = "health-medical" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // Kill the silo that hosts the first institution, so the test cannot pass by luck of placement.
        var grains = cluster.Gateway.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var host = await management.GetActivationAddress(grains.GetGrain<IInstitutionGrain>(ids[0]));
        Assert.NotNull(host);
        var victim = host.Endpoint.Port == cluster.First.SiloPort ? cluster.First : cluster.Second;
        Assert.Equal(host.Endpoint.Port, victim.SiloPort);

        victim.Kill();

        foreach (var id in ids)
        {
            var response = await Eventually.Succeeds(
                () => client.GetAsync($"/api/v1/institutions/{id}"),
                r => r.StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(90),
                $"reading {id} after the kill");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(id, body.RootElement.GetProperty("id").GetString());
            Assert.Equal($"기관 {id}", body.RootElement.GetProperty("name").GetString());
        }

        // The survivor declares the killed silo dead in the membership table.
        await Eventually.Succeeds(
            () => cluster.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE status = 3"),
            active => active == 1,
            TimeSpan.FromSeconds(60),
            "one active silo left");
    }
}
