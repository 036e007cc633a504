using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Census.ApiGateway.Http;

/// <summary>
/// Encrypts a stored reply (AES-256-GCM) with a key derived (HKDF-SHA-256) from the client's Idempotency-Key and the
/// caller's scope. The store keeps only a hash of the two and the ciphertext, so reading the store does not reveal
/// a reply — in particular an issued API key. Whoever holds the Idempotency-Key can open it, which is the point:
/// that is the client that made the request. Clients should use random keys (a UUID); a guessable key makes its
/// reply guessable to someone who can read the database.
/// </summary>
internal static class SealedReplies
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] Info = Encoding.UTF8.GetBytes("census idempotency reply v1");

    /// <summary>The store's name for the key: nothing in it can be turned back into the client's key.</summary>
    public static string StoreKey(string scope, string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"census-idempotency-v1\n{scope}\n{idempotencyKey}")));

    public static byte[] Seal(StoredReply reply, string scope, string idempotencyKey, string requestHash)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(reply);
        var sealedReply = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedReply.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(scope, idempotencyKey), TagBytes);
        aes.Encrypt(nonce, plain, sealedReply.AsSpan(NonceBytes + TagBytes), sealedReply.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(requestHash));
        return sealedReply;
    }

    /// <summary>The reply, or null when it does not open with this key and request (it was not sealed for them).</summary>
    public static StoredReply? Open(byte[] sealedReply, string scope, string idempotencyKey, string requestHash)
    {
        if (sealedReply.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var plain = new byte[sealedReply.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(Key(scope, idempotencyKey), TagBytes);
        try
        {
            aes.Decrypt(
                sealedReply.AsSpan(0, NonceBytes), sealedReply.AsSpan(NonceBytes + TagBytes), sealedReply.AsSpan(NonceBytes, TagBytes), plain,
                Encoding.UTF8.GetBytes(requestHash));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return JsonSerializer.Deserialize<StoredReply>(plain);
    }

    private static byte[] Key(string scope, string idempotencyKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(idempotencyKey), 32, Encoding.UTF8.GetBytes(scope), Info);
}
