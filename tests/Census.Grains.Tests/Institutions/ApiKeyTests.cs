using Census.Domain.Security;

namespace Census.Grains.Tests.Institutions;

[Collection(ClusterCollection.Name)]
public sealed class ApiKeyTests(ClusterFixture fixture)
{
    private const string Admin = "admin:test";

    private IInstitutionGrain Institution(string id) => fixture.Client.GetGrain<IInstitutionGrain>(id);

    private async Task<IInstitutionGrain> RegisteredInstitution()
    {
        var id = UniqueIds.Next();
        await Institution(id).Register(Profiles.Valid(id), Admin);
        return Institution(id);
    }

    private static NewApiKey NewKey() => new(UniqueIds.KeyId(), ApiKeys.Hash(Guid.NewGuid().ToString()));

    [Fact]
    public async Task Adding_a_key_to_an_unknown_institution_gives_null()
    {
        var added = await Institution(UniqueIds.Next()).AddApiKey(NewKey(), Admin);

        Assert.Null(added);
    }

    [Fact]
    public async Task Adding_a_key_to_an_unknown_institution_does_not_create_it()
    {
        var id = UniqueIds.Next();
        await Institution(id).AddApiKey(NewKey(), Admin);

        Assert.Null(await Institution(id).Get());
    }

    [Fact]
    public async Task Adding_a_key_gives_its_creation_time()
    {
        var institution = await RegisteredInstitution();
        var before = DateTimeOffset.UtcNow;

        var added = await institution.AddApiKey(NewKey(), Admin);

        Assert.NotNull(added);
        Assert.InRange(added.Value, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_key_verifies_with_the_hash_it_was_added_with()
    {
        var institution = await RegisteredInstitution();
        var key = NewKey();
        await institution.AddApiKey(key, Admin);

        var verified = await institution.VerifyApiKey(key.KeyId, key.SecretHash);

        Assert.True(verified);
    }

    [Fact]
    public async Task A_key_does_not_verify_with_another_hash()
    {
        var institution = await RegisteredInstitution();
        var key = NewKey();
        await institution.AddApiKey(key, Admin);

        var verified = await institution.VerifyApiKey(key.KeyId, ApiKeys.Hash("wrong secret"));

        Assert.False(verified);
    }

    [Fact]
    public async Task An_unknown_key_id_does_not_verify()
    {
        var institution = await RegisteredInstitution();
        var key = NewKey();
        await institution.AddApiKey(key, Admin);

        var verified = await institution.VerifyApiKey(UniqueIds.KeyId(), key.SecretHash);

        Assert.False(verified);
    }

    [Fact]
    public async Task No_key_verifies_for_an_unknown_institution()
    {
        var key = NewKey();

        var verified = await Institution(UniqueIds.Next()).VerifyApiKey(key.KeyId, key.SecretHash);

        Assert.False(verified);
    }

    [Fact]
    public async Task A_key_of_one_institution_does_not_verify_at_another()
    {
        var owner = await RegisteredInstitution();
        var other = await RegisteredInstitution();
        var key = NewKey();
        await owner.AddApiKey(key, Admin);

        var verified = await other.VerifyApiKey(key.KeyId, key.SecretHash);

        Assert.False(verified);
    }

    [Fact]
    public async Task A_revoked_key_stops_verifying()
    {
        var institution = await RegisteredInstitution();
        var key = NewKey();
        await institution.AddApiKey(key, Admin);
        Assert.True(await institution.VerifyApiKey(key.KeyId, key.SecretHash));

        await institution.RevokeApiKey(key.KeyId, Admin);

        Assert.False(await institution.VerifyApiKey(key.KeyId, key.SecretHash));
    }

    [Fact]
    public async Task Revoking_one_key_leaves_the_others_working()
    {
        var institution = await RegisteredInstitution();
        var revoked = NewKey();
        var kept = NewKey();
        await institution.AddApiKey(revoked, Admin);
        await institution.AddApiKey(kept, Admin);

        await institution.RevokeApiKey(revoked.KeyId, Admin);

        Assert.True(await institution.VerifyApiKey(kept.KeyId, kept.SecretHash));
    }

    [Fact]
    public async Task A_revoked_key_stays_revoked_after_reactivation()
    {
        var institution = await RegisteredInstitution();
        var key = NewKey();
        await institution.AddApiKey(key, Admin);
        await institution.RevokeApiKey(key.KeyId, Admin);
        await fixture.Cluster.DeactivateAsync(institution);

        var verified = await institution.VerifyApiKey(key.KeyId, key.SecretHash);

        Assert.False(verified);
    }

    [Fact]
    public async Task An_added_key_still_verifies_after_reactivation()
    {
        var institution = await RegisteredInstitution();
        var key = NewKey();
        await institution.AddApiKey(key, Admin);
        await fixture.Cluster.DeactivateAsync(institution);

        var verified = await institution.VerifyApiKey(key.KeyId, key.SecretHash);

        Assert.True(verified);
    }

    [Fact]
    public async Task Revoking_an_active_key_is_revoked()
    {
        var institution = await RegisteredInstitution();
        var key = NewKey();
        await institution.AddApiKey(key, Admin);

        var outcome = await institution.RevokeApiKey(key.KeyId, Admin);

        Assert.Equal(RevokeApiKeyOutcome.Revoked, outcome);
    }

    [Fact]
    public async Task Revoking_a_key_twice_is_already_revoked()
    {
        var institution = await RegisteredInstitution();
        var key = NewKey();
        await institution.AddApiKey(key, Admin);
        await institution.RevokeApiKey(key.KeyId, Admin);

        var outcome = await institution.RevokeApiKey(key.KeyId, Admin);

        Assert.Equal(RevokeApiKeyOutcome.AlreadyRevoked, outcome);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_key_not_found()
    {
        var institution = await RegisteredInstitution();
        await institution.AddApiKey(NewKey(), Admin);

        var outcome = await institution.RevokeApiKey(UniqueIds.KeyId(), Admin);

        Assert.Equal(RevokeApiKeyOutcome.KeyNotFound, outcome);
    }

    [Fact]
    public async Task Revoking_a_key_of_an_unknown_institution_is_institution_not_found()
    {
        var outcome = await Institution(UniqueIds.Next()).RevokeApiKey(UniqueIds.KeyId(), Admin);

        Assert.Equal(RevokeApiKeyOutcome.InstitutionNotFound, outcome);
    }
}
