using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Census.Grains.Storage;

/// <summary>
/// Grain storage for local mode on the embedded SQLite file. State is serialized by the silo's
/// <see cref="IGrainStorageSerializer"/> (System.Text.Json, as in cluster mode); the ETag is a row
/// version, so a stale write fails exactly as it does on PostgreSQL.
/// </summary>
public sealed class SqliteGrainStorage(string name, LocalStore store, IGrainStorageSerializer serializer, TimeProvider clock)
    : IGrainStorage
{
    async Task IGrainStorage.ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, payload FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            var version = reader.GetInt64(0);
            var payload = (byte[])reader.GetValue(1);
            grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    async Task IGrainStorage.WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var expected = ParseETag(grainState.ETag);
        await using var connection = await store.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = expected is null
            ? """
              INSERT INTO grain_state (state_name, grain_id, version, payload, updated_at)
              VALUES ($state, $grain, 1, $payload, $now)
              ON CONFLICT (state_name, grain_id) DO NOTHING
              RETURNING version
              """
            : """
              UPDATE grain_state SET version = version + 1, payload = $payload, updated_at = $now
              WHERE state_name = $state AND grain_id = $grain AND version = $expected
              RETURNING version
              """;
        AddKey(command, stateName, grainId);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        if (expected is not null)
        {
            command.Parameters.AddWithValue("$expected", expected.Value);
        }

        var written = await command.ExecuteScalarAsync();
        if (written is null)
        {
            throw new InconsistentStateException(
                $"{name}: stale write of {stateName} for {grainId}: expected version {grainState.ETag ?? "none"}.",
                storedEtag: "unknown",
                currentEtag: grainState.ETag ?? "none");
        }

        grainState.ETag = Convert.ToInt64(written, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    async Task IGrainStorage.ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await store.OpenAsync();
        await using var command = connection.CreateCommand();
        var expected = ParseETag(grainState.ETag);
        command.CommandText = expected is null
            ? "SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM grain_state WHERE state_name = $state AND grain_id = $grain)"
            : "DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain AND version = $expected RETURNING version";
        AddKey(command, stateName, grainId);
        if (expected is not null)
        {
            command.Parameters.AddWithValue("$expected", expected.Value);
        }

        // One row back means the clear matched what the grain last saw; none means someone else wrote.
        await using (var reader = await command.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync())
            {
                throw new InconsistentStateException(
                    $"{name}: stale clear of {stateName} for {grainId}: expected version {grainState.ETag ?? "none"}.",
                    storedEtag: "unknown",
                    currentEtag: grainState.ETag ?? "none");
            }
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
    }

    private static long? ParseETag(string? etag) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"ETag '{etag}' is not a version of this storage.", "unknown", etag);
}
