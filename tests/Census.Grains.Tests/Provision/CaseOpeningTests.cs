using Census.Contracts.Provision;
using Census.Contracts.Rankings;

namespace Census.Grains.Tests.Provision;

/// <summary>
/// Finalizing a round opens a processing case per selected dataset (provision.md §1). Reading a selected record goes
/// through its assignment grain, which asks the round for its write context when it is freshly activated: the cases are
/// opened by the round's case opener in its own turns, never inside the round's finalization.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseOpeningTests(ClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);

    [Fact]
    public async Task Finalizing_after_every_idle_grain_was_deactivated_opens_the_cases_without_waiting_on_the_round()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        Assert.NotNull((await _census.Dataset(institutionId, datasetId).Put(TestCensus.Write(roundId, SurveyRecords.Valid()))).Response);
        Assert.Equal(RoundOutcome.Ok, (await _census.Round(roundId).Close(TestCensus.Admin)).Outcome);
        var started = await _census.Round(roundId).StartRanking(null, TestCensus.Admin);
        var run = fixture.Client.GetGrain<IRankingRunGrain>($"{roundId}/{started.Run!.RunId}");
        await Eventually.Until(run.Get, r => r is { State: RunState.Completed });

        // The assignment (and the dataset) grains go: reading the record activates them afresh, and a fresh assignment
        // asks the round for its context.
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var finalized = await _census.Round(roundId).Finalize(started.Run.RunId, TestCensus.Admin)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(RoundOutcome.Ok, finalized.Outcome);
        var opened = await Eventually.Until(
            () => fixture.Client.GetGrain<IProcessingCaseGrain>($"{roundId}/{institutionId}/{datasetId}").Get(), c => c is not null);
        Assert.Equal(CaseStatus.Processing, opened!.Status);
        Assert.True(await fixture.Client.GetGrain<ICaseOpenerGrain>(roundId).Done());
    }
}
