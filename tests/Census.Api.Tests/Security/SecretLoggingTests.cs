using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Census.Api.Tests.Security;

/// <summary>
/// Secrets are never logged: every log entry the gateway and its silo write at any level — message,
/// exception, structured values and scope values — is captured while keys are issued (the response
/// carries the secret once), used, misused and revoked, and none may hold the admin key, an issued key
/// or its secret part.
/// </summary>
// The capture and the gateway are disposed in DisposeAsync.
#pragma warning disable CA1001
public sealed class SecretLoggingTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly LogCapture _logs = new(LogLevel.Trace);
    private readonly GatewayFixture _gateway;
    private readonly List<string> _secrets = [];

    public SecretLoggingTests() => _gateway = GatewayFixture.WithLogs(_logs);

    public Task InitializeAsync() => _gateway.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _logs.Dispose();
    }

    [Fact]
    public async Task No_log_entry_holds_the_admin_key_or_any_part_of_a_secret_of_an_issued_key()
    {
        _secrets.Add(_gateway.AdminKey);
        var a = await _gateway.NewInstitution("inst-a");
        var b = await _gateway.NewInstitution("inst-b");
        var keyA = await Issue(a);
        var keyB = await Issue(b);
        var revoked = await Issue(a);
        using (var revocation = await _gateway.Admin.RevokeKey(a, revoked.KeyId))
        {
            Assert.Equal(HttpStatusCode.NoContent, revocation.StatusCode);
        }

        var round = await _gateway.NewOpenRound(a, b);
        var secretA = SecretOf(keyA.ApiKey);

        // Valid keys, each on a route it may use, one it may not, and a write.
        await Expect(HttpStatusCode.OK, "Bearer " + keyA.ApiKey, HttpMethod.Get, $"/api/v1/institutions/{a}");
        await Expect(HttpStatusCode.Forbidden, "Bearer " + keyA.ApiKey, HttpMethod.Get, $"/api/v1/institutions/{b}");
        await Expect(HttpStatusCode.Forbidden, "Bearer " + keyB.ApiKey, HttpMethod.Get, "/api/v1/institutions");
        await Expect(HttpStatusCode.Created, "Bearer " + keyB.ApiKey, HttpMethod.Put, SurveyRoutes.Dataset(round, b, "ds-1"), SurveyRecords.Valid());
        await Expect(HttpStatusCode.OK, "Bearer " + keyB.ApiKey, HttpMethod.Get, SurveyRoutes.Dataset(round, b, "ds-1"));

        // The revoked key, and keys that are wrong in every way a secret can be.
        await Expect(HttpStatusCode.Unauthorized, "Bearer " + revoked.ApiKey, HttpMethod.Get, $"/api/v1/institutions/{a}");
        await Expect(HttpStatusCode.Unauthorized, "Bearer " + keyA.ApiKey[..^1] + (keyA.ApiKey[^1] == 'x' ? 'y' : 'x'), HttpMethod.Get, $"/api/v1/institutions/{a}");
        await Expect(HttpStatusCode.Unauthorized, $"Bearer cen.{b}.{keyA.KeyId}.{secretA}", HttpMethod.Get, $"/api/v1/institutions/{b}");
        await Expect(HttpStatusCode.Unauthorized, $"Bearer cen.{a}.{Ids.UnknownKeyId()}.{secretA}", HttpMethod.Get, $"/api/v1/institutions/{a}");
        await Expect(HttpStatusCode.Unauthorized, "Bearer " + secretA, HttpMethod.Get, $"/api/v1/institutions/{a}");
        await Expect(HttpStatusCode.Unauthorized, "Basic " + keyA.ApiKey, HttpMethod.Get, $"/api/v1/institutions/{a}");
        await Expect(HttpStatusCode.Unauthorized, keyA.ApiKey, HttpMethod.Get, $"/api/v1/institutions/{a}");
        await Expect(HttpStatusCode.Unauthorized, "Bearer " + _gateway.AdminKey + "x", HttpMethod.Get, "/api/v1/institutions");
        await Expect(HttpStatusCode.Unauthorized, "Bearer " + _gateway.AdminKey[1..], HttpMethod.Get, "/api/v1/institutions");

        // The admin key, on reads, writes and refused writes.
        await Expect(HttpStatusCode.OK, "Bearer " + _gateway.AdminKey, HttpMethod.Get, "/api/v1/institutions");
        await Expect(HttpStatusCode.BadRequest, "Bearer " + _gateway.AdminKey, HttpMethod.Post, "/api/v1/institutions", new JsonObject { ["id"] = "Bad_ID" });
        await Expect(HttpStatusCode.OK, "Bearer " + _gateway.AdminKey, HttpMethod.Post, $"/api/v1/rounds/{round}/close");
        await Expect(HttpStatusCode.Conflict, "Bearer " + _gateway.AdminKey, HttpMethod.Post, $"/api/v1/rounds/{round}/close");
        await Expect(HttpStatusCode.NotFound, "Bearer " + _gateway.AdminKey, HttpMethod.Delete, $"/api/v1/institutions/{a}/api-keys/{Ids.UnknownKeyId()}");

        var entries = _logs.Entries.ToList();
        Assert.Contains(entries, e => e.Message.Contains($"API key {keyA.KeyId} issued", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Trace);
        var leaks = entries
            .SelectMany(e => _secrets.Where(s => e.Text.Contains(s, StringComparison.Ordinal)).Select(s => $"[{e.Level} {e.Category}] {e.Message}"))
            .Distinct()
            .ToList();
        Assert.True(leaks.Count == 0, $"Log entries holding a secret ({entries.Count} entries captured):\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task A_generated_local_admin_key_is_not_logged_but_where_it_is_kept_is()
    {
        using var data = new TempDataDirectory();
        var logs = new LogCapture(LogLevel.Trace);
        await using (var gateway = new CensusGatewayFactory(data.Path, adminKey: null) { Logs = logs })
        {
            using var live = await gateway.CreateClient().GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        var key = (await File.ReadAllTextAsync(Path.Combine(data.Path, "admin-key"))).Trim();
        var entries = logs.Entries.ToList();
        Assert.Contains(entries, e => e.Message.Contains(Path.Combine(data.Path, "admin-key"), StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Text.Contains(key, StringComparison.Ordinal));
    }

    private async Task<(string KeyId, string ApiKey)> Issue(string institution)
    {
        var key = await _gateway.Admin.IssueValidKey(institution);
        _secrets.Add(key.ApiKey);
        _secrets.Add(SecretOf(key.ApiKey));
        return key;
    }

    /// <summary>The secret part of <c>cen.{institution}.{keyId}.{secret}</c>.</summary>
    private static string SecretOf(string apiKey) => apiKey[(apiKey.LastIndexOf('.') + 1)..];

    private async Task Expect(HttpStatusCode status, string authorization, HttpMethod method, string path, JsonNode? body = null)
    {
        using var client = _gateway.Factory.ClientWith(authorization);
        using var request = new HttpRequestMessage(method, path) { Content = body?.AsJson() };
        using var response = await client.SendAsync(request);
        Assert.True(status == response.StatusCode, $"{method} {path}: expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
