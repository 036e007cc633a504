namespace Census.Grains.Tests.Rounds;

/// <summary>Who may write to a round: the listed institutions, or every registered one when there is no list.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InvitationTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    private Task<SurveyWriteResult> PutNewDataset(string roundId, string institutionId) =>
        _census.Dataset(institutionId, TestCensus.NewDatasetId()).Put(TestCensus.Write(roundId));

    [Fact]
    public async Task An_institution_on_the_round_list_can_write()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();

        var result = await PutNewDataset(roundId, institutionId);

        Assert.Equal(SurveyWriteOutcome.Created, result.Outcome);
    }

    [Fact]
    public async Task A_registered_institution_missing_from_the_round_list_is_not_invited()
    {
        var (roundId, _) = await _census.OpenRoundWithInstitution();
        var other = await _census.RegisteredInstitution();

        var result = await PutNewDataset(roundId, other);

        Assert.Equal(SurveyWriteOutcome.NotInvited, result.Outcome);
        Assert.Equal(0, await fixture.Index.CountAsync(roundId));
    }

    [Fact]
    public async Task A_registered_institution_missing_from_the_round_list_has_no_assignment()
    {
        var (roundId, _) = await _census.OpenRoundWithInstitution();
        var other = await _census.RegisteredInstitution();

        Assert.Null(await _census.Assignment(roundId, other).Get());
        Assert.False(await _census.Round(roundId).IsInvited(other));
    }

    [Fact]
    public async Task An_unregistered_institution_on_the_round_list_is_not_invited()
    {
        var unregistered = UniqueIds.Next();
        var roundId = await _census.OpenRound(d => d with { Institutions = [unregistered] });

        var result = await PutNewDataset(roundId, unregistered);

        Assert.Equal(SurveyWriteOutcome.NotInvited, result.Outcome);
    }

    [Fact]
    public async Task Without_a_list_an_institution_registered_after_its_first_refused_write_is_invited()
    {
        var roundId = await _census.OpenRound();
        var institutionId = UniqueIds.Next();
        Assert.Equal(SurveyWriteOutcome.NotInvited, (await PutNewDataset(roundId, institutionId)).Outcome);

        await fixture.Client.GetGrain<IInstitutionGrain>(institutionId).Register(Profiles.Valid(institutionId), "admin:test");
        var result = await PutNewDataset(roundId, institutionId);

        Assert.Equal(SurveyWriteOutcome.Created, result.Outcome);
    }

    [Fact]
    public async Task Without_a_list_any_registered_institution_is_invited()
    {
        var roundId = await _census.OpenRound();
        var institutionId = await _census.RegisteredInstitution();

        var result = await PutNewDataset(roundId, institutionId);

        Assert.Equal(SurveyWriteOutcome.Created, result.Outcome);
        Assert.True(await _census.Round(roundId).IsInvited(institutionId));
    }

    [Fact]
    public async Task Without_a_list_an_unregistered_institution_is_not_invited()
    {
        var roundId = await _census.OpenRound();
        var unregistered = UniqueIds.Next();

        var result = await PutNewDataset(roundId, unregistered);

        Assert.Equal(SurveyWriteOutcome.NotInvited, result.Outcome);
        Assert.False(await _census.Round(roundId).IsInvited(unregistered));
    }

    [Fact]
    public async Task Asking_whether_an_institution_is_invited_does_not_wait_for_a_slow_read_of_the_round()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var slowCount = fixture.Index.HoldNextCount(roundId);
        var read = _census.Round(roundId).Get();
        await slowCount.Reached;

        var invited = await _census.Round(roundId).IsInvited(institutionId).WaitAsync(TimeSpan.FromSeconds(20));

        slowCount.Release();
        Assert.True(invited);
        Assert.NotNull(await read);
    }

    [Fact]
    public async Task Reading_a_round_that_invites_every_institution_again_and_again_asks_the_registry_at_most_once()
    {
        var roundId = await _census.OpenRound();
        var before = fixture.Calls.Count("IInstitutionRegistryGrain.List");

        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await _census.Round(roundId).Get());
        }

        // At most once: the count is reused for CensusRoundGrain.RegisteredCountRefresh, which may just have run out.
        Assert.InRange(fixture.Calls.Count("IInstitutionRegistryGrain.List"), before, before + 1);
    }

    [Fact]
    public async Task A_round_lists_as_many_invited_as_its_list_names()
    {
        var a = await _census.RegisteredInstitution();
        var b = await _census.RegisteredInstitution();
        var roundId = await _census.OpenRound(d => d with { Institutions = [a, b] });

        var round = await _census.Round(roundId).Get();

        Assert.Equal(2, round!.Progress.Invited);
        Assert.Equal([a, b], round.Institutions);
    }

    [Fact]
    public async Task A_write_to_an_unknown_round_is_round_not_found()
    {
        var institutionId = await _census.RegisteredInstitution();

        var result = await PutNewDataset(UniqueIds.Next("round"), institutionId);

        Assert.Equal(SurveyWriteOutcome.RoundNotFound, result.Outcome);
    }
}
