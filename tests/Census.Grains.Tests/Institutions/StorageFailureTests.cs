using Census.Domain.Security;

namespace Census.Grains.Tests.Institutions;

/// <summary>
/// What an institution grain tells callers after a write its storage refused. A failed write must not
/// leave the activation claiming a change that storage does not have: the next activation would undo it.
/// </summary>
[Collection(FlakyStorageClusterCollection.Name)]
public sealed class StorageFailureTests(FlakyStorageClusterFixture fixture)
{
    private const string Admin = "admin:test";

    private IInstitutionGrain Institution(string id) => fixture.Client.GetGrain<IInstitutionGrain>(id);

    private void FailNextWriteOf(IInstitutionGrain grain) => fixture.Storage.FailNextWrite(grain.GetGrainId());

    [Fact]
    public async Task A_failed_registration_save_reaches_the_caller()
    {
        var id = UniqueIds.Next();
        var grain = Institution(id);
        FailNextWriteOf(grain);

        await Assert.ThrowsAnyAsync<Exception>(() => grain.Register(Profiles.Valid(id), Admin));
    }

    [Fact]
    public async Task A_registration_whose_save_failed_is_not_visible()
    {
        var id = UniqueIds.Next();
        var grain = Institution(id);
        FailNextWriteOf(grain);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.Register(Profiles.Valid(id), Admin));

        var read = await grain.Get();

        Assert.Null(read);
    }

    [Fact]
    public async Task A_registration_retried_after_a_failed_save_is_stored()
    {
        var id = UniqueIds.Next();
        var grain = Institution(id);
        FailNextWriteOf(grain);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.Register(Profiles.Valid(id), Admin));
        await grain.Register(Profiles.Valid(id), Admin);
        await fixture.Cluster.DeactivateAsync(grain);

        var read = await grain.Get();

        Assert.NotNull(read);
    }

    [Fact]
    public async Task A_key_revoked_without_a_storage_failure_stays_revoked_after_reactivation()
    {
        // Control: the flaky storage keeps what it was given when it is not told to fail.
        var id = UniqueIds.Next();
        var grain = Institution(id);
        await grain.Register(Profiles.Valid(id), Admin);
        var key = new NewApiKey(UniqueIds.KeyId(), ApiKeys.Hash("secret"));
        await grain.AddApiKey(key, Admin);
        await grain.RevokeApiKey(key.KeyId, Admin);
        await fixture.Cluster.DeactivateAsync(grain);

        var verified = await grain.VerifyApiKey(key.KeyId, key.SecretHash);

        Assert.False(verified);
    }

    [Fact]
    public async Task A_key_revoked_on_retry_after_a_failed_save_stays_revoked_after_reactivation()
    {
        var id = UniqueIds.Next();
        var grain = Institution(id);
        await grain.Register(Profiles.Valid(id), Admin);
        var key = new NewApiKey(UniqueIds.KeyId(), ApiKeys.Hash("secret"));
        await grain.AddApiKey(key, Admin);
        FailNextWriteOf(grain);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.RevokeApiKey(key.KeyId, Admin));
        await grain.RevokeApiKey(key.KeyId, Admin);
        await fixture.Cluster.DeactivateAsync(grain);

        var verified = await grain.VerifyApiKey(key.KeyId, key.SecretHash);

        Assert.False(verified);
    }

    [Fact]
    public async Task A_key_whose_save_failed_does_not_verify()
    {
        var id = UniqueIds.Next();
        var grain = Institution(id);
        await grain.Register(Profiles.Valid(id), Admin);
        var key = new NewApiKey(UniqueIds.KeyId(), ApiKeys.Hash("secret"));
        FailNextWriteOf(grain);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.AddApiKey(key, Admin));

        var verified = await grain.VerifyApiKey(key.KeyId, key.SecretHash);

        Assert.False(verified);
    }
}
