namespace Census.Api.Tests;

/// <summary>api.md "Institutions": issuing and revoking an institution's API keys.</summary>
[Collection(InstitutionsCollection.Name)]
public sealed class ApiKeyTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Issuing_a_key_answers_201_with_keyId_apiKey_and_createdAt()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);

        using var response = await gateway.Admin.IssueKey(id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJson();
        Assert.Equal(["apiKey", "createdAt", "keyId"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        var keyId = body.GetProperty("keyId").GetString()!;
        Assert.Matches("^[0-9a-f]{12}$", keyId);
        Assert.Contains(keyId, body.GetProperty("apiKey").GetString()!, StringComparison.Ordinal);
        Assert.EndsWith("Z", body.GetProperty("createdAt").GetString()!, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/institutions/{id}/api-keys/{keyId}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Every_issued_key_is_different()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);

        var first = await gateway.Admin.IssueValidKey(id);
        var second = await gateway.Admin.IssueValidKey(id);

        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.NotEqual(first.ApiKey, second.ApiKey);
    }

    [Fact]
    public async Task An_issued_key_authenticates_as_its_institution()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);

        using var response = await gateway.As(key.ApiKey).Get(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_issued_key_does_not_authenticate_as_admin()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);

        using var response = await gateway.As(key.ApiKey).List();

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Issuing_a_key_for_an_unknown_institution_is_404()
    {
        using var response = await gateway.Admin.IssueKey(Ids.New("unknown"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revoking_a_key_answers_204()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);

        using var response = await gateway.Admin.RevokeKey(id, key.KeyId);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Revoked_key_is_refused_at_once()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);
        var agency = gateway.As(key.ApiKey);
        using (var before = await agency.Get(id))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var revoked = await gateway.Admin.RevokeKey(id, key.KeyId))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var after = await agency.Get(id);
        await after.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoking_one_key_leaves_the_institutions_other_keys_working()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var revoked = await gateway.Admin.IssueValidKey(id);
        var kept = await gateway.Admin.IssueValidKey(id);

        using (var revocation = await gateway.Admin.RevokeKey(id, revoked.KeyId))
        {
            Assert.Equal(HttpStatusCode.NoContent, revocation.StatusCode);
        }

        using var response = await gateway.As(kept.ApiKey).Get(id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Revoking_a_key_twice_answers_204_both_times()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);
        using (var first = await gateway.Admin.RevokeKey(id, key.KeyId))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var second = await gateway.Admin.RevokeKey(id, key.KeyId);

        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_404()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);

        using var response = await gateway.Admin.RevokeKey(id, Ids.UnknownKeyId());

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revoking_a_key_of_an_unknown_institution_is_404()
    {
        using var response = await gateway.Admin.RevokeKey(Ids.New("unknown"), Ids.UnknownKeyId());

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_key_revoked_under_another_institutions_path_is_not_revoked()
    {
        var owner = Ids.New();
        var other = Ids.New();
        await gateway.Admin.RegisterValid(owner);
        await gateway.Admin.RegisterValid(other);
        var key = await gateway.Admin.IssueValidKey(owner);

        using (var wrongPath = await gateway.Admin.RevokeKey(other, key.KeyId))
        {
            await wrongPath.AssertProblem(HttpStatusCode.NotFound);
        }

        using var response = await gateway.As(key.ApiKey).Get(owner);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_key_with_a_tampered_secret_is_refused()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);
        var tampered = key.ApiKey[..^1] + (key.ApiKey[^1] == 'A' ? 'B' : 'A');

        using var response = await gateway.As(tampered).Get(id);

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }
}
