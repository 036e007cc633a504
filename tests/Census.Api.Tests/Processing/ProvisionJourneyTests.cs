using System.Security.Cryptography;
using Census.Testing;

namespace Census.Api.Tests.Processing;

/// <summary>Issue 13's done-when in local mode: from finalization to a published release whose file downloads with its hash.</summary>
[Collection(ProcessingCollection.Name)]
public sealed class ProvisionJourneyTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_selected_dataset_goes_from_finalization_through_evidence_and_two_approvals_to_a_release_that_downloads_with_its_hash()
    {
        var outcome = await new ProvisionJourney(gateway.Admin.Client, key => gateway.Factory.ClientWithKey(key)).RunAsync();

        Assert.Equal("released", outcome.Case.GetProperty("status").GetString());
        Assert.Equal("restricted", outcome.Case.GetProperty("tier").GetProperty("tier").GetString());
        Assert.Equal("approved", outcome.Case.GetProperty("reviews")[0].GetProperty("outcome").GetString());
        Assert.Equal(2, outcome.Case.GetProperty("reviews")[0].GetProperty("votes").GetArrayLength());
        Assert.Equal("published", outcome.Release.GetProperty("state").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(outcome.Content)), outcome.ManifestSha256);
        Assert.Equal(outcome.ManifestSha256, Convert.ToHexStringLower(SHA256.HashData(outcome.Downloaded)));
        Assert.Equal(HttpStatusCode.PartialContent, outcome.RangeStatus);
        Assert.Equal(outcome.Content[100..200], outcome.RangeBody);
    }
}
