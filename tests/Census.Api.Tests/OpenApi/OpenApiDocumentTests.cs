using Census.Contracts.Surveys;

namespace Census.Api.Tests.OpenApi;

/// <summary>
/// Defect 15: the document at /openapi/v1.json is what client teams generate code from, so it must list
/// the enumerations' wire values, the required members (api.md), and every problem answer an operation can give.
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class OpenApiDocumentTests(GatewayFixture gateway)
{
    private static readonly string[] SurveyRecordRequired =
    [
        "title", "modality", "structure", "digitization", "formats", "volume", "collection", "availability",
        "lawfulToProvide", "license", "thirdPartyRights", "personalData", "labeling", "quality", "documentation", "maintenance",
    ];

    private static readonly string[] SurveyRecordOptional = ["description", "keywords", "sector", "coverage", "processingPlan", "contactEmail"];

    [Fact]
    public async Task Every_enumeration_schema_lists_its_kebab_case_wire_values()
    {
        var schemas = (await Document()).GetProperty("components").GetProperty("schemas");
        var enums = typeof(SurveyRecord).Assembly.GetExportedTypes().Where(t => t.IsEnum && schemas.TryGetProperty(t.Name, out _)).ToList();

        Assert.Contains(enums, t => t.Name == "Sector");
        Assert.Contains(enums, t => t.Name == "ProcessingStep");
        foreach (var type in enums)
        {
            var schema = schemas.GetProperty(type.Name);
            Assert.Equal("string", schema.GetProperty("type").GetString());
            var expected = Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName).ToList();
            Assert.Equal(expected, schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList());
        }
    }

    [Fact]
    public async Task Enumeration_values_are_spelled_as_api_md_spells_them()
    {
        var schemas = (await Document()).GetProperty("components").GetProperty("schemas");

        Assert.Equal(["none", "cleared", "not-cleared"], Values(schemas, "ThirdPartyRights"));
        Assert.Contains("kogl-type1", Values(schemas, "License"));
        Assert.Contains("cc-by-nc-sa", Values(schemas, "License"));
        Assert.Contains("science-technology", Values(schemas, "Sector"));
        Assert.Contains("time-series", Values(schemas, "Modality"));
        Assert.Contains("safe-zone-only", Values(schemas, "AvailabilityScope"));
        Assert.Contains("de-identification", Values(schemas, "ProcessingStep"));
    }

    [Fact]
    public async Task No_component_schema_is_empty()
    {
        var schemas = (await Document()).GetProperty("components").GetProperty("schemas");

        var empty = schemas.EnumerateObject()
            .Where(s => !s.Value.TryGetProperty("type", out _) && !s.Value.TryGetProperty("$ref", out _) &&
                        !s.Value.TryGetProperty("oneOf", out _) && !s.Value.TryGetProperty("allOf", out _) && !s.Value.TryGetProperty("anyOf", out _))
            .Select(s => s.Name).ToList();
        Assert.Empty(empty);
    }

    [Fact]
    public async Task SurveyRecord_requires_the_members_api_md_requires_and_offers_null_only_for_the_optional_ones()
    {
        var record = (await Document()).GetProperty("components").GetProperty("schemas").GetProperty("SurveyRecord");
        var properties = record.GetProperty("properties");

        Assert.Equal(SurveyRecordRequired.Order(), Required(record).Order());
        Assert.All(SurveyRecordRequired, name => Assert.False(Nullable(properties.GetProperty(name)), $"{name} is required but may be null"));
        Assert.All(SurveyRecordOptional, name => Assert.True(Nullable(properties.GetProperty(name)), $"{name} is optional but may not be null"));
    }

    [Theory]
    [InlineData("InstitutionRegistration", "id,name,kind,sector")]
    [InlineData("RoundDefinition", "id,title,deadline,selection")]
    [InlineData("SelectionPolicy", "quota")]
    [InlineData("RubricWeights", "c1,c2,c3,c4,c5,c6,c7,c8,c9,c10")]
    [InlineData("FinalizeRequest", "runId")]
    [InlineData("SurveyCollection", "purpose,provenanceDocumented")]
    [InlineData("SurveyQuality", "assessed,verified")]
    [InlineData("SurveyMaintenance", "updateFrequency,versioned")]
    public async Task Request_bodies_require_what_api_md_requires(string schemaName, string members)
    {
        var schema = (await Document()).GetProperty("components").GetProperty("schemas").GetProperty(schemaName);

        Assert.Equal(members.Split(',').Order(), Required(schema).Order());
        Assert.All(Required(schema), name => Assert.False(Nullable(schema.GetProperty("properties").GetProperty(name)), $"{schemaName}.{name} may be null"));
    }

    [Fact]
    public async Task Every_api_operation_documents_401_403_429_and_503_as_problem_json()
    {
        foreach (var (name, operation) in ApiOperations(await Document()).Where(o => !IsPublic(o.Operation)))
        {
            foreach (var status in new[] { "401", "403", "429", "503" })
            {
                AssertProblem(name, operation, status, "ProblemDetails");
            }
        }
    }

    [Fact]
    public async Task Public_api_operations_need_no_key_and_document_429_and_503_but_no_401_or_403()
    {
        var document = await Document();
        var publicOperations = ApiOperations(document).Where(o => IsPublic(o.Operation)).Select(o => o.Name).ToList();

        Assert.Equal(
            [
                "GET /api/v1/catalogue", "GET /api/v1/catalogue/catalog", "GET /api/v1/catalogue/{institutionId}/{datasetId}",
                "GET /api/v1/catalogue/{institutionId}/{datasetId}/uses",
                "GET /api/v1/institutions/{institutionId}/datasets/{datasetId}/agreements",
                "GET /api/v1/institutions/{institutionId}/datasets/{datasetId}/releases/{version}/offer",
                "GET /api/v1/rounds/{id}/selection/catalog", "GET /api/v1/rounds/{id}/selection/{institutionId}/{datasetId}/croissant",
            ],
            publicOperations.Order());
        foreach (var (name, operation) in ApiOperations(document).Where(o => IsPublic(o.Operation)))
        {
            AssertProblem(name, operation, "429", "ProblemDetails");
            AssertProblem(name, operation, "503", "ProblemDetails");
            Assert.False(operation.GetProperty("responses").TryGetProperty("401", out _), $"{name} is public but documents 401");
        }
    }

    [Fact]
    public async Task Operations_document_the_problems_their_inputs_can_cause()
    {
        foreach (var (name, operation) in ApiOperations(await Document()))
        {
            var path = name.Split(' ')[1];
            if (path.Contains('{', StringComparison.Ordinal))
            {
                AssertProblem(name, operation, "400", "ValidationProblem");
                AssertProblem(name, operation, "404", "ProblemDetails");
            }

            if (operation.TryGetProperty("requestBody", out _))
            {
                AssertProblem(name, operation, "400", "ValidationProblem");
                AssertProblem(name, operation, "413", "ProblemDetails");
                AssertProblem(name, operation, "415", "ProblemDetails");
            }
        }
    }

    [Fact]
    public async Task Every_POST_and_PUT_takes_an_Idempotency_Key_and_documents_its_reuse_as_422()
    {
        var writes = ApiOperations(await Document()).Where(o => o.Name.StartsWith("POST", StringComparison.Ordinal) || o.Name.StartsWith("PUT", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(writes);
        foreach (var (name, operation) in writes)
        {
            Assert.True(HeaderParameters(operation).Contains("Idempotency-Key"), $"{name} has no Idempotency-Key parameter");
            AssertProblem(name, operation, "422", "ProblemDetails");
        }
    }

    [Theory]
    [InlineData("put")]
    [InlineData("delete")]
    public async Task Survey_record_writes_take_If_Match_and_document_412(string method)
    {
        var operation = (await Document()).GetProperty("paths")
            .GetProperty("/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}").GetProperty(method);

        Assert.Contains("If-Match", HeaderParameters(operation));
        AssertProblem(method, operation, "412", "ProblemDetails");
    }

    [Fact]
    public async Task Only_writes_to_a_resource_with_revisions_take_If_Match()
    {
        var withIfMatch = ApiOperations(await Document()).Where(o => HeaderParameters(o.Operation).Contains("If-Match")).Select(o => o.Name).Order().ToList();

        Assert.Equal(
            ["DELETE /api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}",
             "PUT /api/v1/institutions/{institutionId}/datasets/{datasetId}/releases/{version}/files/{path}",
             "PUT /api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}",
             "PUT /api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}/case/delivered",
             "PUT /api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}/case/reviewers",
             "PUT /api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}/case/tasks/{step}"],
            withIfMatch);
    }

    [Theory]
    [InlineData("/api/v1/institutions", "post", "sector")]
    [InlineData("/api/v1/rounds", "post", "deadline")]
    [InlineData("/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}", "put", "thirdPartyRights")]
    public async Task The_first_session_request_bodies_have_examples(string path, string method, string member)
    {
        var example = (await Document()).GetProperty("paths").GetProperty(path).GetProperty(method)
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");

        Assert.Equal(JsonValueKind.String, example.GetProperty(member).ValueKind);
    }

    private async Task<JsonElement> Document()
    {
        using var client = gateway.Anonymous();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    private static List<(string Name, JsonElement Operation)> ApiOperations(JsonElement document) =>
        [.. document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => ($"{o.Name.ToUpperInvariant()} {p.Name}", o.Value)))];

    /// <summary>An operation that overrides the document's key requirement with an empty security list (OpenAPI's "no auth").</summary>
    private static bool IsPublic(JsonElement operation) =>
        operation.TryGetProperty("security", out var security) && security.GetArrayLength() == 0;

    private static void AssertProblem(string name, JsonElement operation, string status, string schema)
    {
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var response), $"{name} documents no {status}");
        var reference = response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal($"#/components/schemas/{schema}", reference);
    }

    private static HashSet<string> HeaderParameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? [.. parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()!)]
            : [];

    private static List<string?> Values(JsonElement schemas, string name) =>
        [.. schemas.GetProperty(name).GetProperty("enum").EnumerateArray().Select(v => v.GetString())];

    private static List<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];

    /// <summary>Whether a member's schema admits null: a null type, or a null alternative.</summary>
    private static bool Nullable(JsonElement member)
    {
        if (member.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "null");
        }

        return member.TryGetProperty("oneOf", out var alternatives) &&
               alternatives.EnumerateArray().Any(a => a.TryGetProperty("type", out var t) && t.GetString() == "null");
    }
}
