using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>An institution's import routes in a round (api.md "Bulk intake and exchange") over one client, with NDJSON files.</summary>
public sealed class ImportsRoutes(HttpClient client)
{
    public const string Ndjson = "application/x-ndjson";

    public HttpClient Client { get; } = client;

    public static string Imports(string roundId, string institutionId) => $"/api/v1/rounds/{roundId}/institutions/{institutionId}/imports";

    /// <summary>One NDJSON line: the record with its <c>datasetId</c> (and <c>action</c> when given).</summary>
    public static string Line(string datasetId, JsonObject? record = null, string? action = null)
    {
        var line = (JsonObject)(record ?? SurveyRecords.Valid()).DeepClone();
        line["datasetId"] = datasetId;
        if (action is not null)
        {
            line["action"] = action;
        }

        return line.ToJsonString();
    }

    public static HttpContent File(IEnumerable<string> lines, string mediaType = Ndjson) =>
        new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8, new MediaTypeHeaderValue(mediaType));

    public async Task<HttpResponseMessage> Post(string roundId, string institutionId, HttpContent file, string query = "", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Imports(roundId, institutionId) + query) { Content = file };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> Get(string location) => Client.GetAsync(location);

    public Task<HttpResponseMessage> List(string roundId, string institutionId) => Client.GetAsync(Imports(roundId, institutionId));

    public Task<HttpResponseMessage> Errors(string location, string query = "", string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, location + "/errors" + query);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> Cancel(string location) => Client.DeleteAsync(location);

    /// <summary>Posts a file, checks the 202 and its Location, and returns that location.</summary>
    public async Task<string> Started(string roundId, string institutionId, IEnumerable<string> lines, string query = "")
    {
        using var response = await Post(roundId, institutionId, File(lines), query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {text}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Polls the import until it is no longer validating or running; returns it as it ended.</summary>
    public async Task<JsonElement> Ended(string location)
    {
        var until = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            using var response = await Get(location);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var import = await response.ReadJson();
            if (import.GetProperty("state").GetString() is not ("validating" or "running"))
            {
                return import;
            }

            Assert.True(DateTimeOffset.UtcNow < until, "The import did not end: " + import);
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    public async Task<JsonElement> Run(string roundId, string institutionId, IEnumerable<string> lines, string query = "") =>
        await Ended(await Started(roundId, institutionId, lines, query));
}
