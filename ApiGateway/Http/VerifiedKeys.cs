using System.Collections.Concurrent;

namespace Census.ApiGateway.Http;

/// <summary>
/// Agency key ids (<c>institution.keyId</c>) that verified on this gateway: their requests draw from the key's own
/// bucket instead of their address's. Only a verification puts an id here, so its size is bounded by the keys
/// actually issued (and capped besides); a refused verification takes it out again.
/// </summary>
internal sealed class VerifiedKeys
{
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public bool Contains(string keyId) => _ids.ContainsKey(keyId);

    public void Add(string keyId)
    {
        if (_ids.Count < Capacity)
        {
            _ids.TryAdd(keyId, 0);
        }
    }

    public void Forget(string keyId) => _ids.TryRemove(keyId, out _);
}
