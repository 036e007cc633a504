using System.Text.Json.Nodes;
using Census.Api.Tests.OpenApi;

namespace Census.Api.Tests.Catalogue;

/// <summary>
/// The catalogue of released datasets as DCAT-AP 3.0.1 (GET /api/v1/catalogue/catalog) conforms to the official SHACL
/// shapes (tests/shacl, as the selection's export does), with a distribution per released file.
/// </summary>
[Collection(CatalogueCollection.Name)]
public sealed class CatalogueDcatTests(GatewayFixture gateway, CatalogueScene scene)
{
    private static readonly string ValidatorDirectory = Path.Combine(ToolRun.RepositoryRoot, "tests", "shacl");

    private async Task<string> Export(string mediaType)
    {
        using var client = gateway.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalogue/catalog");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(ToolRun Run, JsonObject Report)> Validate(string document, string extension)
    {
        Assert.True(Directory.Exists(Path.Combine(ValidatorDirectory, "node_modules", "rdf-validate-shacl")),
            $"The validator's packages are missing: run `npm ci` in {ValidatorDirectory} (tests/run.sh does).");
        using var data = new TempDataDirectory();
        var path = Path.Combine(data.Path, "catalogue" + extension);
        await File.WriteAllTextAsync(path, document);
        var run = await ToolRun.RunAsync("node", ["validate.mjs", path], ValidatorDirectory, TimeSpan.FromMinutes(2));
        return (run, JsonNode.Parse(run.Output[..(run.Output.LastIndexOf('}') + 1)])!.AsObject());
    }

    [Theory]
    [InlineData("application/ld+json", ".jsonld")]
    [InlineData("text/turtle", ".ttl")]
    public async Task The_catalogue_of_released_datasets_has_no_SHACL_violation(string mediaType, string extension)
    {
        await scene.Published(gateway);
        var document = await Export(mediaType);

        var (run, report) = await Validate(document, extension);

        Assert.True(run.ExitCode == 0, "SHACL violations:\n" + run.Output);
        Assert.Empty(report["violations"]!.AsArray());
        Assert.Contains($"/console/catalogue/{scene.InstitutionId}/{scene.DatasetId}#v1.0-file-1", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_without_a_distribution_access_url_gets_violations()
    {
        await scene.Published(gateway);
        var document = JsonNode.Parse(await Export("application/ld+json"))!.AsObject();
        var graph = document["@graph"]!.AsArray();
        var distribution = graph.First(n => n!["@id"]!.GetValue<string>().EndsWith("#v1.0-file-1", StringComparison.Ordinal))!.AsObject();
        Assert.True(distribution.Remove("dcat:accessURL"), "the distribution had an access URL to remove: " + distribution.ToJsonString());

        var (run, report) = await Validate(document.ToJsonString(), ".jsonld");

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(report["violations"]!.AsArray());
    }
}
