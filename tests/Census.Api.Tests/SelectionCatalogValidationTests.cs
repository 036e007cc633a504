using System.Text.Json.Nodes;
using Census.Api.Tests.OpenApi;
using Xunit.Abstractions;

namespace Census.Api.Tests;

/// <summary>
/// The exported catalogue conforms to the official DCAT-AP 3.0.1 SHACL shapes (tests/shacl/shapes): a real
/// finalized selection, exported in both syntaxes, gets zero violations from tests/shacl/validate.mjs
/// (rdf-validate-shacl; tests/run.sh runs <c>npm ci</c> there). And the validator bites: the same export
/// without a dataset's mandatory dct:description (shapes.ttl), or with a format outside the EU file-type table
/// (mdr-vocabularies.shape.ttl), gets violations.
/// </summary>
[Collection(SelectionCatalogCollection.Name)]
public sealed class SelectionCatalogValidationTests(GatewayFixture gateway, ITestOutputHelper output)
{
    private static readonly string ValidatorDirectory = Path.Combine(ToolRun.RepositoryRoot, "tests", "shacl");

    private async Task<string> Export(string roundId, string mediaType)
    {
        using var client = gateway.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, SelectionCatalogScene.CatalogRoute(roundId));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(ToolRun Run, JsonObject Report)> Validate(string document, string extension)
    {
        Assert.True(Directory.Exists(Path.Combine(ValidatorDirectory, "node_modules", "rdf-validate-shacl")),
            $"The validator's packages are missing: run `npm ci` in {ValidatorDirectory} (tests/run.sh does).");
        using var data = new TempDataDirectory();
        var path = Path.Combine(data.Path, "catalog" + extension);
        await File.WriteAllTextAsync(path, document);

        var run = await ToolRun.RunAsync("node", ["validate.mjs", path], ValidatorDirectory, TimeSpan.FromMinutes(2));
        var report = JsonNode.Parse(run.Output[..(run.Output.LastIndexOf('}') + 1)])!.AsObject();
        return (run, report);
    }

    // Warnings do not fail (DCAT-AP's own severity); they are shown so a reader sees what the shapes still suggest.
    private void Warnings(JsonObject report)
    {
        foreach (var warning in report["warnings"]!.AsArray())
        {
            output.WriteLine($"{warning!["severity"]} {warning["focusNode"]} {warning["path"]}: {string.Join(" ", warning["message"]!.AsArray())}");
        }
    }

    [Fact]
    public async Task The_JSON_LD_catalog_of_a_real_selection_has_no_SHACL_violation()
    {
        var scene = await SelectionCatalogScene.Finalized(gateway);

        var (run, report) = await Validate(await Export(scene.RoundId, "application/ld+json"), ".jsonld");

        Assert.True(run.ExitCode == 0, "SHACL violations:\n" + run.Output);
        Assert.Empty(report["violations"]!.AsArray());
        Assert.True(report["triples"]!.GetValue<int>() > 100);
        Warnings(report);
    }

    [Fact]
    public async Task The_Turtle_catalog_of_a_real_selection_has_no_SHACL_violation()
    {
        var scene = await SelectionCatalogScene.Finalized(gateway);

        var (run, report) = await Validate(await Export(scene.RoundId, "text/turtle"), ".ttl");

        Assert.True(run.ExitCode == 0, "SHACL violations:\n" + run.Output);
        Assert.Empty(report["violations"]!.AsArray());
        Assert.True(report["triples"]!.GetValue<int>() > 100);
        Warnings(report);
    }

    [Fact]
    public async Task A_catalog_whose_dataset_lacks_its_mandatory_description_gets_violations()
    {
        var scene = await SelectionCatalogScene.Finalized(gateway);
        var document = JsonNode.Parse(await Export(scene.RoundId, "application/ld+json"))!.AsObject();
        var dataset = document["@graph"]!.AsArray().Select(n => n!.AsObject())
            .First(n => n["@type"]!.AsArray().Any(t => t!.GetValue<string>() == "dcat:Dataset"));
        dataset.Remove("dct:description");

        var (run, report) = await Validate(document.ToJsonString(), ".jsonld");

        Assert.Equal(1, run.ExitCode);
        var violation = Assert.Single(report["violations"]!.AsArray());
        Assert.Equal("http://purl.org/dc/terms/description", violation!["path"]!.GetValue<string>());
        Assert.Equal(dataset["@id"]!.GetValue<string>(), violation["focusNode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_catalog_whose_file_format_is_outside_the_EU_file_type_table_gets_violations()
    {
        var scene = await SelectionCatalogScene.Finalized(gateway);
        var document = JsonNode.Parse(await Export(scene.RoundId, "application/ld+json"))!.AsObject();
        var csv = document["@graph"]!.AsArray().Select(n => n!.AsObject())
            .Single(n => n["@id"]!.GetValue<string>() == "http://publications.europa.eu/resource/authority/file-type/CSV");
        csv.Remove("skos:inScheme");

        var (run, report) = await Validate(document.ToJsonString(), ".jsonld");

        Assert.Equal(1, run.ExitCode);
        Assert.All(report["violations"]!.AsArray(), v => Assert.Equal("http://purl.org/dc/terms/format", v!["path"]!.GetValue<string>()));
        Assert.NotEmpty(report["violations"]!.AsArray());
    }
}
