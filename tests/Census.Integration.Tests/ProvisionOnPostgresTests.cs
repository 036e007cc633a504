using System.Net;
using System.Security.Cryptography;
using Census.Integration.Tests.Infrastructure;
using Census.Testing;

namespace Census.Integration.Tests;

/// <summary>
/// Issues 13 and 14's done-when on the PostgreSQL cluster: the same journey and chain as in local mode, through a
/// gateway of two silo processes, the grains in ADO.NET grain storage, the ledger in its table and the files in the
/// cluster's release store.
/// </summary>
public sealed class ProvisionOnPostgresTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task A_selected_dataset_goes_from_finalization_to_a_release_that_downloads_with_its_hash_on_the_cluster()
    {
        using var admin = cluster.Gateway.CreateAdminClient();
        var outcome = await new ProvisionJourney(admin, cluster.Gateway.CreateClientWithKey).RunAsync();

        Assert.Equal("released", outcome.Case.GetProperty("status").GetString());
        Assert.Equal(["1.0"], outcome.Case.GetProperty("releases").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(outcome.Content)), outcome.ManifestSha256);
        Assert.Equal(outcome.ManifestSha256, Convert.ToHexStringLower(SHA256.HashData(outcome.Downloaded)));
        Assert.Equal(HttpStatusCode.PartialContent, outcome.RangeStatus);
        Assert.Equal(outcome.Content[100..200], outcome.RangeBody);
    }

    [Fact]
    public async Task Released_data_reaches_its_users_through_review_grant_download_safe_zone_and_checked_export_on_the_cluster()
    {
        using var admin = cluster.Gateway.CreateAdminClient();
        var outcome = await new ProvisionChain(admin, cluster.Gateway.CreateClientWithKey).RunAsync();

        Assert.Equal(outcome.ManifestSha256, Convert.ToHexStringLower(SHA256.HashData(outcome.Downloaded)));
        Assert.Equal("approved", outcome.ExportStatus);
        Assert.Equal(outcome.Output, outcome.OutputDownloaded);
        Assert.Equal(ProvisionChain.PricePerDownloadKrw, outcome.Settlement.GetProperty("totalKrw").GetInt64());
        Assert.True(outcome.RestrictedVerification.GetProperty("ok").GetBoolean());
        Assert.True(outcome.SafeZoneVerification.GetProperty("ok").GetBoolean());
        Assert.Equal(1, outcome.RestrictedKinds.Count(k => k == "download-completed"));
        Assert.Equal(2, outcome.SafeZoneKinds.Count(k => k == "export-decided"));
    }
}
