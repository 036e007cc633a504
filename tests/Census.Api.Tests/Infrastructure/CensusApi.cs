using System.Text.Json.Nodes;

namespace Census.Api.Tests.Infrastructure;

/// <summary>The institution routes over one client (one caller), returning raw responses.</summary>
public sealed class CensusApi(HttpClient client)
{
    public const string Institutions = "/api/v1/institutions";

    public HttpClient Client { get; } = client;

    public Task<HttpResponseMessage> Register(JsonNode body) => Client.PostAsync(Institutions, body.AsJson());

    public Task<HttpResponseMessage> Get(string id) => Client.GetAsync($"{Institutions}/{id}");

    public Task<HttpResponseMessage> List(string query = "") => Client.GetAsync(Institutions + query);

    public Task<HttpResponseMessage> IssueKey(string id) => Client.PostAsync($"{Institutions}/{id}/api-keys", content: null);

    public Task<HttpResponseMessage> RevokeKey(string id, string keyId) => Client.DeleteAsync($"{Institutions}/{id}/api-keys/{keyId}");

    /// <summary>Registers a valid institution (optionally changed) and checks it was created.</summary>
    public async Task<JsonElement> RegisterValid(string id, Func<JsonObject, JsonObject>? change = null)
    {
        var body = Registrations.Valid(id);
        using var response = await Register(change is null ? body : change(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJson();
    }

    /// <summary>Issues a key and returns (keyId, apiKey).</summary>
    public async Task<(string KeyId, string ApiKey)> IssueValidKey(string id)
    {
        using var response = await IssueKey(id);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJson();
        return (body.GetProperty("keyId").GetString()!, body.GetProperty("apiKey").GetString()!);
    }

    public async Task<int> Total(string query = "")
    {
        using var response = await List(query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJson()).GetProperty("total").GetInt32();
    }

    public async Task AssertNotRegistered(string id)
    {
        using var response = await Get(id);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
