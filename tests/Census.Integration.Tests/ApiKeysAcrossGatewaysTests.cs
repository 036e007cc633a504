using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Census.Integration.Tests.Infrastructure;

namespace Census.Integration.Tests;

/// <summary>Institution keys are checked by their institution grain, so every gateway agrees at once.</summary>
public sealed class ApiKeysAcrossGatewaysTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task A_key_revoked_through_one_gateway_is_refused_at_once_by_another()
    {
        var institution = "keys-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = cluster.Gateway.CreateAdminClient();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/institutions",
            new { id = institution, name = "통계청", kind = "central-government", sector = "public-administration" })).StatusCode);
        var issued = await admin.PostAsync($"/api/v1/institutions/{institution}/api-keys", null);
        using var key = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        var apiKey = key.RootElement.GetProperty("apiKey").GetString();
        var keyId = key.RootElement.GetProperty("keyId").GetString();

        await using var otherGateway = await ClusterGateway.StartAsync(cluster.Database.ConnectionString, cluster.ClusterId);
        using var agencyElsewhere = otherGateway.CreateClient();
        agencyElsewhere.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        Assert.Equal(HttpStatusCode.OK, (await agencyElsewhere.GetAsync($"/api/v1/institutions/{institution}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/institutions/{institution}/api-keys/{keyId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await agencyElsewhere.GetAsync($"/api/v1/institutions/{institution}")).StatusCode);
    }

    [Fact]
    public async Task A_key_issue_retried_through_another_gateway_with_the_same_Idempotency_Key_returns_the_same_key_once()
    {
        var institution = "idem-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = cluster.Gateway.CreateAdminClient();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/institutions",
            new { id = institution, name = "Retry check", kind = "other", sector = "finance" })).StatusCode);
        var idempotencyKey = Guid.NewGuid().ToString();
        using var first = await IssueKey(admin, institution, idempotencyKey);

        await using var otherGateway = await ClusterGateway.StartAsync(cluster.Database.ConnectionString, cluster.ClusterId);
        using var adminElsewhere = otherGateway.CreateAdminClient();
        using var retried = await IssueKey(adminElsewhere, institution, idempotencyKey);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        using var list = JsonDocument.Parse(await adminElsewhere.GetStringAsync($"/api/v1/institutions/{institution}/api-keys"));
        Assert.Equal(1, list.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_the_hash_of_an_issued_key_is_stored_even_in_its_kept_idempotent_reply()
    {
        var institution = "hash-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = cluster.Gateway.CreateAdminClient();
        await admin.PostAsJsonAsync("/api/v1/institutions",
            new { id = institution, name = "Hash check", kind = "other", sector = "finance" });
        var idempotencyKey = Guid.NewGuid().ToString();
        var issued = await IssueKey(admin, institution, idempotencyKey);
        using var key = JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
        var secret = key.RootElement.GetProperty("apiKey").GetString()!.Split('.')[3];

        var stored = await cluster.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_storage WHERE grain_id_extension_string LIKE '%{institution}%' OR convert_from(payload_binary, 'UTF8') LIKE '%{institution}%'");
        var leaked = await cluster.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_storage WHERE convert_from(payload_binary, 'UTF8') LIKE '%{secret}%'");

        var kept = await cluster.Database.ScalarAsync<long>("SELECT count(*) FROM orleans_storage WHERE grain_type_string LIKE '%idempotency%'");
        var keyInClear = await cluster.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_storage WHERE grain_id_extension_string LIKE '%{idempotencyKey}%' OR convert_from(payload_binary, 'UTF8') LIKE '%{idempotencyKey}%'");

        Assert.True(stored > 0, "the institution's state should be in the database");
        Assert.True(kept > 0, "the key issue's reply should be kept for retries");
        Assert.Equal(0, leaked);
        Assert.Equal(0, keyInClear);
    }

    private static async Task<HttpResponseMessage> IssueKey(HttpClient client, string institution, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/institutions/{institution}/api-keys");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }
}
