using Census.Contracts.Surveys;
using Census.Domain.Rubric;
using Census.Domain.Validation;
using Census.Grains.Surveys;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

namespace Census.Api.Tests;

/// <summary>
/// issue 9, structure move 2: a list of survey records is read from the survey index (the read side);
/// a page of 500 wakes no dataset grain.
/// </summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class SurveyRecordReadSideTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_list_page_of_500_records_activates_no_dataset_grain()
    {
        var p = await gateway.NewParticipant();
        await IndexDirectly(p, count: 500);
        var before = await DatasetActivations();

        var list = await SurveyRecordListTests.ReadList(p.Agency, p.RoundId, p.InstitutionId, "?pageSize=500");

        Assert.Equal(500, list.GetProperty("items").GetArrayLength());
        Assert.Equal(500, list.GetProperty("total").GetInt32());
        Assert.Equal(before, await DatasetActivations());

        // The count sees activations: reading one record by id wakes its grain.
        using var read = await p.Agency.Get(p.RoundId, p.InstitutionId, "ds-000");
        Assert.Equal(before + 1, await DatasetActivations());
    }

    [Fact]
    public async Task A_listed_record_is_scored_under_the_rounds_rubric_from_its_stored_levels()
    {
        var p = await gateway.NewParticipant();
        var written = await p.Agency.PutValid(p.RoundId, p.InstitutionId, "ds-scored");

        var list = await SurveyRecordListTests.ReadList(p.Agency, p.RoundId, p.InstitutionId, "");

        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(written.GetProperty("score").GetRawText(), item.GetProperty("score").GetRawText());
        Assert.Equal(written.GetProperty("updatedBy").GetString(), item.GetProperty("updatedBy").GetString());
        Assert.Equal(written.GetProperty("updatedAt").GetString(), item.GetProperty("updatedAt").GetString());
    }

    /// <summary>Rows and documents written straight into the index: no dataset grain was ever active for them.</summary>
    private async Task IndexDirectly(Participant p, int count)
    {
        var services = gateway.Factory.Services;
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var record = SurveyRecords.Valid().Deserialize<SurveyRecord>(json)! with { Sector = Census.Contracts.Institutions.Sector.Finance };
        var levels = AtusRubric.Levels(record, new DateOnly(2026, 12, 31));
        var index = services.GetRequiredService<ISurveyIndex>();
        for (var i = 0; i < count; i++)
        {
            var row = new SurveyIndexRow(
                p.RoundId, p.InstitutionId, $"ds-{i:D3}", 0, 1, false,
                Names.Of(record.Sector!.Value), Names.Of(record.Modality!.Value), Names.Of(record.Availability!.Now!.Value),
                levels.FailedGates.Count == 0, 0, levels.Now, levels.Post, DateTimeOffset.UtcNow)
            {
                UpdatedBy = "agency:test",
                Record = record,
                Levels = levels,
            };
            Assert.True(await index.UpsertAsync(row));
        }
    }

    private async Task<int> DatasetActivations()
    {
        var management = gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("DatasetGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
