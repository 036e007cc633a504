using System.Text.Json.Nodes;

namespace Census.Api.Tests.Infrastructure;

/// <summary>The round routes (api.md "Rounds") over one client (one caller), returning raw responses.</summary>
public sealed class RoundRoutes(HttpClient client)
{
    public const string Rounds = "/api/v1/rounds";

    public HttpClient Client { get; } = client;

    public Task<HttpResponseMessage> Create(JsonNode body) => Client.PostAsync(Rounds, body.AsJson());

    public Task<HttpResponseMessage> List(string query = "") => Client.GetAsync(Rounds + query);

    public Task<HttpResponseMessage> Get(string id) => Client.GetAsync($"{Rounds}/{id}");

    public Task<HttpResponseMessage> Open(string id) => Client.PostAsync($"{Rounds}/{id}/open", content: null);

    public Task<HttpResponseMessage> Close(string id) => Client.PostAsync($"{Rounds}/{id}/close", content: null);

    public Task<HttpResponseMessage> SetWeights(string id, JsonNode body) => Client.PutAsync($"{Rounds}/{id}/weights", body.AsJson());

    /// <summary>Creates a valid round (optionally changed) and checks it was created; returns the Round.</summary>
    public async Task<JsonElement> CreateValid(string id, string[] institutions, Func<JsonObject, JsonObject>? change = null)
    {
        var body = RoundDefinitions.Valid(id, institutions);
        using var response = await Create(change is null ? body : change(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJson();
    }

    public async Task<JsonElement> OpenValid(string id)
    {
        using var response = await Open(id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    public async Task<JsonElement> CloseValid(string id)
    {
        using var response = await Close(id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    /// <summary>The round as admin reads it.</summary>
    public async Task<JsonElement> Read(string id)
    {
        using var response = await Get(id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJson();
    }

    public async Task<string> State(string id) => (await Read(id)).GetProperty("state").GetString()!;
}
