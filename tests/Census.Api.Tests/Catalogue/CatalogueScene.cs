using Census.Testing;

namespace Census.Api.Tests.Catalogue;

/// <summary>
/// One dataset taken through the provision flow (<see cref="ProvisionJourney"/>: finalization, evidence, two approvals,
/// restricted tier, release 1.0 with one file) on the collection's gateway, then read back from the catalogue once its
/// feed has brought the version (the feed runs in its own turns after the publication).
/// </summary>
public sealed class CatalogueScene : IAsyncLifetime
{
    private static readonly TimeSpan FeedTimeout = TimeSpan.FromSeconds(30);

    private GatewayFixture? _gateway;

    public string InstitutionId { get; private set; } = "";

    public string DatasetId { get; private set; } = "";

    public string EntryRoute => $"/api/v1/catalogue/{InstitutionId}/{DatasetId}";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Publishes once per collection, on the first test's gateway.</summary>
    public async Task<CatalogueScene> Published(GatewayFixture gateway)
    {
        if (_gateway is not null)
        {
            return this;
        }

        var outcome = await new ProvisionJourney(gateway.Admin.Client, key => gateway.Factory.ClientWithKey(key)).RunAsync();
        InstitutionId = outcome.Case.GetProperty("institutionId").GetString()!;
        DatasetId = outcome.Case.GetProperty("datasetId").GetString()!;
        using var anonymous = gateway.Anonymous();
        var until = DateTimeOffset.UtcNow + FeedTimeout;
        while ((await anonymous.GetAsync(new Uri(EntryRoute, UriKind.Relative))).StatusCode == HttpStatusCode.NotFound)
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"the catalogue lists {InstitutionId}/{DatasetId} within {FeedTimeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        _gateway = gateway;
        return this;
    }
}
