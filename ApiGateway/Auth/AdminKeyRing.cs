using System.Security.Cryptography;
using System.Text;

namespace Census.ApiGateway.Auth;

/// <summary>
/// The configured admin keys, held as SHA-256 digests and compared in constant time against every
/// entry, so neither the comparison nor the number of keys checked depends on the presented key.
/// </summary>
public sealed class AdminKeyRing
{
    public const int MinimumKeyLength = AdminKeyPolicy.MinimumLength;

    /// <summary>
    /// The actor every admin key acts as in audit fields (<c>updatedBy</c>, <c>createdBy</c>), which agencies see:
    /// one neutral name, never anything computed from a key.
    /// </summary>
    public const string Actor = "admin";

    private readonly byte[][] _digests;

    public AdminKeyRing(IEnumerable<string> keys)
    {
        _digests = [.. keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Digest(k.Trim()))];
    }

    public int Count => _digests.Length;

    /// <summary>Which configured key matches (its position, for its own rate-limit bucket), or null.</summary>
    public AdminKeyMatch? Match(string presented)
    {
        var digest = Digest(presented);
        var matched = -1;
        for (var i = 0; i < _digests.Length; i++)
        {
            // Every entry is compared; the branch-free select keeps the loop's work independent of the match.
            var equal = CryptographicOperations.FixedTimeEquals(_digests[i], digest);
            matched = equal && matched < 0 ? i : matched;
        }

        return matched >= 0 ? new AdminKeyMatch(matched) : null;
    }

    /// <summary>Whether a configured key has this SHA-256 digest (a console session re-checks its admin key so).</summary>
    public bool HasDigest(byte[] digest)
    {
        var found = false;
        foreach (var entry in _digests)
        {
            found |= CryptographicOperations.FixedTimeEquals(entry, digest);
        }

        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
