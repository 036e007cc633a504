using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>
/// A finalized round with a real selection: two institutions (one in law, one with no English name), records
/// that differ where the exports map (licence, formats, sector, availability, personal data) and a description
/// with characters Turtle must escape; closed, ranked after the close, finalized.
/// </summary>
public sealed record SelectionCatalogScene(string RoundId, string InstitutionA, string InstitutionB, string RunId)
{
    public const string Tricky = "ds-tricky";
    public const string Proprietary = "ds-proprietary";
    public const string Plain = "ds-plain";
    public const string Ineligible = "ds-ineligible";

    /// <summary>A description with a quote, a backslash, a newline, a carriage return and a tab.</summary>
    public const string TrickyDescription = "Line \"one\" with a back\\slash,\r\nline two\twith a tab — 끝.";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    public static string CatalogRoute(string roundId) => $"/api/v1/rounds/{roundId}/selection/catalog";

    public static string CroissantRoute(string roundId, string institutionId, string datasetId) =>
        $"/api/v1/rounds/{roundId}/selection/{institutionId}/{datasetId}/croissant";

    public static async Task<SelectionCatalogScene> Finalized(GatewayFixture gateway)
    {
        var a = await gateway.NewInstitution("cat-a");
        var b = Ids.New("cat-b");
        await gateway.Admin.RegisterValid(b, r => r.With("sector", "law").Without("nameEn").Without("contactEmail"));
        var roundId = await gateway.NewOpenRound(a, b);

        await gateway.Surveys.PutValid(roundId, a, Tricky, SurveyRecords.Valid("측정망 \"원자료\"")
            .With("description", TrickyDescription)
            .With("formats", new JsonArray("CSV", ".parquet", "hwp")));
        await gateway.Surveys.PutValid(roundId, a, Proprietary, SurveyRecords.Valid("내부 행정 자료")
            .With("license", "proprietary")
            .With("availability.afterProcessing", "safe-zone-only")
            .With("personalData.status", "identifiable")
            .With("personalData.deidentificationPlanned", true)
            .With("processingPlan", new JsonArray("de-identification", "labeling")));
        await gateway.Surveys.PutValid(roundId, b, Plain, SurveyRecords.Valid("판결문 텍스트")
            .Without("description").Without("keywords").Without("contactEmail")
            .With("license", "cc-by")
            .With("formats", new JsonArray()));
        await gateway.Surveys.PutValid(roundId, b, Ineligible, SurveyRecords.Valid("제공 불가 자료")
            .With("availability.afterProcessing", "not-providable"));

        await gateway.Rounds.CloseValid(roundId);
        var runId = await CompletedRun(gateway, roundId);
        using var finalize = await gateway.Admin.Client.PostAsync($"/api/v1/rounds/{roundId}/selection", new JsonObject { ["runId"] = runId }.AsJson());
        Assert.Equal(HttpStatusCode.OK, finalize.StatusCode);
        return new SelectionCatalogScene(roundId, a, b, runId);
    }

    private static async Task<string> CompletedRun(GatewayFixture gateway, string roundId)
    {
        using var start = await gateway.Admin.Client.PostAsync($"/api/v1/rounds/{roundId}/rankings", content: null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var runId = (await start.ReadJson()).GetProperty("runId").GetString()!;
        var until = DateTimeOffset.UtcNow + RunTimeout;
        while (true)
        {
            using var response = await gateway.Admin.Client.GetAsync($"/api/v1/rounds/{roundId}/rankings/{runId}");
            var state = (await response.ReadJson()).GetProperty("state").GetString();
            if (state != "running")
            {
                Assert.Equal("completed", state);
                return runId;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Run {runId} still running after {RunTimeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
