using Census.Hosting;

namespace Census.ApiGateway.Releases;

/// <summary>Registers the release store and its upload sessions; in cluster mode a missing store path stops the gateway at start.</summary>
public static class ReleaseStoreHosting
{
    public static IServiceCollection AddReleaseStore(this IServiceCollection services, CensusOptions census)
    {
        var store = new ContentStore(CensusSettings.RequireReleaseStore(census));
        services.AddSingleton(store);
        services.AddSingleton(sp => new UploadSessions(store, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }
}
