using Census.Domain.Security;

namespace Census.Grains.Tests.Institutions;

/// <summary>
/// Issue 9: a key's last use is listed, but verifying a key — done on every agency request — writes no state; the
/// noted uses are stored at most once an hour and when the grain deactivates.
/// </summary>
[Collection(FlakyStorageClusterCollection.Name)]
public sealed class ApiKeyUseTests(FlakyStorageClusterFixture fixture)
{
    private const string Admin = "admin";

    private async Task<(IInstitutionGrain Grain, string KeyId, string SecretHash)> InstitutionWithKey()
    {
        var id = UniqueIds.Next();
        var grain = fixture.Client.GetGrain<IInstitutionGrain>(id);
        await grain.Register(Profiles.Valid(id), Admin);
        var key = new NewApiKey(UniqueIds.KeyId(), ApiKeys.Hash(Guid.NewGuid().ToString()));
        await grain.AddApiKey(key, Admin);
        return (grain, key.KeyId, key.SecretHash);
    }

    [Fact]
    public async Task Verifying_a_key_many_times_writes_no_state()
    {
        var (grain, keyId, secretHash) = await InstitutionWithKey();
        var writesBefore = fixture.Storage.WritesOf(grain.GetGrainId());

        for (var i = 0; i < 100; i++)
        {
            Assert.True(await grain.VerifyApiKey(keyId, secretHash));
        }

        Assert.Equal(writesBefore, fixture.Storage.WritesOf(grain.GetGrainId()));
    }

    [Fact]
    public async Task A_verified_key_is_listed_with_its_last_use()
    {
        var (grain, keyId, secretHash) = await InstitutionWithKey();
        Assert.Null((await grain.ListApiKeys())!.Single().LastUsedAt);

        await grain.VerifyApiKey(keyId, secretHash);

        Assert.NotNull((await grain.ListApiKeys())!.Single(k => k.KeyId == keyId).LastUsedAt);
    }

    [Fact]
    public async Task A_refused_verification_is_not_a_use()
    {
        var (grain, keyId, _) = await InstitutionWithKey();

        await grain.VerifyApiKey(keyId, ApiKeys.Hash("wrong"));

        Assert.Null((await grain.ListApiKeys())!.Single().LastUsedAt);
    }

    [Fact]
    public async Task A_keys_last_use_is_stored_when_the_grain_deactivates()
    {
        var (grain, keyId, secretHash) = await InstitutionWithKey();
        await grain.VerifyApiKey(keyId, secretHash);
        var used = (await grain.ListApiKeys())!.Single().LastUsedAt;

        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(used, (await grain.ListApiKeys())!.Single().LastUsedAt);
    }

    [Fact]
    public async Task Listing_the_keys_of_an_unknown_institution_gives_null()
    {
        Assert.Null(await fixture.Client.GetGrain<IInstitutionGrain>(UniqueIds.Next()).ListApiKeys());
    }
}
