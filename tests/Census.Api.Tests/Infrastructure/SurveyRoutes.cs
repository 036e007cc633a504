using System.Text.Json.Nodes;

namespace Census.Api.Tests.Infrastructure;

/// <summary>
/// An institution's routes in a round (api.md "Survey records") over one client (one caller),
/// returning raw responses. Headers for one call (If-Match, Idempotency-Key) go in <c>headers</c>.
/// </summary>
public sealed class SurveyRoutes(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static string Assignment(string roundId, string institutionId) => $"/api/v1/rounds/{roundId}/institutions/{institutionId}";

    public static string Datasets(string roundId, string institutionId) => Assignment(roundId, institutionId) + "/datasets";

    public static string Dataset(string roundId, string institutionId, string datasetId) => $"{Datasets(roundId, institutionId)}/{datasetId}";

    public Task<HttpResponseMessage> GetAssignment(string roundId, string institutionId) => Client.GetAsync(Assignment(roundId, institutionId));

    public Task<HttpResponseMessage> Submit(string roundId, string institutionId) =>
        Client.PostAsync(Assignment(roundId, institutionId) + "/submit", content: null);

    public Task<HttpResponseMessage> List(string roundId, string institutionId, string query = "") =>
        Client.GetAsync(Datasets(roundId, institutionId) + query);

    public Task<HttpResponseMessage> Put(string roundId, string institutionId, string datasetId, JsonNode record, params (string Name, string Value)[] headers) =>
        Put(roundId, institutionId, datasetId, record.AsJson(), headers);

    public Task<HttpResponseMessage> Put(string roundId, string institutionId, string datasetId, HttpContent content, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Dataset(roundId, institutionId, datasetId)) { Content = content };
        return Send(request, headers);
    }

    public Task<HttpResponseMessage> Get(string roundId, string institutionId, string datasetId) =>
        Client.GetAsync(Dataset(roundId, institutionId, datasetId));

    public Task<HttpResponseMessage> Withdraw(string roundId, string institutionId, string datasetId, params (string Name, string Value)[] headers) =>
        Send(new HttpRequestMessage(HttpMethod.Delete, Dataset(roundId, institutionId, datasetId)), headers);

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, (string Name, string Value)[] headers)
    {
        using (request)
        {
            foreach (var (name, value) in headers)
            {
                Assert.True(request.Headers.TryAddWithoutValidation(name, value), $"Could not add header {name}.");
            }

            return await Client.SendAsync(request);
        }
    }

    /// <summary>Puts a record and checks the status (default 201); returns the SurveyResponse.</summary>
    public async Task<JsonElement> PutValid(string roundId, string institutionId, string datasetId, JsonNode? record = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await Put(roundId, institutionId, datasetId, record ?? SurveyRecords.Valid());
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    /// <summary>The stored record and its ETag; fails unless it is found.</summary>
    public async Task<(JsonElement Body, string? ETag)> Read(string roundId, string institutionId, string datasetId)
    {
        using var response = await Get(roundId, institutionId, datasetId);
        Assert.True(HttpStatusCode.OK == response.StatusCode, $"Expected 200, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJson(), response.Headers.ETag?.Tag);
    }

    public async Task<JsonElement> ReadAssignment(string roundId, string institutionId)
    {
        using var response = await GetAssignment(roundId, institutionId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    public async Task<string> Status(string roundId, string institutionId) =>
        (await ReadAssignment(roundId, institutionId)).GetProperty("status").GetString()!;
}
