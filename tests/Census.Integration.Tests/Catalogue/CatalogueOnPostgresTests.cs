using System.Net;
using System.Text.Json;
using Census.Integration.Tests.Infrastructure;
using Census.Testing;

namespace Census.Integration.Tests.Catalogue;

/// <summary>
/// Issue 14's public catalogue on the PostgreSQL cluster: a release published through the provision journey reaches the
/// catalogue (case → catalogue → the dataset's feed, across two silo processes, in ADO.NET grain storage) and reads
/// without a key through the gateway.
/// </summary>
public sealed class CatalogueOnPostgresTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    private static readonly TimeSpan FeedTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_published_release_is_in_the_public_catalogue_on_the_cluster()
    {
        using var admin = cluster.Gateway.CreateAdminClient();
        var outcome = await new ProvisionJourney(admin, cluster.Gateway.CreateClientWithKey).RunAsync();
        var route = $"/api/v1/catalogue/{outcome.Case.GetProperty("institutionId").GetString()}/{outcome.Case.GetProperty("datasetId").GetString()}";

        using var anonymous = cluster.Gateway.CreateClient();
        var until = DateTimeOffset.UtcNow + FeedTimeout;
        HttpResponseMessage response;
        while ((response = await anonymous.GetAsync(new Uri(route, UriKind.Relative))).StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            Assert.True(DateTimeOffset.UtcNow < until, $"{route} is in the catalogue within {FeedTimeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var entry = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("restricted", entry.RootElement.GetProperty("tier").GetString());
            Assert.Equal("1.0", entry.RootElement.GetProperty("versions")[0].GetProperty("version").GetString());
            Assert.Equal(outcome.ManifestSha256, entry.RootElement.GetProperty("versions")[0].GetProperty("manifest")[0].GetProperty("sha256").GetString());
        }
    }
}
