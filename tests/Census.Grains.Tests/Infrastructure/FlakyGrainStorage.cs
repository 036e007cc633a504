using System.Collections.Concurrent;
using Orleans.Storage;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>
/// In-memory grain storage with ETag checks (like the real providers) that can be told to fail the next
/// write of one grain, to see what a grain does when its storage is briefly unavailable.
/// </summary>
public sealed class FlakyGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (string ETag, BinaryData Payload)> _records = new();
    private readonly ConcurrentDictionary<GrainId, bool> _failNextWrite = new();
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();

    public void FailNextWrite(GrainId grainId) => _failNextWrite[grainId] = true;

    /// <summary>Writes of <paramref name="grainId"/>'s state that storage accepted.</summary>
    public int WritesOf(GrainId grainId) => _writes.GetValueOrDefault(grainId);

    Task IGrainStorage.ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = serializer.Deserialize<T>(record.Payload);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    Task IGrainStorage.WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_failNextWrite.TryRemove(grainId, out _))
        {
            throw new IOException($"Injected storage failure writing {stateName} of {grainId}.");
        }

        var key = (stateName, grainId);
        var stored = _records.TryGetValue(key, out var record) ? record.ETag : null;
        if (stored != grainState.ETag)
        {
            throw new InconsistentStateException("ETag mismatch.", stored ?? "none", grainState.ETag ?? "none");
        }

        var etag = Guid.NewGuid().ToString("N");
        _records[key] = (etag, serializer.Serialize(grainState.State));
        grainState.ETag = etag;
        grainState.RecordExists = true;
        _writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    Task IGrainStorage.ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _records.TryRemove((stateName, grainId), out _);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
