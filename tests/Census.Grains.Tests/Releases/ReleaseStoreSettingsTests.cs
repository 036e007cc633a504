using Census.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Census.Grains.Tests.Releases;

/// <summary>Where the release store is: beside the local data by default; in a cluster, a shared path that must be set.</summary>
public sealed class ReleaseStoreSettingsTests
{
    private static CensusOptions Read(params (string Key, string Value)[] settings) =>
        CensusSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void In_local_mode_the_store_is_beside_the_data_directory()
    {
        var options = Read(("Census:DataDirectory", "/srv/census"));

        Assert.Equal(Path.GetFullPath("/srv/census/releases"), CensusSettings.RequireReleaseStore(options));
    }

    [Fact]
    public void A_configured_store_path_is_used_in_either_mode()
    {
        var options = Read(("Census:Mode", "cluster"), ("Census:Releases:StorePath", "/mnt/shared/releases"));

        Assert.Equal("/mnt/shared/releases", CensusSettings.RequireReleaseStore(options));
    }

    [Fact]
    public void A_gateway_in_cluster_mode_without_a_store_path_does_not_start()
    {
        var options = Read(("Census:Mode", "cluster"));

        var refused = Assert.Throws<OptionsValidationException>(() => CensusSettings.RequireReleaseStore(options));

        Assert.Contains("Census:Releases:StorePath", refused.Message, StringComparison.Ordinal);
    }
}
