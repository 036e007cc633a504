namespace Census.Api.Tests;

/// <summary>api.md "Rounds": <c>PUT /api/v1/rounds/{id}/weights</c> makes a new rubric version.</summary>
[Collection(RoundsCollection.Name)]
public sealed class RoundWeightsTests(GatewayFixture gateway)
{
    private static readonly int[] Even = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10];

    [Fact]
    public async Task Setting_weights_answers_200_with_rubric_version_2_and_the_new_weights()
    {
        var id = await gateway.NewDraftRound("inst-a");

        using var response = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(Even));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rubric = (await response.ReadJson()).GetProperty("rubric");
        Assert.Equal(2, rubric.GetProperty("version").GetInt32());
        Assert.Equal(Even, RoundLifecycleTests.Weights(rubric.GetProperty("weights")));
    }

    [Fact]
    public async Task Each_change_of_weights_is_the_next_rubric_version()
    {
        var id = await gateway.NewOpenRound("inst-a");
        using (var first = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(Even)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(RoundDefinitions.DefaultWeights));

        Assert.Equal(3, (await second.ReadJson()).GetProperty("rubric").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Weights_may_change_after_the_round_closes()
    {
        var id = await gateway.NewOpenRound("inst-a");
        await gateway.Rounds.CloseValid(id);

        using var response = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(Even));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.ReadJson()).GetProperty("rubric").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Weights_not_summing_to_100_are_400_and_keep_the_rubric()
    {
        var id = await gateway.NewDraftRound("inst-a");

        using var response = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(10, 10, 10, 10, 10, 10, 10, 10, 10, 9));

        var problem = await response.AssertFieldErrors("$");
        Assert.Contains("100", problem.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await gateway.Rounds.Read(id)).GetProperty("rubric").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_missing_weight_is_400_naming_it()
    {
        var id = await gateway.NewDraftRound("inst-a");

        using var response = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(Even).Without("c7"));

        await response.AssertFieldErrors("c7");
    }

    [Fact]
    public async Task A_negative_weight_is_400_naming_it()
    {
        var id = await gateway.NewDraftRound("inst-a");

        using var response = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(30, -10, 10, 10, 10, 10, 10, 10, 10, 10));

        await response.AssertFieldErrors("c2");
    }

    [Fact]
    public async Task A_fractional_weight_is_400_naming_it()
    {
        var id = await gateway.NewDraftRound("inst-a");

        using var response = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(Even).With("c1", 9.5).With("c2", 10.5));

        await response.AssertFieldErrors("c1");
    }

    [Fact]
    public async Task A_weight_sent_as_a_string_is_400_naming_it_and_keeps_the_rubric()
    {
        var id = await gateway.NewDraftRound("inst-a");

        using var response = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(Even).With("c1", "10"));

        await response.AssertFieldErrors("c1");
        Assert.Equal(1, (await gateway.Rounds.Read(id)).GetProperty("rubric").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_unknown_criterion_is_400_naming_it()
    {
        var id = await gateway.NewDraftRound("inst-a");

        using var response = await gateway.Rounds.SetWeights(id, RoundDefinitions.Weights(Even).With("c11", 0));

        await response.AssertFieldErrors("c11");
        Assert.Equal(1, (await gateway.Rounds.Read(id)).GetProperty("rubric").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Creating_a_round_with_weights_not_summing_to_100_is_400_naming_weights_and_creates_nothing()
    {
        var id = Ids.New("round");

        using var response = await gateway.Rounds.Create(RoundDefinitions.Valid(id, "inst-a").With("weights", RoundDefinitions.Weights(Even).With("c1", 11)));

        await response.AssertFieldErrors("weights");
        using var read = await gateway.Rounds.Get(id);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }
}
