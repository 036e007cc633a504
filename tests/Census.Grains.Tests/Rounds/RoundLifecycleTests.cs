namespace Census.Grains.Tests.Rounds;

/// <summary>draft → open → closed, and every wrong transition refused without a change.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RoundLifecycleTests(ClusterFixture fixture)
{
    private const string Admin = TestCensus.Admin;

    private readonly TestCensus _census = new(fixture.Client);

    private static readonly RubricWeights OtherWeights = new()
    {
        C1 = 10, C2 = 10, C3 = 10, C4 = 10, C5 = 10, C6 = 10, C7 = 10, C8 = 10, C9 = 10, C10 = 10,
    };

    [Fact]
    public async Task Creating_a_round_makes_a_draft_from_the_definition()
    {
        var id = UniqueIds.Next("round");
        var definition = RoundDefinitions.Valid(id);
        var before = DateTimeOffset.UtcNow;

        var result = await _census.Round(id).Create(definition, Admin);

        Assert.Equal(RoundOutcome.Created, result.Outcome);
        var round = Assert.IsType<Round>(result.Round);
        Assert.Equal(id, round.Id);
        Assert.Equal(RoundState.Draft, round.State);
        Assert.Equal(definition.Title, round.Title);
        Assert.Equal(definition.Deadline, round.Deadline);
        Assert.Equal(definition.Selection, round.Selection);
        Assert.Equal(new RubricVersion(1, RubricWeights.Default), round.Rubric);
        Assert.Equal(CensusTestSilo.ShardCount, round.ShardCount);
        Assert.InRange(round.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Null(round.OpenedAt);
        Assert.Null(round.ClosedAt);
    }

    [Fact]
    public async Task A_created_round_can_be_read_back()
    {
        var id = await _census.DraftRound();

        var round = await _census.Round(id).Get();

        Assert.NotNull(round);
        Assert.Equal(RoundState.Draft, round.State);
    }

    [Fact]
    public async Task Getting_an_unknown_round_gives_null()
    {
        Assert.Null(await _census.Round(UniqueIds.Next("round")).Get());
    }

    [Fact]
    public async Task Creating_a_round_with_weights_makes_them_rubric_v1()
    {
        var id = await _census.DraftRound(d => d with { Weights = OtherWeights });

        var round = await _census.Round(id).Get();

        Assert.Equal(new RubricVersion(1, OtherWeights), round!.Rubric);
    }

    [Fact]
    public async Task Opening_a_draft_makes_it_open()
    {
        var id = await _census.DraftRound();
        var before = DateTimeOffset.UtcNow;

        var result = await _census.Round(id).Open(Admin);

        Assert.Equal(RoundOutcome.Ok, result.Outcome);
        Assert.Equal(RoundState.Open, result.Round!.State);
        Assert.InRange(result.Round.OpenedAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Equal(RoundState.Open, (await _census.Round(id).Get())!.State);
    }

    [Fact]
    public async Task Closing_an_open_round_makes_it_closed()
    {
        var id = await _census.OpenRound();
        var before = DateTimeOffset.UtcNow;

        var result = await _census.Round(id).Close(Admin);

        Assert.Equal(RoundOutcome.Ok, result.Outcome);
        Assert.Equal(RoundState.Closed, result.Round!.State);
        Assert.InRange(result.Round.ClosedAt!.Value, before, DateTimeOffset.UtcNow);
        Assert.Equal(RoundState.Closed, (await _census.Round(id).Get())!.State);
    }

    [Fact]
    public async Task Creating_a_round_twice_is_already_exists_and_keeps_the_first()
    {
        var id = await _census.DraftRound();
        var first = await _census.Round(id).Get();

        var again = await _census.Round(id).Create(RoundDefinitions.Valid(id) with { Title = "다른 제목", Weights = OtherWeights }, "admin:other");

        Assert.Equal(RoundOutcome.AlreadyExists, again.Outcome);
        Assert.Equal(first, await _census.Round(id).Get());
    }

    [Fact]
    public async Task Opening_a_round_twice_is_wrong_state_and_changes_nothing()
    {
        var id = await _census.OpenRound();
        var before = await _census.Round(id).Get();

        var again = await _census.Round(id).Open(Admin);

        Assert.Equal(RoundOutcome.WrongState, again.Outcome);
        Assert.Equal(before, await _census.Round(id).Get());
    }

    [Fact]
    public async Task Closing_a_draft_is_wrong_state_and_changes_nothing()
    {
        var id = await _census.DraftRound();
        var before = await _census.Round(id).Get();

        var result = await _census.Round(id).Close(Admin);

        Assert.Equal(RoundOutcome.WrongState, result.Outcome);
        Assert.Equal(before, await _census.Round(id).Get());
    }

    [Fact]
    public async Task Opening_a_closed_round_is_wrong_state_and_changes_nothing()
    {
        var id = await _census.ClosedRound();
        var before = await _census.Round(id).Get();

        var result = await _census.Round(id).Open(Admin);

        Assert.Equal(RoundOutcome.WrongState, result.Outcome);
        Assert.Equal(before, await _census.Round(id).Get());
    }

    [Fact]
    public async Task Closing_a_round_twice_is_wrong_state_and_changes_nothing()
    {
        var id = await _census.ClosedRound();
        var before = await _census.Round(id).Get();

        var result = await _census.Round(id).Close(Admin);

        Assert.Equal(RoundOutcome.WrongState, result.Outcome);
        Assert.Equal(before, await _census.Round(id).Get());
    }

    [Fact]
    public async Task Opening_or_closing_an_unknown_round_is_not_found()
    {
        var round = _census.Round(UniqueIds.Next("round"));

        Assert.Equal(RoundOutcome.NotFound, (await round.Open(Admin)).Outcome);
        Assert.Equal(RoundOutcome.NotFound, (await round.Close(Admin)).Outcome);
        Assert.Null(await round.Get());
    }

    [Fact]
    public async Task Opening_a_round_after_its_deadline_is_refused_and_leaves_it_a_draft()
    {
        var id = await _census.DraftRound(d => d with { Deadline = DateTimeOffset.UtcNow.AddMinutes(-1) });
        var before = await _census.Round(id).Get();

        var result = await _census.Round(id).Open(Admin);

        Assert.Equal(RoundOutcome.WrongState, result.Outcome);
        Assert.Equal(before, await _census.Round(id).Get());
    }

    [Fact]
    public async Task Setting_weights_makes_rubric_v2_then_v3()
    {
        var id = await _census.OpenRound();
        var third = OtherWeights with { C1 = 19, C10 = 1 };

        var second = await _census.Round(id).SetWeights(OtherWeights, Admin);
        var thirdResult = await _census.Round(id).SetWeights(third, Admin);

        Assert.Equal(RoundOutcome.Ok, second.Outcome);
        Assert.Equal(new RubricVersion(2, OtherWeights), second.Round!.Rubric);
        Assert.Equal(RoundOutcome.Ok, thirdResult.Outcome);
        Assert.Equal(new RubricVersion(3, third), thirdResult.Round!.Rubric);
        Assert.Equal(new RubricVersion(3, third), (await _census.Round(id).Get())!.Rubric);
    }

    [Fact]
    public async Task Setting_weights_of_a_draft_round_is_allowed()
    {
        var id = await _census.DraftRound();

        var result = await _census.Round(id).SetWeights(OtherWeights, Admin);

        Assert.Equal(RoundOutcome.Ok, result.Outcome);
        Assert.Equal(2, result.Round!.Rubric.Version);
    }

    [Fact]
    public async Task Setting_weights_of_an_unknown_round_is_not_found_and_creates_nothing()
    {
        var round = _census.Round(UniqueIds.Next("round"));

        var result = await round.SetWeights(OtherWeights, Admin);

        Assert.Equal(RoundOutcome.NotFound, result.Outcome);
        Assert.Null(await round.Get());
    }

    [Fact]
    public async Task A_round_survives_reactivation()
    {
        var id = await _census.OpenRound();
        await _census.Round(id).SetWeights(OtherWeights, Admin);
        var before = await _census.Round(id).Get();
        await fixture.Cluster.DeactivateAsync(_census.Round(id));

        var after = await _census.Round(id).Get();

        Assert.Equal(before, after);
    }
}
