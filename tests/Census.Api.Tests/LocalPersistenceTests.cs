namespace Census.Api.Tests;

/// <summary>
/// Local mode keeps its state in SQLite under the data directory: a new gateway started on the same
/// directory (on another silo port) sees what the previous one wrote.
/// </summary>
public sealed class LocalPersistenceTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly string _adminKey = CensusGatewayFactory.NewAdminKey();

    public void Dispose() => _data.Dispose();

    private CensusGatewayFactory StartGateway() => new(_data.Path, _adminKey);

    [Fact]
    public async Task Registered_institution_reads_back_after_a_restart()
    {
        var id = Ids.New();
        JsonElement created;
        await using (var first = StartGateway())
        {
            created = await new CensusApi(first.ClientWithKey(_adminKey)).RegisterValid(id);
        }

        await using var second = StartGateway();
        using var response = await new CensusApi(second.ClientWithKey(_adminKey)).Get(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created.ToString(), (await response.ReadJson()).ToString());
    }

    [Fact]
    public async Task Registered_institution_is_still_listed_after_a_restart()
    {
        var id = Ids.New();
        await using (var first = StartGateway())
        {
            await new CensusApi(first.ClientWithKey(_adminKey)).RegisterValid(id);
        }

        await using var second = StartGateway();
        using var response = await new CensusApi(second.ClientWithKey(_adminKey)).List();

        var page = await response.ReadJson();
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(id, page.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Issued_key_still_authenticates_after_a_restart()
    {
        var id = Ids.New();
        string apiKey;
        await using (var first = StartGateway())
        {
            var admin = new CensusApi(first.ClientWithKey(_adminKey));
            await admin.RegisterValid(id);
            apiKey = (await admin.IssueValidKey(id)).ApiKey;
        }

        await using var second = StartGateway();
        using var response = await new CensusApi(second.ClientWithKey(apiKey)).Get(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, (await response.ReadJson()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Revoked_key_stays_refused_after_a_restart()
    {
        var id = Ids.New();
        string apiKey;
        await using (var first = StartGateway())
        {
            var admin = new CensusApi(first.ClientWithKey(_adminKey));
            await admin.RegisterValid(id);
            var key = await admin.IssueValidKey(id);
            apiKey = key.ApiKey;
            using var revoked = await admin.RevokeKey(id, key.KeyId);
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        await using var second = StartGateway();
        using var response = await new CensusApi(second.ClientWithKey(apiKey)).Get(id);

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_restarted_gateway_listens_on_its_own_new_silo_port()
    {
        await using var first = StartGateway();
        using (var response = await new CensusApi(first.ClientWithKey(_adminKey)).List())
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await first.DisposeAsync();
        await using var second = StartGateway();
        using var again = await new CensusApi(second.ClientWithKey(_adminKey)).List();

        Assert.NotEqual(first.SiloPort, second.SiloPort);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
