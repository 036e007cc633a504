namespace Census.Api.Tests;

/// <summary>api.md "Institutions" and "Lists": <c>GET /api/v1/institutions?sector=&amp;kind=&amp;page=&amp;pageSize=</c>.</summary>
[Collection(InstitutionsCollection.Name)]
public sealed class InstitutionListingTests(GatewayFixture gateway)
{
    private static List<string> IdsIn(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task A_list_answers_with_items_page_pageSize_and_total()
    {
        await gateway.Admin.RegisterValid(Ids.New());

        using var response = await gateway.Admin.List();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJson();
        Assert.Equal(["items", "page", "pageSize", "total"], page.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(50, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task Filtering_by_sector_returns_only_that_sector()
    {
        var inLaw = Ids.New();
        var inFinance = Ids.New();
        await gateway.Admin.RegisterValid(inLaw, b => b.With("sector", "law"));
        await gateway.Admin.RegisterValid(inFinance, b => b.With("sector", "finance"));

        using var response = await gateway.Admin.List("?sector=law&pageSize=500");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJson();
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("law", i.GetProperty("sector").GetString()));
        Assert.Contains(inLaw, IdsIn(page));
        Assert.DoesNotContain(inFinance, IdsIn(page));
    }

    [Fact]
    public async Task Filtering_by_kind_returns_only_that_kind()
    {
        var local = Ids.New();
        var research = Ids.New();
        await gateway.Admin.RegisterValid(local, b => b.With("kind", "local-government"));
        await gateway.Admin.RegisterValid(research, b => b.With("kind", "education-research"));

        using var response = await gateway.Admin.List("?kind=local-government&pageSize=500");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJson();
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("local-government", i.GetProperty("kind").GetString()));
        Assert.Contains(local, IdsIn(page));
        Assert.DoesNotContain(research, IdsIn(page));
    }

    [Fact]
    public async Task Sector_and_kind_filters_combine()
    {
        var both = Ids.New();
        var sectorOnly = Ids.New();
        var kindOnly = Ids.New();
        await gateway.Admin.RegisterValid(both, b => b.With("sector", "unification-diplomacy").With("kind", "public-institution"));
        await gateway.Admin.RegisterValid(sectorOnly, b => b.With("sector", "unification-diplomacy").With("kind", "other"));
        await gateway.Admin.RegisterValid(kindOnly, b => b.With("sector", "education").With("kind", "public-institution"));

        using var response = await gateway.Admin.List("?sector=unification-diplomacy&kind=public-institution&pageSize=500");

        var ids = IdsIn(await response.ReadJson());
        Assert.Contains(both, ids);
        Assert.DoesNotContain(sectorOnly, ids);
        Assert.DoesNotContain(kindOnly, ids);
    }

    [Fact]
    public async Task The_total_counts_every_match_while_a_page_holds_at_most_pageSize_items()
    {
        for (var i = 0; i < 3; i++)
        {
            await gateway.Admin.RegisterValid(Ids.New(), b => b.With("sector", "agriculture-fisheries").With("kind", "other"));
        }

        using var all = await gateway.Admin.List("?sector=agriculture-fisheries&kind=other&pageSize=500");
        var everything = await all.ReadJson();
        using var second = await gateway.Admin.List("?sector=agriculture-fisheries&kind=other&page=2&pageSize=1");
        var page = await second.ReadJson();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(everything.GetProperty("items").GetArrayLength(), everything.GetProperty("total").GetInt32());
        Assert.Equal(everything.GetProperty("total").GetInt32(), page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(1, page.GetProperty("pageSize").GetInt32());
        Assert.Equal([IdsIn(everything)[1]], IdsIn(page));
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_keeps_the_total()
    {
        await gateway.Admin.RegisterValid(Ids.New());
        var total = await gateway.Admin.Total();

        using var response = await gateway.Admin.List($"?page={total + 1}&pageSize=1");

        var page = await response.ReadJson();
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(total, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Listed_items_are_whole_institutions()
    {
        var id = Ids.New();
        var created = await gateway.Admin.RegisterValid(id, b => b.With("sector", "food-health"));

        using var response = await gateway.Admin.List("?sector=food-health&pageSize=500");

        var listed = (await response.ReadJson()).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == id);
        Assert.Equal(created.ToString(), listed.ToString());
    }
}
