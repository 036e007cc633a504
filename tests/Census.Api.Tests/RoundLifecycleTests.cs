namespace Census.Api.Tests;

/// <summary>api.md "Rounds": creating, reading, listing, opening and closing rounds.</summary>
[Collection(RoundsCollection.Name)]
public sealed class RoundLifecycleTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Creating_a_round_answers_201_with_its_location()
    {
        var id = Ids.New("round");

        using var response = await gateway.Rounds.Create(RoundDefinitions.Valid(id, "inst-a"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/rounds/{id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_new_round_is_a_draft_with_rubric_v1_default_weights()
    {
        var id = Ids.New("round");

        var round = await gateway.Rounds.CreateValid(id, ["inst-a"]);

        Assert.Equal(id, round.GetProperty("id").GetString());
        Assert.Equal("draft", round.GetProperty("state").GetString());
        var rubric = round.GetProperty("rubric");
        Assert.Equal(1, rubric.GetProperty("version").GetInt32());
        Assert.Equal(RoundDefinitions.DefaultWeights, Weights(rubric.GetProperty("weights")));
    }

    [Fact]
    public async Task A_new_round_has_not_been_opened_or_closed_and_has_no_progress()
    {
        var round = await gateway.Rounds.CreateValid(Ids.New("round"), ["inst-a", "inst-b"]);

        Assert.Equal(JsonValueKind.Null, round.GetProperty("openedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, round.GetProperty("closedAt").ValueKind);
        var progress = round.GetProperty("progress");
        Assert.Equal(2, progress.GetProperty("invited").GetInt32());
        Assert.Equal(0, progress.GetProperty("responding").GetInt32());
        Assert.Equal(0, progress.GetProperty("submitted").GetInt32());
        Assert.Equal(0, progress.GetProperty("datasets").GetInt64());
    }

    [Fact]
    public async Task A_round_keeps_the_weights_it_was_created_with_as_rubric_v1()
    {
        int[] weights = [20, 10, 10, 10, 10, 10, 10, 10, 5, 5];

        var round = await gateway.Rounds.CreateValid(Ids.New("round"), ["inst-a"],
            b => b.With("weights", RoundDefinitions.Weights(weights)));

        Assert.Equal(1, round.GetProperty("rubric").GetProperty("version").GetInt32());
        Assert.Equal(weights, Weights(round.GetProperty("rubric").GetProperty("weights")));
    }

    [Fact]
    public async Task A_deadline_given_with_an_offset_is_returned_in_UTC()
    {
        var round = await gateway.Rounds.CreateValid(Ids.New("round"), ["inst-a"],
            b => b.With("deadline", "2099-04-01T08:59:59+09:00"));

        Assert.Equal("2099-03-31T23:59:59Z", round.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task A_created_round_reads_back_as_it_was_returned()
    {
        var id = Ids.New("round");
        var created = await gateway.Rounds.CreateValid(id, ["inst-a"]);

        var read = await gateway.Rounds.Read(id);

        Assert.Equal(created.ToString(), read.ToString());
    }

    [Fact]
    public async Task Creating_a_round_with_an_existing_id_is_a_conflict_and_keeps_the_first()
    {
        var id = Ids.New("round");
        await gateway.Rounds.CreateValid(id, ["inst-a"]);

        using var response = await gateway.Rounds.Create(RoundDefinitions.Valid(id, "inst-b").With("title", "다른 조사"));

        await response.AssertProblem(HttpStatusCode.Conflict);
        var kept = await gateway.Rounds.Read(id);
        Assert.Equal("2027년 공공데이터 AI 학습 활용도 전수조사", kept.GetProperty("title").GetString());
        Assert.Equal(["inst-a"], kept.GetProperty("institutions").EnumerateArray().Select(i => i.GetString()!).ToArray());
    }

    [Fact]
    public async Task Opening_a_draft_round_answers_200_with_the_round_open()
    {
        var id = await gateway.NewDraftRound("inst-a");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        using var response = await gateway.Rounds.Open(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var round = await response.ReadJson();
        Assert.Equal("open", round.GetProperty("state").GetString());
        Assert.InRange(round.GetProperty("openedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Closing_an_open_round_answers_200_with_the_round_closed()
    {
        var id = await gateway.NewOpenRound("inst-a");

        using var response = await gateway.Rounds.Close(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var round = await response.ReadJson();
        Assert.Equal("closed", round.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, round.GetProperty("closedAt").ValueKind);
    }

    [Fact]
    public async Task Opening_an_open_round_is_a_conflict()
    {
        var id = await gateway.NewOpenRound("inst-a");

        using var response = await gateway.Rounds.Open(id);

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("open", await gateway.Rounds.State(id));
    }

    [Fact]
    public async Task Closing_a_draft_round_is_a_conflict_and_leaves_it_a_draft()
    {
        var id = await gateway.NewDraftRound("inst-a");

        using var response = await gateway.Rounds.Close(id);

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("draft", await gateway.Rounds.State(id));
    }

    [Fact]
    public async Task Closing_a_round_twice_is_a_conflict()
    {
        var id = await gateway.NewOpenRound("inst-a");
        await gateway.Rounds.CloseValid(id);

        using var response = await gateway.Rounds.Close(id);

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("closed", await gateway.Rounds.State(id));
    }

    [Fact]
    public async Task Reopening_a_closed_round_is_a_conflict()
    {
        var id = await gateway.NewOpenRound("inst-a");
        await gateway.Rounds.CloseValid(id);

        using var response = await gateway.Rounds.Open(id);

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("closed", await gateway.Rounds.State(id));
    }

    [Fact]
    public async Task Opening_a_round_whose_deadline_has_passed_is_a_conflict()
    {
        var id = Ids.New("round");
        await gateway.Rounds.CreateValid(id, ["inst-a"], b => b.With("deadline", "2020-01-01T00:00:00Z"));

        using var response = await gateway.Rounds.Open(id);

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("draft", await gateway.Rounds.State(id));
    }

    [Fact]
    public async Task Reading_an_unknown_round_is_404()
    {
        using var response = await gateway.Rounds.Get(Ids.New("nowhere"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Opening_an_unknown_round_is_404_and_creates_nothing()
    {
        var id = Ids.New("nowhere");

        using var response = await gateway.Rounds.Open(id);

        await response.AssertProblem(HttpStatusCode.NotFound);
        using var read = await gateway.Rounds.Get(id);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Closing_an_unknown_round_is_404()
    {
        using var response = await gateway.Rounds.Close(Ids.New("nowhere"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Setting_weights_of_an_unknown_round_is_404()
    {
        using var response = await gateway.Rounds.SetWeights(Ids.New("nowhere"), RoundDefinitions.Weights(RoundDefinitions.DefaultWeights));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Bad_ID")]
    [InlineData("a")]
    [InlineData("-lead")]
    public async Task A_malformed_round_id_in_the_path_is_400_naming_id(string id)
    {
        using var response = await gateway.Rounds.Get(id);

        await response.AssertFieldErrors("id");
    }

    [Fact]
    public async Task The_round_list_pages_through_every_round_once()
    {
        string[] created = [Ids.New("round"), Ids.New("round"), Ids.New("round")];
        foreach (var id in created)
        {
            await gateway.Rounds.CreateValid(id, ["inst-a"]);
        }

        var first = await ReadPage("?page=1&pageSize=2");
        var total = first.GetProperty("total").GetInt32();
        var seen = new List<string>();
        for (var page = 1; page <= (total + 1) / 2; page++)
        {
            var body = page == 1 ? first : await ReadPage($"?page={page}&pageSize=2");
            Assert.Equal(page, body.GetProperty("page").GetInt32());
            Assert.Equal(2, body.GetProperty("pageSize").GetInt32());
            Assert.Equal(total, body.GetProperty("total").GetInt32());
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
        }

        Assert.True(total >= created.Length, $"total {total} is below the {created.Length} rounds just created.");
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), created.ToHashSet());
    }

    [Fact]
    public async Task A_page_past_the_end_of_the_round_list_is_empty_with_the_total()
    {
        await gateway.Rounds.CreateValid(Ids.New("round"), ["inst-a"]);

        var body = await ReadPage("?page=100000&pageSize=500");

        Assert.Empty(body.GetProperty("items").EnumerateArray());
        Assert.True(body.GetProperty("total").GetInt32() >= 1);
    }

    [Fact]
    public async Task The_round_list_defaults_to_page_1_of_50()
    {
        var body = await ReadPage("");

        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(50, body.GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("?pageSize=501", "pageSize")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?page=99999999999", "page")]
    public async Task A_bad_paging_parameter_of_the_round_list_is_400_naming_it(string query, string field)
    {
        using var response = await gateway.Rounds.List(query);

        await response.AssertFieldErrors(field);
    }

    private async Task<JsonElement> ReadPage(string query)
    {
        using var response = await gateway.Rounds.List(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    internal static int[] Weights(JsonElement weights) =>
        [.. Enumerable.Range(1, 10).Select(i => weights.GetProperty($"c{i}").GetInt32())];
}
