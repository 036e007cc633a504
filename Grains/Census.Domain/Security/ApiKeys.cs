using System.Security.Cryptography;
using System.Text;
using Census.Domain.Validation;

namespace Census.Domain.Security;

/// <summary>
/// API keys: <c>cen.{institutionId}.{keyId}.{secret}</c> for an institution, <c>cpr.{principalId}.{keyId}.{secret}</c>
/// for a registered person (reviewer, requester, …). The prefix names the holder and key so the gateway can ask that
/// one grain to verify it; only the SHA-256 of the secret is stored. A 256-bit random secret needs no slow hash: it
/// cannot be guessed from its digest.
/// </summary>
public static class ApiKeys
{
    private const string InstitutionPrefix = "cen";
    private const string PrincipalPrefix = "cpr";
    private const int SecretBytes = 32;
    private const int KeyIdBytes = 6;

    /// <summary>Who a key belongs to.</summary>
    public enum Holder { Institution, Principal }

    /// <summary>A parsed key: whose it is (an institution's or a principal's id), which key, and the secret's hash.</summary>
    public readonly record struct ParsedKey(string OwnerId, string KeyId, string SecretHash, Holder Holder);

    /// <summary>A freshly generated key: the token to hand out once, and what to store.</summary>
    public readonly record struct GeneratedKey(string KeyId, string Token, string SecretHash);

    /// <summary>A new key for an institution.</summary>
    public static GeneratedKey Generate(string institutionId) => Generate(InstitutionPrefix, institutionId);

    /// <summary>A new key for a registered principal.</summary>
    public static GeneratedKey GenerateForPrincipal(string principalId) => Generate(PrincipalPrefix, principalId);

    private static GeneratedKey Generate(string prefix, string ownerId)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return new GeneratedKey(keyId, $"{prefix}.{ownerId}.{keyId}.{secret}", Hash(secret));
    }

    public static bool TryParse(string? token, out ParsedKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }

        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] is not (InstitutionPrefix or PrincipalPrefix) || !Rules.IsValidId(parts[1]) ||
            !IsKeyId(parts[2]) ||
            parts[3].Length == 0)
        {
            return false;
        }

        key = new ParsedKey(parts[1], parts[2], Hash(parts[3]), parts[0] == InstitutionPrefix ? Holder.Institution : Holder.Principal);
        return true;
    }

    /// <summary>True for a well-formed key id: 12 lower-case hex digits.</summary>
    public static bool IsKeyId(string? keyId) =>
        keyId is { Length: KeyIdBytes * 2 } && keyId.All(char.IsAsciiHexDigitLower);

    /// <summary>SHA-256 of a secret, lower-case hex.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares two hex digests in time independent of where they differ.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
