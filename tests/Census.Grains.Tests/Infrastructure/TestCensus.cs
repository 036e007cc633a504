using Census.Contracts.Rounds;
using Census.Contracts.Surveys;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>
/// The arrange steps the round and survey tests share: registered institutions, rounds in a given state,
/// writes. Every id it makes is unique, so tests never see each other's data.
/// </summary>
internal sealed class TestCensus(IGrainFactory grains)
{
    public const string Admin = "admin:test";

    public const string Agency = "agency:test";

    public ICensusRoundGrain Round(string roundId) => grains.GetGrain<ICensusRoundGrain>(roundId);

    public IAssignmentGrain Assignment(string roundId, string institutionId) =>
        grains.GetGrain<IAssignmentGrain>($"{roundId}/{institutionId}");

    public IDatasetGrain Dataset(string institutionId, string datasetId) =>
        grains.GetGrain<IDatasetGrain>($"{institutionId}/{datasetId}");

    public async Task<string> RegisteredInstitution(Sector sector = Sector.PublicAdministration)
    {
        var id = UniqueIds.Next();
        await grains.GetGrain<IInstitutionGrain>(id).Register(Profiles.Valid(id) with { Sector = sector }, Admin);
        return id;
    }

    /// <summary>A draft round; <paramref name="configure"/> changes the definition.</summary>
    public async Task<string> DraftRound(Func<RoundDefinition, RoundDefinition>? configure = null)
    {
        var id = UniqueIds.Next("round");
        var definition = RoundDefinitions.Valid(id);
        var result = await Round(id).Create(configure is null ? definition : configure(definition), Admin);
        Assert.Equal(RoundOutcome.Created, result.Outcome);
        return id;
    }

    public async Task<string> OpenRound(Func<RoundDefinition, RoundDefinition>? configure = null)
    {
        var id = await DraftRound(configure);
        Assert.Equal(RoundOutcome.Ok, (await Round(id).Open(Admin)).Outcome);
        return id;
    }

    public async Task<string> ClosedRound()
    {
        var id = await OpenRound();
        Assert.Equal(RoundOutcome.Ok, (await Round(id).Close(Admin)).Outcome);
        return id;
    }

    /// <summary>An open round with one registered institution invited by name.</summary>
    public async Task<(string RoundId, string InstitutionId)> OpenRoundWithInstitution(Sector sector = Sector.PublicAdministration)
    {
        var institutionId = await RegisteredInstitution(sector);
        var roundId = await OpenRound(d => d with { Institutions = [institutionId] });
        return (roundId, institutionId);
    }

    public static SurveyWrite Write(
        string roundId,
        SurveyRecord? record = null,
        int? ifMatch = null,
        string? idempotencyKey = null,
        string bodyHash = "body-1") =>
        new(roundId, record ?? SurveyRecords.Valid(), Agency, ifMatch is { } revision ? [revision] : null, idempotencyKey, bodyHash);

    public static string NewDatasetId() => UniqueIds.Next("ds");
}
