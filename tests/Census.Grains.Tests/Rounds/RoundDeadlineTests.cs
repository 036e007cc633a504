using Census.Grains.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Census.Grains.Tests.Rounds;

/// <summary>An open round closes by itself at its deadline: by its reminder, or on its next activation.</summary>
[Collection(DeadlineClusterCollection.Name)]
public sealed class RoundDeadlineTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(3);

    private readonly TestCensus _census = new(fixture.Client);

    private Task<Round?> Get(string roundId) => _census.Round(roundId).Get();

    private Task<Round?> ClosedRound(string roundId) =>
        Eventually.Until(() => Get(roundId), r => r?.State == RoundState.Closed);

    [Fact]
    public async Task An_open_round_closes_by_itself_at_its_deadline()
    {
        var deadline = DateTimeOffset.UtcNow + Lead;
        var id = await _census.OpenRound(d => d with { Deadline = deadline });

        var round = await ClosedRound(id);

        Assert.Equal(RoundState.Closed, round!.State);
        Assert.NotNull(round.ClosedAt);
        Assert.True(round.ClosedAt >= deadline, $"closed at {round.ClosedAt:O}, before the deadline {deadline:O}");
    }

    [Fact]
    public async Task A_round_closed_by_its_deadline_has_closed_its_index_gate_first()
    {
        var id = await _census.OpenRound(d => d with { Deadline = DateTimeOffset.UtcNow + Lead });

        await ClosedRound(id);

        Assert.True(fixture.Index.IsClosed(id));
    }

    [Fact]
    public async Task A_write_after_a_round_closed_at_its_deadline_is_round_not_open()
    {
        var institutionId = await _census.RegisteredInstitution();
        var id = await _census.OpenRound(d => d with { Deadline = DateTimeOffset.UtcNow + Lead, Institutions = [institutionId] });
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        Assert.Equal(SurveyWriteOutcome.Created, (await dataset.Put(TestCensus.Write(id))).Outcome);
        await ClosedRound(id);

        var result = await dataset.Put(TestCensus.Write(id, bodyHash: "body-2"));

        Assert.Equal(SurveyWriteOutcome.RoundNotOpen, result.Outcome);
        Assert.Equal(1, (await dataset.Get(id)).Response!.Revision);
    }

    [Fact]
    public async Task A_round_deactivated_before_its_deadline_still_closes_by_itself()
    {
        var id = await _census.OpenRound(d => d with { Deadline = DateTimeOffset.UtcNow + Lead });
        await fixture.Cluster.DeactivateAsync(_census.Round(id));

        var round = await ClosedRound(id);

        Assert.NotNull(round!.ClosedAt);
    }

    [Fact]
    public async Task An_open_round_whose_deadline_passed_while_it_was_inactive_closes_on_its_next_activation()
    {
        // As after a cluster outage: the stored round is open, its deadline has passed, and no reminder
        // is registered for it. The first call to activate it must find it closed.
        var id = UniqueIds.Next("round");
        var deadline = DateTimeOffset.UtcNow.AddMinutes(-5);
        var stored = new CensusRoundState
        {
            Id = id,
            Title = "outage",
            State = RoundState.Open,
            Deadline = deadline,
            Selection = new SelectionPolicy { Quota = 10 },
            RubricVersions = [new RubricVersionEntry(1, RubricWeights.Default, deadline.AddDays(-1), TestCensus.Admin)],
            ShardCount = CensusTestSilo.ShardCount,
            CreatedAt = deadline.AddDays(-1),
            OpenedAt = deadline.AddDays(-1),
        };
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(Census.Grains.Storage.StorageNames.Census);
        await storage.WriteStateAsync("round", _census.Round(id).GetGrainId(), new GrainState<CensusRoundState>(stored));

        var round = await Get(id);

        Assert.Equal(RoundState.Closed, round!.State);
        Assert.NotNull(round.ClosedAt);
    }
}
