using System.Security.Cryptography;
using System.Text;

namespace Census.ApiGateway.Auth;

/// <summary>
/// The configured admin keys, held as SHA-256 digests and compared in constant time against every
/// entry, so neither the comparison nor the number of keys checked depends on the presented key.
/// </summary>
public sealed class AdminKeyRing
{
    public const int MinimumKeyLength = 32;

    private readonly byte[][] _digests;

    public AdminKeyRing(IEnumerable<string> keys)
    {
        _digests = [.. keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Digest(k.Trim()))];
    }

    public int Count => _digests.Length;

    /// <summary>The actor name for a matching key (a fingerprint, never the key), or null.</summary>
    public string? Match(string presented)
    {
        var digest = Digest(presented);
        var matched = false;
        foreach (var candidate in _digests)
        {
            matched |= CryptographicOperations.FixedTimeEquals(candidate, digest);
        }

        return matched ? "admin:" + Convert.ToHexStringLower(digest)[..12] : null;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
