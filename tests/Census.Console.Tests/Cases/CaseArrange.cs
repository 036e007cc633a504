using System.Net.Http.Json;
using Census.Console.Tests.Infrastructure;
using Census.Contracts.Surveys;

namespace Census.Console.Tests.Cases;

/// <summary>Processing cases made through the API as admin: a finalized round with one selected dataset, reviewers, case steps.</summary>
public sealed class CaseArrange(ConsoleServer server)
{
    private readonly Arrange _arrange = new(server);

    public Arrange Base => _arrange;

    /// <summary>A round of one institution with one record, closed, ranked and finalized: the record's case is open.</summary>
    public async Task<(string Round, string Institution)> FinalizedRoundAsync(string datasetId, SurveyRecord record)
    {
        var institution = await _arrange.InstitutionAsync(name: "처리 기관");
        var round = await _arrange.RoundAsync([institution], quota: 5);
        await _arrange.RecordAsync(round, institution, datasetId, record);
        await SendAsync(HttpMethod.Post, $"/api/v1/rounds/{round}/close");
        var runId = (await SendAsync(HttpMethod.Post, $"/api/v1/rounds/{round}/rankings")).GetProperty("runId").GetString();
        // The run completes in the background; its state is read over HTTP, the only view a client has of it.
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var run = await _arrange.GetAsync($"/api/v1/rounds/{round}/rankings/{runId}");
            if (run.GetProperty("state").GetString() == "completed")
            {
                break;
            }

            await Task.Delay(100);
        }

        await SendAsync(HttpMethod.Post, $"/api/v1/rounds/{round}/selection", new JsonObject { ["runId"] = runId });

        // The round's case opener opens the cases in its own turns, right after the finalization.
        for (var attempt = 0; attempt < 300 && (await _arrange.GetAsync($"/api/v1/rounds/{round}/cases")).GetArrayLength() == 0; attempt++)
        {
            await Task.Delay(100);
        }

        return (round, institution);
    }

    /// <summary>Registers a reviewer of another organisation; returns their principal key.</summary>
    public async Task<string> ReviewerAsync(string id)
    {
        await SendAsync(HttpMethod.Post, "/api/v1/principals", new JsonObject
        {
            ["id"] = id, ["name"] = "검토 위원", ["role"] = "reviewer", ["organisation"] = "review-board",
        });
        return (await SendAsync(HttpMethod.Post, $"/api/v1/principals/{id}/api-keys")).GetProperty("apiKey").GetString()!;
    }

    public static string CasePath(string round, string institution, string dataset) =>
        $"/api/v1/rounds/{round}/institutions/{institution}/datasets/{dataset}/case";

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await server.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every task of the case through todo → in-progress → done with a document as its evidence.</summary>
    public async Task CompleteTasksAsync(string casePath)
    {
        var tasks = (await _arrange.GetAsync(casePath + "/")).GetProperty("tasks").EnumerateArray()
            .Select(t => t.GetProperty("step").GetString()!).ToList();
        foreach (var step in tasks)
        {
            await SendAsync(HttpMethod.Put, $"{casePath}/tasks/{step}", new JsonObject { ["state"] = "in-progress" });
            await SendAsync(HttpMethod.Post, $"{casePath}/evidence/documents", new JsonObject { ["task"] = step, ["note"] = "처리 결과 문서" });
            await SendAsync(HttpMethod.Put, $"{casePath}/tasks/{step}", new JsonObject { ["state"] = "done" });
        }
    }

    public async Task DeliverAsync(string casePath, SurveyRecord record)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Census.Domain.Serialization.CensusJson.Configure(json);
        using var response = await server.Api.PutAsync(casePath + "/delivered",
            new StringContent(JsonSerializer.Serialize(record, json), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
