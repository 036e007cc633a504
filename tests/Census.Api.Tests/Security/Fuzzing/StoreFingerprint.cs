using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Census.Api.Tests.Security.Fuzzing;

/// <summary>
/// What the local-mode SQLite store holds, to tell whether a request changed state. It covers both
/// tables of the store: <c>grain_state</c> (every grain's state; the storage provider bumps a row's
/// <c>version</c> on every write, inserts at 1 and deletes on clear, so (state, grain, version)
/// changes whenever anything is written) and <c>census_survey_index</c> (compared column by column).
/// <para>
/// Checking is cheap when nothing happened: SQLite's <c>PRAGMA data_version</c> on this connection
/// changes whenever another connection commits, so the tables are read again only after a commit.
/// </para>
/// <para>
/// One write is allowed to a rejected request, and only in its exact form: a round's
/// <c>subscribers</c> gaining institutions that are invited to it, nothing else in the round's state
/// changing. That set is not a resource of the API; it says which assignment activations cache the
/// round's write context and must be told when the round changes, and the first request that touches
/// an invited institution's assignment in a round — a read, or a write refused further on — records
/// it. An institution that is not invited must never be recorded (its context is never pushed to).
/// </para>
/// <para>
/// A round's <c>statuses</c> (its progress) may also catch up during a rejected request: the round writes the
/// statuses its assignments reported at most every few seconds, off the agencies' path. Allowed only when each
/// changed entry equals its assignment's stored status and that assignment was not written meanwhile.
/// </para>
/// </summary>
public sealed class StoreFingerprint : IDisposable
{
    private const string RoundState = "round";
    private const string InstitutionState = "institution";
    private const string AssignmentState = "assignment";

    private readonly SqliteConnection _connection;
    private Snapshot _baseline;

    public StoreFingerprint(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        _connection.Open();
        _baseline = Take();
    }

    /// <summary>How many grain-state rows and index rows the store holds now (as of the baseline).</summary>
    public (int GrainStates, int IndexRows) Size => (_baseline.Versions.Count, _baseline.Index.Count);

    /// <summary>After a request that may change state: what the store holds now is the new baseline.</summary>
    public void Accept() => _baseline = Take();

    /// <summary>
    /// After a rejected request: every change since the baseline except the allowed one, described.
    /// The store as it is now becomes the baseline, so one bad change is reported once.
    /// </summary>
    public IReadOnlyList<string> Changes()
    {
        if (DataVersion() == _baseline.DataVersion)
        {
            return [];
        }

        var now = Take();
        var changes = Compare(_baseline, now);
        _baseline = now;
        return changes;
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Waits (at most <paramref name="timeout"/>) until a grain's stored state satisfies <paramref name="condition"/>.</summary>
    public async Task UntilStored(string stateName, string grainId, Func<JsonObject, bool> condition, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = "SELECT payload FROM grain_state WHERE state_name = $state AND grain_id = $grain";
                command.Parameters.AddWithValue("$state", stateName);
                command.Parameters.AddWithValue("$grain", grainId);
                if (command.ExecuteScalar() is byte[] payload && JsonNode.Parse(payload) is JsonObject stored && condition(stored))
                {
                    return;
                }
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"The stored state '{stateName}' of {grainId} did not reach the expected condition within {timeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }
    }

    private long DataVersion()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Snapshot Take()
    {
        // One read transaction: the data version and both tables as of the same commit.
        using var transaction = _connection.BeginTransaction(deferred: true);
        var snapshot = new Snapshot(DataVersion());
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT state_name, grain_id, version, CASE WHEN state_name IN ($round, $assignment) THEN payload END FROM grain_state";
            command.Parameters.AddWithValue("$round", RoundState);
            command.Parameters.AddWithValue("$assignment", AssignmentState);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                snapshot.Versions[key] = reader.GetInt64(2);
                if (!reader.IsDBNull(3) && key.Item1 == RoundState)
                {
                    snapshot.Rounds[key.Item2] = Encoding.UTF8.GetString((byte[])reader.GetValue(3));
                }
                else if (!reader.IsDBNull(3))
                {
                    snapshot.Statuses[key.Item2] = JsonNode.Parse((byte[])reader.GetValue(3))?["status"]?.GetValue<string>();
                }
            }
        }

        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT * FROM census_survey_index";
            using var reader = command.ExecuteReader();
            var values = new object[reader.FieldCount];
            while (reader.Read())
            {
                reader.GetValues(values);
                var key = $"{values[0]}/{values[1]}/{values[2]}";
                snapshot.Index[key] = string.Join("|", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        transaction.Commit();
        return snapshot;
    }

    private static List<string> Compare(Snapshot before, Snapshot after)
    {
        var changes = new List<string>();
        foreach (var key in before.Versions.Keys.Union(after.Versions.Keys))
        {
            var had = before.Versions.TryGetValue(key, out var oldVersion);
            var has = after.Versions.TryGetValue(key, out var newVersion);
            if (had && has && oldVersion == newVersion)
            {
                continue;
            }

            if (key.Item1 == RoundState && had && has &&
                OnlyInvitedSubscribersAdded(before.Rounds[key.Item2], after.Rounds[key.Item2], before, after) is null)
            {
                continue;
            }

            var what = !had ? "written (new row)" : !has ? "deleted" : $"written (version {oldVersion} → {newVersion})";
            var why = key.Item1 == RoundState && had && has
                ? ": " + OnlyInvitedSubscribersAdded(before.Rounds[key.Item2], after.Rounds[key.Item2], before, after)
                : "";
            changes.Add($"grain state '{key.Item1}' of {key.Item2} {what}{why}");
        }

        foreach (var key in before.Index.Keys.Union(after.Index.Keys))
        {
            before.Index.TryGetValue(key, out var oldRow);
            after.Index.TryGetValue(key, out var newRow);
            if (oldRow != newRow)
            {
                changes.Add($"survey index row {key}: {oldRow ?? "(none)"} → {newRow ?? "(none)"}");
            }
        }

        return changes;
    }

    /// <summary>Null when the only change is invited institutions joining <c>subscribers</c>; otherwise what else changed.</summary>
    private static string? OnlyInvitedSubscribersAdded(string beforeJson, string afterJson, Snapshot before, Snapshot after)
    {
        var old = JsonNode.Parse(beforeJson)!.AsObject();
        var now = JsonNode.Parse(afterJson)!.AsObject();
        if (StatusesCaughtUp(old, now, before, after))
        {
            old.Remove("statuses");
            now.Remove("statuses");
        }

        var oldSubscribers = Members(old, "subscribers");
        var newSubscribers = Members(now, "subscribers");
        old.Remove("subscribers");
        now.Remove("subscribers");
        if (!JsonNode.DeepEquals(old, now))
        {
            return $"the round's state changed: {beforeJson} → {afterJson}";
        }

        if (oldSubscribers.Except(newSubscribers).ToList() is { Count: > 0 } removed)
        {
            return "subscribers removed: " + string.Join(", ", removed);
        }

        var invited = now["institutions"] is JsonArray list ? [.. list.Select(i => i!.GetValue<string>())] : (HashSet<string>?)null;
        var notInvited = newSubscribers.Except(oldSubscribers)
            .Where(id => invited is null ? !after.Versions.ContainsKey((InstitutionState, "institution/" + id)) : !invited.Contains(id))
            .ToList();
        return notInvited.Count == 0 ? null : "subscribers gained institutions not invited to the round: " + string.Join(", ", notInvited);
    }

    /// <summary>Whether every changed entry of the round's <c>statuses</c> is its assignment's stored status, untouched meanwhile.</summary>
    private static bool StatusesCaughtUp(JsonObject old, JsonObject now, Snapshot before, Snapshot after)
    {
        var roundId = now["id"]?.GetValue<string>();
        var oldStatuses = old["statuses"] as JsonObject;
        var newStatuses = now["statuses"] as JsonObject;
        if (newStatuses is null || (oldStatuses?.Any(p => !newStatuses.ContainsKey(p.Key)) ?? false))
        {
            return false;
        }

        foreach (var (institutionId, status) in newStatuses)
        {
            var value = status?.GetValue<string>();
            if (oldStatuses?[institutionId]?.GetValue<string>() == value)
            {
                continue;
            }

            var assignment = (AssignmentState, $"{AssignmentState}/{roundId}/{institutionId}");
            if (!after.Versions.TryGetValue(assignment, out var version) ||
                !before.Versions.TryGetValue(assignment, out var previous) || previous != version ||
                after.Statuses.GetValueOrDefault(assignment.Item2) != value)
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> Members(JsonObject state, string name) =>
        state[name] is JsonArray items ? [.. items.Select(i => i!.GetValue<string>())] : [];

    private sealed class Snapshot(long dataVersion)
    {
        public long DataVersion { get; } = dataVersion;

        public Dictionary<(string State, string Grain), long> Versions { get; } = [];

        /// <summary>Round states (JSON) by grain id: the one kind whose change may be allowed, so kept whole.</summary>
        public Dictionary<string, string> Rounds { get; } = new(StringComparer.Ordinal);

        /// <summary>Assignments' stored statuses by grain id.</summary>
        public Dictionary<string, string?> Statuses { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Index { get; } = new(StringComparer.Ordinal);
    }
}
