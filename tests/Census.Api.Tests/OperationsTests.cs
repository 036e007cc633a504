using System.Net.Sockets;

namespace Census.Api.Tests;

/// <summary>api.md "Operations": public routes for probes, the OpenAPI document and the docs page.</summary>
[Collection(OperationsCollection.Name)]
public sealed class OperationsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Liveness_answers_200_without_a_key()
    {
        using var client = gateway.Anonymous();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_answers_200_with_cluster_and_local_store_healthy()
    {
        using var client = gateway.Anonymous();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJson();
        Assert.Equal("healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetValueOrDefault("cluster"));
        Assert.Equal("healthy", checks.GetValueOrDefault("local-store"));
    }

    [Fact]
    public async Task OpenApi_document_is_public_json_listing_the_institution_paths()
    {
        using var client = gateway.Anonymous();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var paths = (await response.ReadJson()).GetProperty("paths");
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/institutions", names);
        Assert.Contains("/api/v1/institutions/{id}", names);
        Assert.Contains("/api/v1/institutions/{id}/api-keys", names);
        Assert.Contains("/api/v1/institutions/{id}/api-keys/{keyId}", names);
    }

    [Fact]
    public async Task Docs_page_is_reachable_without_a_key()
    {
        using var client = gateway.Anonymous();

        using var response = await client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_route_is_404_problem_json()
    {
        using var response = await gateway.Admin.Client.GetAsync("/api/v1/no-such-thing");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Local_mode_keeps_its_store_in_the_configured_data_directory()
    {
        using var response = await gateway.Admin.List();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.True(File.Exists(Path.Combine(gateway.Factory.DataDirectory, "census.db")),
            "census.db is not in the configured data directory: the Census settings did not reach the gateway.");
    }

    [Fact]
    public async Task Local_silo_listens_on_the_configured_port()
    {
        using var response = await gateway.Admin.List();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var probe = new TcpClient();
        await probe.ConnectAsync(IPAddress.Loopback, gateway.Factory.SiloPort);

        Assert.True(probe.Connected);
    }
}
