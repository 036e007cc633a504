using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests.Provision;

/// <summary>
/// What the requester pages' tests share: one restricted release with its agreement, listed in the catalogue (a
/// release costs the whole census loop, so the class makes it once), and a fresh verified requester per test.
/// </summary>
public sealed class RequesterArrange(ConsoleServer server)
{
    private static readonly TimeSpan FeedTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lock Gate = new();
    private static Task<ProvisionScene.Released>? s_released;

    public ProvisionScene Scene { get; } = new(server);

    /// <summary>The shared restricted release 1.0 with agreement version 1, once the catalogue lists it.</summary>
    public Task<ProvisionScene.Released> ReleasedAsync()
    {
        lock (Gate)
        {
            return s_released ??= MakeAsync();
        }
    }

    /// <summary>A requester of a new verified company: (id, key).</summary>
    public async Task<(string Id, string Key)> RequesterAsync() =>
        await Scene.PrincipalAsync("requester", await Scene.OrganisationAsync());

    /// <summary>A reviewer of an organisation of their own (never the requester's): (id, key).</summary>
    public Task<(string Id, string Key)> ReviewerAsync() => Scene.PrincipalAsync("reviewer", Arrange.NewId("board"));

    /// <summary>The request form's address for the shared release.</summary>
    public static string FormPath(ProvisionScene.Released released) =>
        $"/console/my/requests/new?institutionId={released.Institution}&datasetId={released.Dataset}";

    /// <summary>How many requests the requester has, read through the API.</summary>
    public async Task<int> RequestCountAsync(string requesterKey) =>
        (await ProvisionScene.SendAsync(server.ApiWith(requesterKey), HttpMethod.Get, "/api/v1/access-requests")).GetProperty("total").GetInt32();

    private async Task<ProvisionScene.Released> MakeAsync()
    {
        var released = await Scene.ReleasedAsync();
        await Scene.AgreementAsync(released);
        await ListedAsync(released);
        return released;
    }

    /// <summary>Returns once the catalogue's feed lists the release's dataset.</summary>
    private async Task ListedAsync(ProvisionScene.Released released)
    {
        var until = DateTimeOffset.UtcNow + FeedTimeout;
        while ((await server.Api.GetAsync(new Uri($"/api/v1/catalogue/{released.Institution}/{released.Dataset}", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"the catalogue lists {released.Institution}/{released.Dataset} within {FeedTimeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
