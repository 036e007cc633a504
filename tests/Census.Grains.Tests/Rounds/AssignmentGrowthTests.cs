using Census.Domain.Rounds;
using Census.Grains.Rounds;
using Orleans.Storage;

namespace Census.Grains.Tests.Rounds;

/// <summary>
/// An agency alternating edits and submissions for weeks: the assignment's and the round's histories stay
/// bounded, the round's progress stays exact, and its state is not written on the agency's path.
/// </summary>
[Collection(FlakyStorageClusterCollection.Name)]
public sealed class AssignmentGrowthTests(FlakyStorageClusterFixture fixture)
{
    private const int Alternations = 300;

    private readonly TestCensus _census = new(fixture.Client);

    private async Task Alternate(string roundId, string institutionId, int times, bool endSubmitted)
    {
        var dataset = _census.Dataset(institutionId, TestCensus.NewDatasetId());
        for (var i = 0; i < times; i++)
        {
            Assert.NotNull((await dataset.Put(TestCensus.Write(roundId, bodyHash: $"body-{i}"))).Response);
            if (endSubmitted || i < times - 1)
            {
                Assert.Equal(AssignmentSubmitOutcome.Submitted, (await _census.Assignment(roundId, institutionId).Submit(TestCensus.Agency)).Outcome);
            }
        }
    }

    private async Task<T> Stored<T>(string stateName, string grainType, string key)
        where T : new()
    {
        var state = new GrainState<T>();
        await ((IGrainStorage)fixture.Storage).ReadStateAsync(stateName, GrainId.Create(grainType, key), state);
        return state.State ?? new T();
    }

    [Fact]
    public async Task Alternating_writes_and_submissions_keep_the_assignments_audit_to_its_latest_entries()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();

        await Alternate(roundId, institutionId, Alternations, endSubmitted: true);

        var stored = await Stored<AssignmentState>("assignment", "assignment", $"{roundId}/{institutionId}");
        Assert.Equal(AuditRetention.MaxEntries, stored.Audit.Count);
        Assert.Equal((2 * Alternations) - AuditRetention.MaxEntries, stored.DroppedAuditEntries);
        Assert.Equal("submitted", stored.Audit[^1].Action);
    }

    [Fact]
    public async Task The_rounds_progress_is_exact_after_alternating_writes_and_submissions()
    {
        var submitting = await _census.RegisteredInstitution();
        var editing = await _census.RegisteredInstitution();
        var roundId = await _census.OpenRound(d => d with { Institutions = [submitting, editing] });

        await Alternate(roundId, submitting, Alternations / 2, endSubmitted: true);
        await Alternate(roundId, editing, Alternations / 2, endSubmitted: false);

        var progress = (await _census.Round(roundId).Get())!.Progress;
        Assert.Equal((1, 1), (progress.Responding, progress.Submitted));
    }

    [Fact]
    public async Task A_submission_does_not_wait_on_a_write_of_the_rounds_state()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        await _census.Dataset(institutionId, TestCensus.NewDatasetId()).Put(TestCensus.Write(roundId));
        fixture.Storage.FailNextWrite(GrainId.Create("census-round", roundId));

        var result = await _census.Assignment(roundId, institutionId).Submit(TestCensus.Agency);

        Assert.Equal(AssignmentSubmitOutcome.Submitted, result.Outcome);
    }

    [Fact]
    public async Task A_rounds_audit_keeps_its_latest_entries_and_counts_the_others()
    {
        var roundId = await _census.DraftRound();

        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(RoundOutcome.Ok, (await _census.Round(roundId).SetWeights(RubricWeights.Default, TestCensus.Admin)).Outcome);
        }

        var stored = await Stored<CensusRoundState>("round", "census-round", roundId);
        Assert.Equal(AuditRetention.MaxEntries, stored.Audit.Count);
        Assert.Equal(151 - AuditRetention.MaxEntries, stored.DroppedAuditEntries);
        Assert.Equal("rubric v151", stored.Audit[^1].Action);
    }
}
