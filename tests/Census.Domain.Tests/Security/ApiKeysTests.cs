namespace Census.Domain.Tests.Security;

public sealed class ApiKeysTests
{
    private const string KeyId = "0123456789ab";

    [Fact]
    public void A_generated_token_parses_back_to_its_institution_key_id_and_hash()
    {
        var generated = ApiKeys.Generate("mois");

        var parsed = ApiKeys.TryParse(generated.Token, out var key);

        Assert.True(parsed);
        Assert.Equal(new ApiKeys.ParsedKey("mois", generated.KeyId, generated.SecretHash, ApiKeys.Holder.Institution), key);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("seoul-metro-2027")]
    [InlineData("a123456789012345678901234567890123456789012345678901234567890-z")]
    public void Tokens_round_trip_for_ids_of_any_valid_length(string institutionId)
    {
        var generated = ApiKeys.Generate(institutionId);

        Assert.True(ApiKeys.TryParse(generated.Token, out var key));
        Assert.Equal(institutionId, key.OwnerId);
    }

    [Fact]
    public void A_generated_token_names_the_institution_and_key_after_the_cen_prefix()
    {
        var generated = ApiKeys.Generate("mois");

        Assert.StartsWith($"cen.mois.{generated.KeyId}.", generated.Token, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_key_id_is_twelve_lower_case_hex_digits()
    {
        var generated = ApiKeys.Generate("mois");

        Assert.Matches("^[0-9a-f]{12}$", generated.KeyId);
        Assert.True(ApiKeys.IsKeyId(generated.KeyId));
    }

    [Fact]
    public void The_stored_hash_is_the_hash_of_the_secret_in_the_token()
    {
        var generated = ApiKeys.Generate("mois");
        var secret = generated.Token.Split('.')[3];

        Assert.Equal(ApiKeys.Hash(secret), generated.SecretHash);
        Assert.DoesNotContain(secret, generated.SecretHash, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_generated_key_has_its_own_key_id_and_secret()
    {
        var first = ApiKeys.Generate("mois");
        var second = ApiKeys.Generate("mois");

        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.NotEqual(first.SecretHash, second.SecretHash);
    }

    [Fact]
    public void A_well_formed_hand_written_token_parses()
    {
        var parsed = ApiKeys.TryParse($"cen.mois.{KeyId}.secret", out var key);

        Assert.True(parsed);
        Assert.Equal(new ApiKeys.ParsedKey("mois", KeyId, ApiKeys.Hash("secret"), ApiKeys.Holder.Institution), key);
    }

    [Fact]
    public void A_principal_token_parses_back_to_its_principal_as_holder()
    {
        var generated = ApiKeys.GenerateForPrincipal("reviewer-kim");

        Assert.StartsWith("cpr.reviewer-kim.", generated.Token, StringComparison.Ordinal);
        Assert.True(ApiKeys.TryParse(generated.Token, out var key));
        Assert.Equal(new ApiKeys.ParsedKey("reviewer-kim", generated.KeyId, generated.SecretHash, ApiKeys.Holder.Principal), key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_token_is_rejected(string? token)
    {
        var parsed = ApiKeys.TryParse(token, out var key);

        Assert.False(parsed);
        Assert.Equal(default, key);
    }

    [Theory]
    [InlineData("CEN.mois.0123456789ab.secret")]
    [InlineData("cem.mois.0123456789ab.secret")]
    [InlineData("key.mois.0123456789ab.secret")]
    [InlineData(".mois.0123456789ab.secret")]
    public void A_token_with_the_wrong_prefix_is_rejected(string token)
    {
        Assert.False(ApiKeys.TryParse(token, out _));
    }

    [Theory]
    [InlineData("cen.mois.0123456789ab")]
    [InlineData("cen.mois.0123456789ab.sec.ret")]
    [InlineData("cen.0123456789ab.secret")]
    [InlineData("cenmois0123456789absecret")]
    public void A_token_without_exactly_four_parts_is_rejected(string token)
    {
        Assert.False(ApiKeys.TryParse(token, out _));
    }

    [Theory]
    [InlineData("cen.mois.0123456789AB.secret")]
    [InlineData("cen.mois.0123456789a.secret")]
    [InlineData("cen.mois.0123456789abc.secret")]
    [InlineData("cen.mois.0123456789ag.secret")]
    [InlineData("cen.mois..secret")]
    public void A_token_with_a_malformed_key_id_is_rejected(string token)
    {
        Assert.False(ApiKeys.TryParse(token, out _));
    }

    [Theory]
    [InlineData("cen.MOIS.0123456789ab.secret")]
    [InlineData("cen.m.0123456789ab.secret")]
    [InlineData("cen.-mois.0123456789ab.secret")]
    [InlineData("cen.행안부.0123456789ab.secret")]
    [InlineData("cen..0123456789ab.secret")]
    public void A_token_with_a_malformed_institution_id_is_rejected(string token)
    {
        Assert.False(ApiKeys.TryParse(token, out _));
    }

    [Fact]
    public void A_token_with_an_empty_secret_is_rejected()
    {
        Assert.False(ApiKeys.TryParse($"cen.mois.{KeyId}.", out _));
    }

    [Fact]
    public void A_token_of_200_characters_is_accepted()
    {
        var token = PadToLength($"cen.mois.{KeyId}.", 200);

        Assert.True(ApiKeys.TryParse(token, out _));
    }

    [Fact]
    public void A_token_longer_than_200_characters_is_rejected()
    {
        var token = PadToLength($"cen.mois.{KeyId}.", 201);

        Assert.False(ApiKeys.TryParse(token, out _));
    }

    [Theory]
    [InlineData("0123456789ab", true)]
    [InlineData("abcdefabcdef", true)]
    [InlineData("0123456789AB", false)]
    [InlineData("0123456789a", false)]
    [InlineData("0123456789abc", false)]
    [InlineData("0123456789ax", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_key_id_is_twelve_lower_case_hex_digits(string? keyId, bool expected)
    {
        Assert.Equal(expected, ApiKeys.IsKeyId(keyId));
    }

    [Fact]
    public void Hash_is_the_lower_case_hex_sha256_of_the_utf8_secret()
    {
        // FIPS 180-2 test vector for "abc".
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeys.Hash("abc"));
    }

    [Fact]
    public void Hashing_the_same_secret_twice_gives_the_same_hash()
    {
        Assert.Equal(ApiKeys.Hash("s3cret-비밀"), ApiKeys.Hash("s3cret-비밀"));
    }

    [Fact]
    public void Different_secrets_hash_differently()
    {
        Assert.NotEqual(ApiKeys.Hash("secret-a"), ApiKeys.Hash("secret-b"));
    }

    [Fact]
    public void Equal_hashes_compare_equal()
    {
        Assert.True(ApiKeys.HashesEqual(ApiKeys.Hash("secret"), ApiKeys.Hash("secret")));
    }

    [Fact]
    public void Hashes_of_different_secrets_compare_unequal()
    {
        Assert.False(ApiKeys.HashesEqual(ApiKeys.Hash("secret"), ApiKeys.Hash("other")));
    }

    [Fact]
    public void Hashes_of_different_lengths_compare_unequal()
    {
        var hash = ApiKeys.Hash("secret");

        Assert.False(ApiKeys.HashesEqual(hash, hash[..^1]));
        Assert.False(ApiKeys.HashesEqual(hash, ""));
    }

    private static string PadToLength(string prefix, int length) => prefix + new string('s', length - prefix.Length);
}
