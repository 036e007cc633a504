namespace Census.Api.Tests;

/// <summary>
/// Local mode with no admin key configured: the gateway generates one into
/// <c>&lt;dataDir&gt;/admin-key</c> and keeps using it across restarts.
/// </summary>
public sealed class LocalAdminKeyTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    private string KeyFile => Path.Combine(_data.Path, "admin-key");

    public void Dispose() => _data.Dispose();

    private async Task<CensusGatewayFactory> Start(string? adminKey = null)
    {
        var factory = new CensusGatewayFactory(_data.Path, adminKey);
        using var live = await factory.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        return factory;
    }

    [Fact]
    public async Task Without_a_configured_admin_key_one_is_written_to_the_data_directory()
    {
        Assert.False(File.Exists(KeyFile));

        await using var gateway = await Start();

        Assert.True(File.Exists(KeyFile), "No admin-key file in the data directory.");
        Assert.True((await File.ReadAllTextAsync(KeyFile)).Trim().Length >= 32);
    }

    [Fact]
    public async Task The_generated_admin_key_works_as_admin()
    {
        await using var gateway = await Start();
        var key = (await File.ReadAllTextAsync(KeyFile)).Trim();

        using var response = await new CensusApi(gateway.ClientWithKey(key)).Register(Registrations.Valid(Ids.New()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_generated_admin_key_file_is_readable_only_by_its_owner()
    {
        await using var gateway = await Start();

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    [Fact]
    public async Task A_restart_on_the_same_data_directory_keeps_the_generated_admin_key()
    {
        string generated;
        await using (var first = await Start())
        {
            generated = (await File.ReadAllTextAsync(KeyFile)).Trim();
        }

        await using var second = await Start();
        using var response = await new CensusApi(second.ClientWithKey(generated)).List();

        Assert.Equal(generated, (await File.ReadAllTextAsync(KeyFile)).Trim());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_configured_admin_key_means_no_key_is_generated()
    {
        await using var gateway = await Start(CensusGatewayFactory.NewAdminKey());

        Assert.False(File.Exists(KeyFile), "An admin-key file was generated although an admin key is configured.");
    }

    [Fact]
    public async Task With_a_configured_admin_key_a_previously_generated_key_is_no_longer_admin()
    {
        string generated;
        await using (var first = await Start())
        {
            generated = (await File.ReadAllTextAsync(KeyFile)).Trim();
        }

        await using var second = await Start(CensusGatewayFactory.NewAdminKey());
        using var response = await new CensusApi(second.ClientWithKey(generated)).List();

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }
}
