using System.Text.Json.Nodes;
using Census.Contracts.Catalogue;
using Census.Contracts.Institutions;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Api.Tests.Catalogue;

/// <summary>The public catalogue over HTTP, without a key: a real release is listed, filtered and read; bad questions are problems.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class CatalogueApiTests(GatewayFixture gateway, CatalogueScene scene)
{
    private async Task<(HttpStatusCode Status, string? MediaType, JsonNode? Body)> Anonymous(string route)
    {
        using var client = gateway.Anonymous();
        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private async Task<JsonArray> Listed(string query)
    {
        var (status, _, body) = await Anonymous("/api/v1/catalogue?" + query);
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["items"]!.AsArray();
    }

    [Fact]
    public async Task A_published_release_is_listed_without_a_key_with_its_tier_licence_and_version()
    {
        await scene.Published(gateway);

        var items = await Listed("q=" + scene.InstitutionId);

        var entry = Assert.Single(items)!;
        Assert.Equal(scene.DatasetId, entry["datasetId"]!.GetValue<string>());
        Assert.Equal("민원 상담 기록", entry["title"]!.GetValue<string>());
        Assert.Equal("restricted", entry["tier"]!.GetValue<string>());
        Assert.Equal("kogl-type1", entry["license"]!.GetValue<string>());
        Assert.Equal("tabular", entry["modality"]!.GetValue<string>());
        Assert.Equal("public-administration", entry["sector"]!.GetValue<string>());
        Assert.StartsWith("국민권익위원회", entry["institutionName"]!.GetValue<string>(), StringComparison.Ordinal);
        var version = Assert.Single(entry["versions"]!.AsArray())!;
        Assert.Equal("1.0", version["version"]!.GetValue<string>());
        Assert.Equal(1, version["files"]!.GetValue<int>());
        Assert.Equal("data/complaints.csv", version["manifest"]![0]!["path"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("sector=public-administration", 1)]
    [InlineData("sector=finance", 0)]
    [InlineData("modality=tabular", 1)]
    [InlineData("modality=image", 0)]
    [InlineData("tier=restricted", 1)]
    [InlineData("tier=open", 0)]
    public async Task Filters_narrow_the_list(string filter, int expected)
    {
        await scene.Published(gateway);

        Assert.Equal(expected, (await Listed($"q={scene.InstitutionId}&{filter}")).Count);
    }

    [Fact]
    public async Task A_dataset_entry_and_its_uses_register_read_without_a_key()
    {
        await scene.Published(gateway);
        var datasetKey = CatalogueKeys.Dataset(scene.InstitutionId, scene.DatasetId);
        var catalogue = gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ICatalogueGrain>(CatalogueKeys.Instance);
        await catalogue.AddApprovedUse(datasetKey, new ApprovedUse(
            "req-" + scene.InstitutionId, "kaist", "research", "민원 분류 모델 연구", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90)));

        var (status, _, uses) = await Anonymous(scene.EntryRoute + "/uses");

        Assert.Equal(HttpStatusCode.OK, status);
        var use = Assert.Single(uses!.AsArray())!;
        Assert.Equal("kaist", use["organisation"]!.GetValue<string>());
        Assert.Equal("research", use["purpose"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_offer_shows_on_the_entry_once_set()
    {
        await scene.Published(gateway);
        var catalogue = gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ICatalogueGrain>(CatalogueKeys.Instance);
        await catalogue.SetOffer(CatalogueKeys.Dataset(scene.InstitutionId, scene.DatasetId),
            new CatalogueOffer(CataloguePricing.PerDownload, 50_000, "1", DateTimeOffset.UtcNow));

        // A question no test asked before: the answers are cached for a few seconds, and the scene has read the entry.
        var (_, _, entry) = await Anonymous($"/api/v1/catalogue?q={scene.InstitutionId}&pageSize=7");

        var offer = entry!["items"]![0]!["offer"]!;
        Assert.Equal("per-download", offer["pricing"]!.GetValue<string>());
        Assert.Equal(50_000, offer["priceKrw"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_not_providable_dataset_is_never_listed()
    {
        var grains = gateway.Factory.Services.GetRequiredService<IGrainFactory>();
        var institution = Ids.New("np");
        var record = new SurveyRecord { Title = "비공개 " + institution, Modality = Modality.Text, License = License.Proprietary, Formats = ["txt"] };
        await grains.GetGrain<ICatalogueGrain>(CatalogueKeys.Instance).Released(
            new CatalogueRelease("round-np", institution, "secret", "1.0", record, ReleaseTier.NotProvidable, Sector.Law));
        await grains.GetGrain<ICatalogueGrain>(CatalogueKeys.Instance).Versions(CatalogueKeys.Dataset(institution, "secret"), "법무부",
            [new CatalogueVersion("1.0", DateTimeOffset.UtcNow, 1, 10, [new CatalogueFile("a.txt", 10, new string('a', 64))], null)]);

        Assert.Empty(await Listed("q=" + institution));
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous($"/api/v1/catalogue/{institution}/secret")).Status);
    }

    [Theory]
    [InlineData("/api/v1/catalogue/no-such-institution/no-such-dataset")]
    [InlineData("/api/v1/catalogue/no-such-institution/no-such-dataset/uses")]
    public async Task An_unknown_dataset_is_a_404_problem(string route)
    {
        var (status, mediaType, body) = await Anonymous(route);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(404, body!["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=x", "page")]
    [InlineData("tier=secret", "tier")]
    [InlineData("sector=moon", "sector")]
    [InlineData("modality=smell", "modality")]
    public async Task Bad_paging_or_filters_are_a_400_problem_naming_the_parameter(string query, string field)
    {
        var (status, mediaType, body) = await Anonymous("/api/v1/catalogue?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.NotNull(body!["errors"]![field]);
    }

    [Fact]
    public async Task A_malformed_dataset_id_is_a_400_problem()
    {
        var (status, _, body) = await Anonymous("/api/v1/catalogue/Bad_Id/x");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["institutionId"]);
    }
}
