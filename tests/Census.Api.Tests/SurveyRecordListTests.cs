namespace Census.Api.Tests;

/// <summary>api.md "Survey records" and "Conventions" (lists): an institution's records in a round, with scores, paged.</summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class SurveyRecordListTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_list_returns_each_record_with_its_revision_and_score()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("고친 제목"), HttpStatusCode.OK);

        var list = await ReadList(p.Agency, p.RoundId, p.InstitutionId, "");

        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(dataset, item.GetProperty("datasetId").GetString());
        Assert.Equal(2, item.GetProperty("revision").GetInt32());
        Assert.Equal("고친 제목", item.GetProperty("record").GetProperty("title").GetString());
        Assert.Equal(1, item.GetProperty("score").GetProperty("rubricVersion").GetInt32());
    }

    [Fact]
    public async Task The_list_pages_through_the_records_in_dataset_order()
    {
        var p = await gateway.NewParticipant();
        string[] datasets = ["ds-c", "ds-a", "ds-b"];
        foreach (var dataset in datasets)
        {
            await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        }

        var first = await ReadList(p.Agency, p.RoundId, p.InstitutionId, "?page=1&pageSize=2");
        var second = await ReadList(p.Agency, p.RoundId, p.InstitutionId, "?page=2&pageSize=2");

        Assert.Equal(["ds-a", "ds-b"], DatasetIds(first));
        Assert.Equal(["ds-c"], DatasetIds(second));
        Assert.All(new[] { first, second }, page =>
        {
            Assert.Equal(3, page.GetProperty("total").GetInt32());
            Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        });
        Assert.Equal(2, second.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task An_institution_with_no_records_has_an_empty_list()
    {
        var p = await gateway.NewParticipant();

        var list = await ReadList(p.Agency, p.RoundId, p.InstitutionId, "");

        Assert.Empty(list.GetProperty("items").EnumerateArray());
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_list_holds_only_this_institutions_records()
    {
        var first = await gateway.NewInstitution();
        var second = await gateway.NewInstitution();
        var round = await gateway.NewOpenRound(first, second);
        await gateway.Surveys.PutValid(round, first, "ds-first");
        await gateway.Surveys.PutValid(round, second, "ds-second");

        var list = await ReadList(gateway.Surveys, round, first, "");

        Assert.Equal(["ds-first"], DatasetIds(list));
    }

    [Theory]
    [InlineData("?pageSize=501", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-1", "page")]
    [InlineData("?pageSize=x", "pageSize")]
    public async Task A_bad_paging_parameter_of_the_record_list_is_400_naming_it(string query, string field)
    {
        var p = await gateway.NewParticipant();

        using var response = await p.Agency.List(p.RoundId, p.InstitutionId, query);

        await response.AssertFieldErrors(field);
    }

    internal static async Task<JsonElement> ReadList(SurveyRoutes routes, string roundId, string institutionId, string query)
    {
        using var response = await routes.List(roundId, institutionId, query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    private static string[] DatasetIds(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("datasetId").GetString()!)];
}
