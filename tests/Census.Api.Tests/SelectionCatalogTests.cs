using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>
/// api.md "Bulk intake and exchange": <c>GET …/selection/catalog</c> (DCAT-AP 3.0.1, JSON-LD or Turtle) and
/// <c>GET …/selection/{institutionId}/{datasetId}/croissant</c> (Croissant 1.0): public once the round is
/// finalized, 404 before, 406 for a media type they do not serve.
/// </summary>
[Collection(SelectionCatalogCollection.Name)]
public sealed class SelectionCatalogTests(GatewayFixture gateway) : IAsyncLifetime
{
    private const string Dcat = "http://www.w3.org/ns/dcat#";
    private SelectionCatalogScene _scene = null!;

    public async Task InitializeAsync() => _scene = await SelectionCatalogScene.Finalized(gateway);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> GetAnonymous(string route, string? accept = null)
    {
        using var client = gateway.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }

    private async Task<JsonArray> CatalogGraph()
    {
        using var response = await GetAnonymous(SelectionCatalogScene.CatalogRoute(_scene.RoundId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["@graph"]!.AsArray();
    }

    private static IEnumerable<JsonObject> OfType(JsonArray graph, string type) =>
        graph.Select(n => n!.AsObject()).Where(n => n["@type"]?.AsArray().Any(t => t!.GetValue<string>() == type) == true);

    private static string Id(JsonObject node) => node["@id"]!.GetValue<string>();

    [Fact]
    public async Task The_catalog_of_a_finalized_round_is_public_JSON_LD_listing_exactly_the_selected_datasets()
    {
        using var response = await GetAnonymous(SelectionCatalogScene.CatalogRoute(_scene.RoundId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var graph = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["@graph"]!.AsArray();
        var datasets = OfType(graph, "dcat:Dataset").Select(n => n["dct:identifier"]![0]!["@value"]!.GetValue<string>()).Order();
        Assert.Equal(
            new[] { $"{_scene.InstitutionA}/{SelectionCatalogScene.Proprietary}", $"{_scene.InstitutionA}/{SelectionCatalogScene.Tricky}", $"{_scene.InstitutionB}/{SelectionCatalogScene.Plain}" }.Order(),
            datasets);
        var catalog = Assert.Single(OfType(graph, "dcat:Catalog"));
        Assert.Equal(3, catalog["dcat:dataset"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_catalog_is_Turtle_when_the_client_asks_for_it_with_strings_escaped()
    {
        using var response = await GetAnonymous(SelectionCatalogScene.CatalogRoute(_scene.RoundId), "text/turtle");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/turtle", response.Content.Headers.ContentType?.MediaType);
        var turtle = await response.Content.ReadAsStringAsync();
        Assert.Contains("@prefix dcat: <http://www.w3.org/ns/dcat#> .", turtle, StringComparison.Ordinal);
        Assert.Contains("\"Line \\\"one\\\" with a back\\\\slash,\\r\\nline two\\twith a tab — 끝.\"@ko", turtle, StringComparison.Ordinal);
        Assert.Contains("^^xsd:decimal", turtle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_answers_in_the_media_type_the_client_ranks_highest()
    {
        using var response = await GetAnonymous(SelectionCatalogScene.CatalogRoute(_scene.RoundId), "text/turtle;q=0.4, application/ld+json;q=0.9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/csv")]
    [InlineData("text/turtle;q=0")]
    public async Task The_catalog_in_a_media_type_it_does_not_serve_is_406(string accept)
    {
        using var response = await GetAnonymous(SelectionCatalogScene.CatalogRoute(_scene.RoundId), accept);

        await response.AssertProblem(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task A_round_that_is_not_finalized_has_no_catalog_and_no_croissant()
    {
        var institution = await gateway.NewInstitution("cat-open");
        var roundId = await gateway.NewOpenRound(institution);
        await gateway.Surveys.PutValid(roundId, institution, "ds-open");

        using var catalog = await GetAnonymous(SelectionCatalogScene.CatalogRoute(roundId));
        using var croissant = await GetAnonymous(SelectionCatalogScene.CroissantRoute(roundId, institution, "ds-open"));

        await catalog.AssertProblem(HttpStatusCode.NotFound);
        await croissant.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_round_is_404_and_a_malformed_id_is_400()
    {
        using var unknown = await GetAnonymous(SelectionCatalogScene.CatalogRoute(Ids.New("nope")));
        using var malformed = await GetAnonymous(SelectionCatalogScene.CatalogRoute("Not_An_Id"));

        await unknown.AssertProblem(HttpStatusCode.NotFound);
        await malformed.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_dataset_carries_its_selection_scores_and_criterion_levels_as_DQV_measurements_of_metrics_defined_once()
    {
        using var selectionResponse = await gateway.Admin.Client.GetAsync($"/api/v1/rounds/{_scene.RoundId}/selection");
        var selected = (await selectionResponse.ReadJson()).EnumerateArray()
            .Single(r => r.GetProperty("datasetId").GetString() == SelectionCatalogScene.Tricky);
        var graph = await CatalogGraph();
        var dataset = OfType(graph, "dcat:Dataset").Single(n => Id(n).EndsWith("/" + SelectionCatalogScene.Tricky, StringComparison.Ordinal));
        var measurements = dataset["dqv:hasQualityMeasurement"]!.AsArray().Select(m => m!["@id"]!.GetValue<string>()).ToHashSet();
        var byId = OfType(graph, "dqv:QualityMeasurement").Where(m => measurements.Contains(Id(m))).ToDictionary(Id);

        Assert.Equal(22, byId.Count);
        Assert.Equal(12, OfType(graph, "dqv:Metric").Count());
        var post = byId[Id(dataset) + "#score-post"]["dqv:value"]![0]!;
        Assert.Equal("xsd:decimal", post["@type"]!.GetValue<string>());
        Assert.Equal(selected.GetProperty("post").GetDecimal(), decimal.Parse(post["@value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var c1 = byId[Id(dataset) + "#c1-now"];
        Assert.EndsWith("/metrics/c1", c1["dqv:isMeasurementOf"]![0]!["@id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Datasets_map_licence_access_rights_themes_formats_and_publisher_to_the_EU_vocabularies()
    {
        var graph = await CatalogGraph();
        JsonObject Dataset(string id) => OfType(graph, "dcat:Dataset").Single(n => Id(n).EndsWith("/" + id, StringComparison.Ordinal));
        string Ref(JsonObject node, string property) => node[property]![0]!["@id"]!.GetValue<string>();

        var tricky = Dataset(SelectionCatalogScene.Tricky);
        var plain = Dataset(SelectionCatalogScene.Plain);
        var proprietary = Dataset(SelectionCatalogScene.Proprietary);

        Assert.Equal("https://www.kogl.or.kr/info/licenseType1.do", Ref(tricky, "dct:license"));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", Ref(plain, "dct:license"));
        Assert.Equal("http://publications.europa.eu/resource/authority/access-right/PUBLIC", Ref(tricky, "dct:accessRights"));
        Assert.Equal("http://publications.europa.eu/resource/authority/access-right/RESTRICTED", Ref(proprietary, "dct:accessRights"));
        Assert.Equal("http://publications.europa.eu/resource/authority/data-theme/TECH", Ref(tricky, "dcat:theme"));
        Assert.Equal("http://publications.europa.eu/resource/authority/data-theme/JUST", Ref(plain, "dcat:theme"));
        var formats = tricky["dcat:distribution"]!.AsArray().Select(d => graph.Single(n => Id(n!.AsObject()) == d!["@id"]!.GetValue<string>())!.AsObject())
            .Select(d => d["dct:format"]?[0]?["@id"]?.GetValue<string>()).ToList();
        Assert.Equal(
            ["http://publications.europa.eu/resource/authority/file-type/CSV", "http://publications.europa.eu/resource/authority/file-type/PARQUET", null],
            formats);
        var publisher = graph.Single(n => Id(n!.AsObject()) == Ref(tricky, "dct:publisher"))!.AsObject();
        Assert.Contains("foaf:Agent", publisher["@type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("mailto:" + SurveyRecords.Valid()["contactEmail"]!.GetValue<string>(), graph.Single(n => Id(n!.AsObject()) == Ref(tricky, "dcat:contactPoint"))!["vcard:hasEmail"]![0]!["@id"]!.GetValue<string>());
        Assert.Null(plain["dcat:contactPoint"]);
    }

    [Fact]
    public async Task The_catalog_is_issued_when_the_round_was_finalized_and_the_round_names_its_final_run()
    {
        var round = await gateway.Rounds.Read(_scene.RoundId);
        var graph = await CatalogGraph();
        var catalog = Assert.Single(OfType(graph, "dcat:Catalog"));

        Assert.Equal(_scene.RunId, round.GetProperty("finalRunId").GetString());
        var finalizedAt = round.GetProperty("finalizedAt").GetDateTimeOffset();
        var issued = catalog["dct:issued"]![0]!;
        Assert.Equal("xsd:dateTime", issued["@type"]!.GetValue<string>());
        Assert.Equal(finalizedAt.ToUnixTimeSeconds(), DateTimeOffset.Parse(issued["@value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_croissant_of_a_selected_dataset_is_public_and_has_the_required_properties_and_RAI_fields()
    {
        using var response = await GetAnonymous(SelectionCatalogScene.CroissantRoute(_scene.RoundId, _scene.InstitutionA, SelectionCatalogScene.Proprietary));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("sc:Dataset", document["@type"]!.GetValue<string>());
        Assert.Equal("http://mlcommons.org/croissant/1.0", document["conformsTo"]!.GetValue<string>());
        Assert.Equal("내부 행정 자료", document["name"]!.GetValue<string>());
        foreach (var property in new[] { "description", "license", "url", "creator", "datePublished", "version", "distribution",
                     "rai:dataCollection", "rai:personalSensitiveInformation", "rai:dataPreprocessingProtocol", "rai:dataLimitations" })
        {
            Assert.True(document[property] is not null, $"Croissant property {property} is missing.");
        }

        Assert.Equal(2, document["rai:dataPreprocessingProtocol"]!.AsArray().Count);
        Assert.All(document["distribution"]!.AsArray(), f => Assert.Equal("cr:FileObject", f!["@type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_croissant_of_a_dataset_outside_the_selection_is_404()
    {
        using var ineligible = await GetAnonymous(SelectionCatalogScene.CroissantRoute(_scene.RoundId, _scene.InstitutionB, SelectionCatalogScene.Ineligible));
        using var unknown = await GetAnonymous(SelectionCatalogScene.CroissantRoute(_scene.RoundId, _scene.InstitutionB, "ds-unknown"));

        await ineligible.AssertProblem(HttpStatusCode.NotFound);
        await unknown.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_croissant_in_a_media_type_it_does_not_serve_is_406()
    {
        using var response = await GetAnonymous(SelectionCatalogScene.CroissantRoute(_scene.RoundId, _scene.InstitutionA, SelectionCatalogScene.Tricky), "text/turtle");

        await response.AssertProblem(HttpStatusCode.NotAcceptable);
    }
}
