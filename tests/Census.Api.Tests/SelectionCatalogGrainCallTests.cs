using System.Text.Json.Nodes;
using Census.Contracts.Surveys;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Api.Tests;

/// <summary>
/// The catalogue reads only what it publishes: one dataset-grain read per selected record and one institution read
/// per publisher, never a read per dataset of the round (architecture.md: no fan-out to every dataset).
/// </summary>
public sealed class SelectionCatalogGrainCallTests : IAsyncLifetime, IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly GrainCallCounter _calls = new();
    private readonly string _adminKey = CensusGatewayFactory.NewAdminKey();
    private CensusGatewayFactory _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new CensusGatewayFactory(_data.Path, _adminKey)
        {
            ExtraServices = services => services.AddSingleton<IIncomingGrainCallFilter>(_calls),
        };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_catalog_of_a_selection_of_two_out_of_six_reads_two_records_and_one_institution()
    {
        using var admin = _gateway.ClientWithKey(_adminKey);
        var api = new CensusApi(admin);
        var rounds = new RoundRoutes(admin);
        var surveys = new SurveyRoutes(admin);
        var institution = Ids.New("calls");
        await api.RegisterValid(institution);
        var roundId = Ids.New("round");
        await rounds.CreateValid(roundId, [institution], r => r.With("selection", new JsonObject { ["quota"] = 2 }));
        await rounds.OpenValid(roundId);
        for (var i = 0; i < 6; i++)
        {
            await surveys.PutValid(roundId, institution, $"ds-{i}");
        }

        await rounds.CloseValid(roundId);
        await Finalize(admin, roundId);
        var datasetReadsBefore = _calls.Of(nameof(IDatasetGrain), nameof(IDatasetGrain.Get));
        var institutionReadsBefore = _calls.Of(nameof(Census.Contracts.Institutions.IInstitutionGrain), "Get");

        using var anonymous = _gateway.ClientWith(null);
        using var response = await anonymous.GetAsync(SelectionCatalogScene.CatalogRoute(roundId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _calls.Of(nameof(IDatasetGrain), nameof(IDatasetGrain.Get)) - datasetReadsBefore);
        Assert.Equal(1, _calls.Of(nameof(Census.Contracts.Institutions.IInstitutionGrain), "Get") - institutionReadsBefore);
    }

    private static async Task Finalize(HttpClient admin, string roundId)
    {
        using var start = await admin.PostAsync($"/api/v1/rounds/{roundId}/rankings", content: null);
        var runId = (await start.ReadJson()).GetProperty("runId").GetString()!;
        var until = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var run = await admin.GetAsync($"/api/v1/rounds/{roundId}/rankings/{runId}");
            if ((await run.ReadJson()).GetProperty("state").GetString() != "running")
            {
                break;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Run {runId} still running after 30 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        using var finalize = await admin.PostAsync($"/api/v1/rounds/{roundId}/selection", new JsonObject { ["runId"] = runId }.AsJson());
        Assert.Equal(HttpStatusCode.OK, finalize.StatusCode);

        // The finalization's case opener reads the selected records in its own turns: let it finish before counting.
        await Processing.ProcessingScene.UntilCasesOpen(admin, roundId, 2);
    }
}
