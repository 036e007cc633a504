using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>api.md "Survey records" (Score): every stored record carries its score under the round's current rubric.</summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class SurveyScoreTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_record_is_scored_under_rubric_v1_with_a_breakdown_of_ten_criteria()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        var (body, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);

        var score = body.GetProperty("score");
        Assert.Equal(1, score.GetProperty("rubricVersion").GetInt32());
        var breakdown = score.GetProperty("breakdown").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"c{i}"), breakdown.Select(c => c.GetProperty("criterion").GetString()));
        Assert.Equal(RoundDefinitions.DefaultWeights, breakdown.Select(c => c.GetProperty("weight").GetInt32()));
        Assert.All(breakdown, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Scores_are_numbers_in_multiples_of_a_quarter_point()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        var (body, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);

        var score = body.GetProperty("score");
        var numbers = new List<JsonElement> { score.GetProperty("now"), score.GetProperty("post") };
        foreach (var criterion in score.GetProperty("breakdown").EnumerateArray())
        {
            numbers.Add(criterion.GetProperty("pointsNow"));
            numbers.Add(criterion.GetProperty("pointsPost"));
        }

        Assert.All(numbers, n =>
        {
            Assert.Equal(JsonValueKind.Number, n.ValueKind);
            Assert.Equal(0m, n.GetDecimal() * 4 % 1);
        });
    }

    [Fact]
    public async Task The_score_is_the_sum_of_weight_times_level_over_four()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        var (body, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);

        var score = body.GetProperty("score");
        var breakdown = score.GetProperty("breakdown").EnumerateArray().ToArray();
        Assert.Equal(breakdown.Sum(c => c.GetProperty("weight").GetInt32() * c.GetProperty("levelNow").GetInt32()) / 4m, score.GetProperty("now").GetDecimal());
        Assert.Equal(breakdown.Sum(c => c.GetProperty("weight").GetInt32() * c.GetProperty("levelPost").GetInt32()) / 4m, score.GetProperty("post").GetDecimal());
    }

    [Fact]
    public async Task A_record_passing_every_gate_is_eligible()
    {
        var p = await gateway.NewParticipant();

        var written = await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));

        Assert.True(written.GetProperty("score").GetProperty("eligible").GetBoolean());
        Assert.Empty(written.GetProperty("score").GetProperty("failedGates").EnumerateArray());
    }

    [Fact]
    public async Task A_record_not_lawful_to_provide_fails_gate_G1_and_is_not_eligible()
    {
        var p = await gateway.NewParticipant();

        var written = await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"), SurveyRecords.Valid().With("lawfulToProvide", false));

        Assert.False(written.GetProperty("score").GetProperty("eligible").GetBoolean());
        Assert.Equal(["G1"], written.GetProperty("score").GetProperty("failedGates").EnumerateArray().Select(g => g.GetString()!).ToArray());
    }

    [Fact]
    public async Task After_new_weights_a_record_reads_under_the_new_rubric_version()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        int[] weights = [100, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        using (var set = await gateway.Rounds.SetWeights(p.RoundId, RoundDefinitions.Weights(weights)))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var (body, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        var score = body.GetProperty("score");
        Assert.Equal(2, score.GetProperty("rubricVersion").GetInt32());
        Assert.Equal(weights, score.GetProperty("breakdown").EnumerateArray().Select(c => c.GetProperty("weight").GetInt32()));
        var c1 = score.GetProperty("breakdown")[0];
        Assert.Equal(100 * c1.GetProperty("levelNow").GetInt32() / 4m, score.GetProperty("now").GetDecimal());
        Assert.Equal("\"1\"", etag);
    }

    [Fact]
    public async Task After_new_weights_the_record_list_scores_under_the_new_rubric_version()
    {
        var p = await gateway.NewParticipant();
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));

        using (var set = await gateway.Rounds.SetWeights(p.RoundId, RoundDefinitions.Weights(10, 10, 10, 10, 10, 10, 10, 10, 10, 10)))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var list = await SurveyRecordListTests.ReadList(p.Agency, p.RoundId, p.InstitutionId, "");
        Assert.Equal(2, list.GetProperty("items")[0].GetProperty("score").GetProperty("rubricVersion").GetInt32());
    }

    [Fact]
    public async Task A_record_read_after_the_rubric_changed_and_the_round_closed_uses_the_latest_rubric()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await gateway.Rounds.CloseValid(p.RoundId);

        using (var set = await gateway.Rounds.SetWeights(p.RoundId, RoundDefinitions.Weights(10, 10, 10, 10, 10, 10, 10, 10, 10, 10)))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var (body, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal(2, body.GetProperty("score").GetProperty("rubricVersion").GetInt32());
    }

    [Fact]
    public async Task A_record_written_after_new_weights_is_scored_under_them()
    {
        var p = await gateway.NewParticipant();
        using (var set = await gateway.Rounds.SetWeights(p.RoundId, RoundDefinitions.Weights(10, 10, 10, 10, 10, 10, 10, 10, 10, 10)))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var written = await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"), (JsonNode)SurveyRecords.Valid());

        Assert.Equal(2, written.GetProperty("score").GetProperty("rubricVersion").GetInt32());
    }
}
