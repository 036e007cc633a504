namespace Census.Api.Tests;

/// <summary>api.md "Institutions": <c>GET /institutions/{id}/api-keys</c> lists ids, creation, revocation and last use — never a secret.</summary>
[Collection(InstitutionsCollection.Name)]
public sealed class ApiKeyListTests(GatewayFixture gateway)
{
    private static string Keys(string id) => $"/api/v1/institutions/{id}/api-keys";

    [Fact]
    public async Task The_list_shows_each_key_with_creation_revocation_and_last_use_and_no_secret()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var used = await gateway.Admin.IssueValidKey(id);
        var revoked = await gateway.Admin.IssueValidKey(id);
        using (var _ = await gateway.Admin.RevokeKey(id, revoked.KeyId))
        using (var agency = gateway.Factory.ClientWithKey(used.ApiKey))
        using (var read = await agency.GetAsync($"/api/v1/institutions/{id}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var response = await gateway.Admin.Client.GetAsync(Keys(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(used.ApiKey.Split('.')[3], text, StringComparison.Ordinal);
        Assert.DoesNotContain(revoked.ApiKey.Split('.')[3], text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, body.GetProperty("total").GetInt32());
        var items = body.GetProperty("items").EnumerateArray().ToDictionary(k => k.GetProperty("keyId").GetString()!);
        Assert.Equal(["createdAt", "keyId", "lastUsedAt", "revokedAt"], items[used.KeyId].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.String, items[used.KeyId].GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[used.KeyId].GetProperty("revokedAt").ValueKind);
        Assert.Equal(JsonValueKind.String, items[revoked.KeyId].GetProperty("revokedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[revoked.KeyId].GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task An_agency_may_not_list_keys_even_its_own()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);
        using var agency = gateway.Factory.ClientWithKey(key.ApiKey);

        using var response = await agency.GetAsync(Keys(id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Listing_the_keys_of_an_unknown_institution_is_404()
    {
        using var response = await gateway.Admin.Client.GetAsync(Keys(Ids.New()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_institution_without_keys_lists_none()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);

        using var response = await gateway.Admin.Client.GetAsync(Keys(id));

        Assert.Equal(0, (await response.ReadJson()).GetProperty("total").GetInt32());
    }
}
