using Census.Domain.Rubric;
using Census.Grains.Storage;
using Census.Grains.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Census.Grains.Tests.Surveys;

/// <summary>
/// A deployment upgraded from before V005 keeps dataset states in the grain storage: a dataset with no state in
/// the index's table reads its old one, and its next write moves it there.
/// </summary>
public sealed class LegacyDatasetStateTests : IClassFixture<LegacyDatasetStateTests.UpgradedCluster>
{
    private readonly UpgradedCluster _cluster;
    private readonly TestCensus _census;

    public LegacyDatasetStateTests(UpgradedCluster cluster)
    {
        _cluster = cluster;
        _census = new TestCensus(cluster.Cluster.Client);
    }

    /// <summary>A record at revision 3 stored the way builds before V005 stored it.</summary>
    private async Task<(string RoundId, string InstitutionId, string DatasetId)> WithLegacyRevision3Async()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var record = SurveyRecords.Valid() with { Title = "before the upgrade" };
        var entry = new DatasetRoundEntry
        {
            Revision = 3,
            Record = record,
            Levels = AtusRubric.Levels(record, new DateOnly(2030, 1, 1)),
            UpdatedAt = DateTimeOffset.UtcNow.AddDays(-1),
            UpdatedBy = TestCensus.Agency,
            Shard = 1,
            History = [new RevisionEntry(3, DateTimeOffset.UtcNow.AddDays(-1), TestCensus.Agency, "updated")],
        };
        var storage = _cluster.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Census);
        var state = new GrainState<DatasetState>(new DatasetState { Rounds = { [roundId] = entry } });
        await storage.WriteStateAsync(LegacyDatasetStates.StateName, GrainId.Create("dataset", $"{institutionId}/{datasetId}"), state);
        return (roundId, institutionId, datasetId);
    }

    [Fact]
    public async Task A_dataset_stored_before_the_upgrade_reads_back_its_record()
    {
        var (roundId, institutionId, datasetId) = await WithLegacyRevision3Async();

        var read = await _census.Dataset(institutionId, datasetId).Get(roundId);

        Assert.Equal(SurveyReadOutcome.Found, read.Outcome);
        Assert.Equal((3, "before the upgrade"), (read.Response!.Revision, read.Response.Record.Title));
    }

    [Fact]
    public async Task The_next_write_of_a_dataset_stored_before_the_upgrade_continues_its_revisions_in_the_new_table()
    {
        var (roundId, institutionId, datasetId) = await WithLegacyRevision3Async();

        var write = await _census.Dataset(institutionId, datasetId).Put(TestCensus.Write(roundId) with { IfMatch = [3] });

        Assert.Equal(SurveyWriteOutcome.Updated, write.Outcome);
        Assert.Equal(4, write.Response!.Revision);
        Assert.Equal(1, (await _cluster.Index.ReadDatasetStateAsync($"{institutionId}/{datasetId}"))!.Version);
        Assert.Equal(4, _cluster.Index.Find(roundId, institutionId, datasetId)!.Revision);
    }

    /// <summary>One silo whose index says older dataset states may exist, with memory grain storage.</summary>
    public sealed class UpgradedCluster : IAsyncLifetime
    {
        public UpgradedCluster()
        {
            var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
            builder.ConfigureSilo((_, silo) =>
            {
                silo.AddMemoryGrainStorage(StorageNames.Census);
                silo.AddCensusTestServices(Index);

                // As the silos store state (Census.Hosting/SiloHosting): System.Text.Json, the census's conventions.
                silo.UseSystemTextJsonGrainStorageSerializer();
                silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o => Census.Domain.Serialization.CensusJson.Configure(o.JsonSerializerOptions));
            });
            Cluster = builder.Build();
        }

        public InProcessTestCluster Cluster { get; }

        public InMemorySurveyIndex Index { get; } = new() { LegacyDatasetStates = true };

        public Task InitializeAsync() => Cluster.DeployAsync();

        public async Task DisposeAsync() => await Cluster.DisposeAsync();
    }
}
