using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Api.Tests.Security.Fuzzing;

/// <summary>
/// The data a fuzz run starts from, made through the API as admin: three institutions (two with agency
/// keys, one of them with a revoked key too), and rounds in every state — draft, open (two: one
/// inviting A and B, one inviting everyone), closed with a completed ranking run, finalized — with
/// records in them. Fuzzed paths draw their ids from here, so requests reach past id validation into
/// the grains; the same names are used in every run, so a seed reproduces the same requests.
/// </summary>
public sealed class FuzzWorld
{
    public const string InstitutionA = "fuzz-a";
    public const string InstitutionB = "fuzz-b";
    public const string InstitutionC = "fuzz-c";
    public const string DraftRound = "fuzz-draft";
    public const string OpenRound = "fuzz-open";
    public const string EveryoneRound = "fuzz-everyone";
    public const string ClosedRound = "fuzz-closed";
    public const string FinalRound = "fuzz-final";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    private readonly GatewayFixture _gateway;

    private FuzzWorld(GatewayFixture gateway) => _gateway = gateway;

    public string AdminKey => _gateway.AdminKey;

    public (string KeyId, string ApiKey) KeyA { get; private set; }

    public (string KeyId, string ApiKey) KeyB { get; private set; }

    public (string KeyId, string ApiKey) RevokedA { get; private set; }

    /// <summary>Every institution key issued so far, by the arrangement or by a fuzzed request that succeeded.</summary>
    public List<string> IssuedKeys { get; } = [];

    public List<string> Institutions { get; } = [InstitutionA, InstitutionB, InstitutionC, "fuzz-nobody"];

    public List<string> Rounds { get; } = [DraftRound, OpenRound, EveryoneRound, ClosedRound, FinalRound, "fuzz-no-round"];

    /// <summary>Institutions registered by fuzzed requests that succeeded (drawn less often than the arranged ones).</summary>
    public List<string> LearnedInstitutions { get; } = [];

    /// <summary>Rounds created by fuzzed requests that succeeded (drawn less often than the arranged ones).</summary>
    public List<string> LearnedRounds { get; } = [];

    /// <summary>Rounds a lifecycle route (open, close, finalize) must not move, so survey routes keep an open round to write to.</summary>
    public IReadOnlyList<string> KeptOpen { get; } = [OpenRound, EveryoneRound];

    public List<string> Datasets { get; } = ["ds-1", "ds-2", "ds-3"];

    public List<string> KeyIds { get; } = ["0123456789ab"];

    public List<string> RunIds { get; } = ["run-1", "run-2", "run-99"];

    /// <summary>Keys a revocation route must not revoke, so agency callers stay agency callers.</summary>
    public IReadOnlySet<string> KeptKeyIds => new HashSet<string> { KeyA.KeyId, KeyB.KeyId };

    public static async Task<FuzzWorld> Arrange(GatewayFixture gateway)
    {
        var world = new FuzzWorld(gateway);
        await world.ArrangeAsync();
        return world;
    }

    private async Task ArrangeAsync()
    {
        foreach (var id in new[] { InstitutionA, InstitutionB, InstitutionC })
        {
            await _gateway.Admin.RegisterValid(id);
        }

        KeyA = await Issue(InstitutionA);
        KeyB = await Issue(InstitutionB);
        RevokedA = await Issue(InstitutionA);
        using (var revoked = await _gateway.Admin.RevokeKey(InstitutionA, RevokedA.KeyId))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        string[] ab = [InstitutionA, InstitutionB];
        await _gateway.Rounds.CreateValid(DraftRound, ab);

        await _gateway.Rounds.CreateValid(OpenRound, ab);
        await _gateway.Rounds.OpenValid(OpenRound);
        await _gateway.Surveys.PutValid(OpenRound, InstitutionA, "ds-1");
        await _gateway.Surveys.PutValid(OpenRound, InstitutionA, "ds-2", SurveyRecords.Minimal());
        await _gateway.Surveys.PutValid(OpenRound, InstitutionB, "ds-1");
        using (var submitted = await _gateway.Surveys.Submit(OpenRound, InstitutionB))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        await _gateway.Rounds.CreateValid(EveryoneRound, []);
        await _gateway.Rounds.OpenValid(EveryoneRound);
        await _gateway.Surveys.PutValid(EveryoneRound, InstitutionC, "ds-1");

        await _gateway.Rounds.CreateValid(ClosedRound, ab);
        await _gateway.Rounds.OpenValid(ClosedRound);
        await _gateway.Surveys.PutValid(ClosedRound, InstitutionA, "ds-1");
        await _gateway.Surveys.PutValid(ClosedRound, InstitutionB, "ds-1");
        await _gateway.Rounds.CloseValid(ClosedRound);
        await RankToCompletion(ClosedRound);

        await _gateway.Rounds.CreateValid(FinalRound, ab);
        await _gateway.Rounds.OpenValid(FinalRound);
        await _gateway.Surveys.PutValid(FinalRound, InstitutionA, "ds-1");
        await _gateway.Rounds.CloseValid(FinalRound);
        var run = await RankToCompletion(FinalRound);
        using (var finalized = await _gateway.Admin.Client.PostAsync($"/api/v1/rounds/{FinalRound}/selection", new JsonObject { ["runId"] = run }.AsJson()))
        {
            Assert.Equal(HttpStatusCode.OK, finalized.StatusCode);
        }

        // The finalization's cases open in the round's case opener, in its own turns: let them all be written before
        // the fuzzing starts, or their writes would be laid at the door of whichever request came next.
        var opener = _gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<Census.Contracts.Provision.ICaseOpenerGrain>(FinalRound);
        for (var attempt = 0; attempt < 300 && !await opener.Done(); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(await opener.Done(), $"The cases of {FinalRound} did not open.");

        // Read every assignment once, so the rounds have recorded their subscribers before the fuzzing starts.
        foreach (var round in Rounds)
        {
            foreach (var institution in Institutions)
            {
                using var _ = await _gateway.Surveys.GetAssignment(round, institution);
            }
        }
    }

    private async Task<(string KeyId, string ApiKey)> Issue(string institution)
    {
        var key = await _gateway.Admin.IssueValidKey(institution);
        IssuedKeys.Add(key.ApiKey);
        KeyIds.Add(key.KeyId);
        return key;
    }

    private async Task<string> RankToCompletion(string round)
    {
        using var started = await _gateway.Admin.Client.PostAsync($"/api/v1/rounds/{round}/rankings", content: null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await UntilFinished(started.Headers.Location!.OriginalString);
        var run = (await started.ReadJson()).GetProperty("runId").GetString()!;
        Runs.Add((round, run));
        return run;
    }

    /// <summary>The ranking runs the arrangement started (round, run), whose results the store must hold before fuzzing starts.</summary>
    public List<(string Round, string Run)> Runs { get; } = [];

    /// <summary>Reads a ranking run as admin until it is no longer running.</summary>
    private async Task UntilFinished(string runLocation)
    {
        var until = DateTimeOffset.UtcNow + RunTimeout;
        while (true)
        {
            using var response = await _gateway.Admin.Client.GetAsync(runLocation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if ((await response.ReadJson()).GetProperty("state").GetString() != "running")
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Run {runLocation} still running after {RunTimeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>The valid body of a route (by method and template), fresh each time; null for routes that take none.</summary>
    public static JsonNode? ValidBody(string method, string template, int serial) => (method, template) switch
    {
        ("POST", "/api/v1/institutions") => Registrations.Valid($"fuzz-new-{serial}"),
        ("POST", "/api/v1/rounds") => RoundDefinitions.Valid($"fuzz-round-{serial}", serial % 2 == 0 ? new[] { InstitutionA, InstitutionB } : Array.Empty<string>()),
        ("PUT", "/api/v1/rounds/{id}/weights") => RoundDefinitions.Weights(RoundDefinitions.DefaultWeights),
        ("PUT", "/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}") => serial % 3 == 0 ? SurveyRecords.Minimal() : SurveyRecords.Valid(),
        ("POST", "/api/v1/rounds/{id}/rankings") => serial % 2 == 0 ? new JsonObject() : new JsonObject { ["rubricVersion"] = 1 },
        ("POST", "/api/v1/rounds/{id}/selection") => new JsonObject { ["runId"] = "run-1" },
        _ => null,
    };

    /// <summary>Learns from a successful fuzzed request: new ids to use in paths, and issued keys (secrets to look for in the logs).</summary>
    public void Learn(CatalogRoute? route, HttpResponseMessage response, string responseBody)
    {
        if (route is null || response.StatusCode != HttpStatusCode.Created)
        {
            return;
        }

        using var document = JsonDocument.Parse(responseBody);
        var body = document.RootElement;
        switch (route.Template)
        {
            case "/api/v1/institutions" when LearnedInstitutions.Count < 30:
                LearnedInstitutions.Add(body.GetProperty("id").GetString()!);
                break;
            case "/api/v1/rounds" when LearnedRounds.Count < 30:
                LearnedRounds.Add(body.GetProperty("id").GetString()!);
                break;
            case "/api/v1/institutions/{id}/api-keys":
                IssuedKeys.Add(body.GetProperty("apiKey").GetString()!);
                KeyIds.Add(body.GetProperty("keyId").GetString()!);
                break;
        }
    }
}
