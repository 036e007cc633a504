using Census.Contracts.Institutions;
using Census.Domain.Security;

namespace Census.Grains.Institutions;

/// <summary>
/// The API keys of one holder (an institution or a principal): issue, revoke, verify and list, the same way for both.
/// Verifying writes nothing: a key's last use is noted in memory (<see cref="NoteUse"/>) and the owning grain stores
/// the noted uses at most once an hour (<see cref="SaveUsesAsync"/>).
/// </summary>
internal sealed class ApiKeyBook(Func<Dictionary<string, ApiKeyRecord>> keys)
{
    private readonly Dictionary<string, DateTimeOffset> _unsavedUses = new(StringComparer.Ordinal);

    public void Add(NewApiKey key, DateTimeOffset now, string actor, string owner)
    {
        if (keys().ContainsKey(key.KeyId))
        {
            // 48 random bits make this practically impossible; never let a new key reuse an old slot.
            throw new InvalidOperationException($"Key id {key.KeyId} already exists for {owner}.");
        }

        keys()[key.KeyId] = new ApiKeyRecord { SecretHash = key.SecretHash, CreatedAt = now, CreatedBy = actor };
    }

    /// <summary>Marks a key revoked in memory; the grain writes its state when the outcome is <see cref="RevokeApiKeyOutcome.Revoked"/>.</summary>
    public RevokeApiKeyOutcome Revoke(string keyId, DateTimeOffset now, string actor)
    {
        if (!keys().TryGetValue(keyId, out var key))
        {
            return RevokeApiKeyOutcome.KeyNotFound;
        }

        if (key.RevokedAt is not null)
        {
            return RevokeApiKeyOutcome.AlreadyRevoked;
        }

        key.RevokedAt = now;
        key.RevokedBy = actor;
        return RevokeApiKeyOutcome.Revoked;
    }

    public bool Verify(string keyId, string secretHash) =>
        keys().TryGetValue(keyId, out var key) && key.RevokedAt is null && ApiKeys.HashesEqual(key.SecretHash, secretHash);

    public void NoteUse(string keyId, DateTimeOffset now) => _unsavedUses[keyId] = now;

    public List<ApiKeySummary> Summaries() =>
        [.. keys()
            .OrderBy(k => k.Value.CreatedAt).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => new ApiKeySummary(k.Key, k.Value.CreatedAt, k.Value.RevokedAt, LastUse(k.Key, k.Value)))];

    /// <summary>
    /// Stores the noted uses with <paramref name="write"/> (the grain's state write). If the write fails, the records go
    /// back to what storage has and the uses stay noted for the next try.
    /// </summary>
    public async Task SaveUsesAsync(Func<CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (_unsavedUses.Count == 0)
        {
            return;
        }

        var previous = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var keyId in _unsavedUses.Keys)
        {
            if (keys().TryGetValue(keyId, out var key))
            {
                previous[keyId] = key.LastUsedAt;
                key.LastUsedAt = LastUse(keyId, key);
            }
        }

        try
        {
            await write(cancellationToken);
        }
        catch
        {
            foreach (var (keyId, lastUsedAt) in previous)
            {
                keys()[keyId].LastUsedAt = lastUsedAt;
            }

            throw;
        }

        _unsavedUses.Clear();
    }

    private DateTimeOffset? LastUse(string keyId, ApiKeyRecord key) =>
        _unsavedUses.TryGetValue(keyId, out var noted) && (key.LastUsedAt is null || noted > key.LastUsedAt) ? noted : key.LastUsedAt;
}
