using System.Security.Cryptography;
using Census.Testing;

namespace Census.Api.Tests.Access;

/// <summary>Issue 14's done-when in local mode: released data through requests, grants, a safe zone and output checks to settlement and a verified ledger.</summary>
[Collection(AccessCollection.Name)]
public sealed class ProvisionChainTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Released_data_reaches_its_users_through_review_grant_download_safe_zone_and_checked_export_with_settlement_and_a_verified_ledger()
    {
        var outcome = await new ProvisionChain(gateway.Admin.Client, key => gateway.Factory.ClientWithKey(key)).RunAsync();

        AssertChain(outcome);
    }

    public static void AssertChain(ProvisionChain.Outcome outcome)
    {
        Assert.Equal(outcome.ManifestSha256, Convert.ToHexStringLower(SHA256.HashData(outcome.Downloaded)));
        Assert.Equal("approved", outcome.ExportStatus);
        Assert.Equal(outcome.Output, outcome.OutputDownloaded);
        Assert.Equal(ProvisionChain.PricePerDownloadKrw, outcome.Settlement.GetProperty("totalKrw").GetInt64());
        Assert.Equal(1, outcome.Settlement.GetProperty("transactions").GetInt64());
        Assert.True(outcome.RestrictedVerification.GetProperty("ok").GetBoolean());
        Assert.True(outcome.SafeZoneVerification.GetProperty("ok").GetBoolean());
        Assert.Equal(1, outcome.RestrictedKinds.Count(k => k == "download-completed"));
        Assert.Equal(2, outcome.SafeZoneKinds.Count(k => k == "export-decided"));
        var line = Assert.Single(outcome.Demand.GetProperty("items").EnumerateArray(),
            l => l.GetProperty("sector").GetString() == "public-administration" && l.GetProperty("modality").GetString() == "tabular");
        Assert.Equal(1, line.GetProperty("supplyDatasets").GetInt64());
        Assert.True(line.GetProperty("releasedDatasets").GetInt64() >= 2, "both released datasets are counted");
        Assert.True(line.GetProperty("requests").GetInt64() >= 2 && line.GetProperty("grants").GetInt64() >= 2 && line.GetProperty("downloads").GetInt64() >= 1,
            line.ToString());
    }
}
