using System.Net.Http.Json;
using Census.Contracts.Surveys;
using Census.Domain.Serialization;

namespace Census.Console.Tests.Infrastructure;

/// <summary>What a page test starts from, made through the API as admin (the console is what is under test, not this).</summary>
public sealed class Arrange(ConsoleServer server)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        CensusJson.Configure(options);
        return options;
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];

    public async Task<string> InstitutionAsync(string? id = null, string name = "테스트 기관", string sector = "environment-weather")
    {
        id ??= NewId("inst");
        using var response = await server.Api.PostAsync("/api/v1/institutions", JsonContent(new JsonObject
        {
            ["id"] = id, ["name"] = name, ["kind"] = "public-institution", ["sector"] = sector,
        }));
        await Ok(response);
        return id;
    }

    /// <summary>Issues a key for the institution; returns (keyId, apiKey).</summary>
    public async Task<(string KeyId, string ApiKey)> KeyAsync(string institutionId)
    {
        using var response = await server.Api.PostAsync($"/api/v1/institutions/{institutionId}/api-keys", null);
        await Ok(response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("keyId").GetString()!, body.GetProperty("apiKey").GetString()!);
    }

    public async Task RevokeAsync(string institutionId, string keyId)
    {
        using var response = await server.Api.DeleteAsync($"/api/v1/institutions/{institutionId}/api-keys/{keyId}");
        await Ok(response);
    }

    /// <summary>A round inviting <paramref name="institutions"/>, opened unless told otherwise.</summary>
    public async Task<string> RoundAsync(string[] institutions, bool open = true, int quota = 5, string? title = null)
    {
        var id = NewId("round");
        using var created = await server.Api.PostAsync("/api/v1/rounds", JsonContent(new JsonObject
        {
            ["id"] = id,
            ["title"] = title ?? "2026 AI 학습데이터 실태조사",
            ["deadline"] = DateTimeOffset.UtcNow.AddDays(30).ToString("O"),
            ["selection"] = new JsonObject { ["quota"] = quota },
            ["institutions"] = new JsonArray([.. institutions.Select(i => (JsonNode)i)]),
        }));
        await Ok(created);
        if (open)
        {
            using var opened = await server.Api.PostAsync($"/api/v1/rounds/{id}/open", null);
            await Ok(opened);
        }

        return id;
    }

    public async Task<JsonElement> RecordAsync(string roundId, string institutionId, string datasetId, SurveyRecord record, HttpClient? client = null)
    {
        var content = new StringContent(JsonSerializer.Serialize(record, Json), System.Text.Encoding.UTF8, "application/json");
        using var response = await (client ?? server.Api).PutAsync($"/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}", content);
        await Ok(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? server.Api).GetAsync(path);
        await Ok(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static async Task Ok(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
