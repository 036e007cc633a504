using Census.Grains.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// What a <see cref="SurveyLoad"/> left behind, compared with what it was told: every acknowledged
/// write must be in the dataset grain's stored revision history (same revision, same time), every
/// record's current state in storage, in the survey index and through the API must be its last
/// acknowledged write, and no record may have more revisions than distinct writes were sent for it.
/// </summary>
public static class SurveyLoadCheck
{
    public static async Task<SurveyLoadVerdict> VerifyAsync(SurveyLoad load, string checkConnectionString, HttpClient admin)
    {
        var stored = await ReadStoredAsync(checkConnectionString, load.RoundId);
        var indexed = await ReadIndexAsync(checkConnectionString, load.RoundId);
        var served = await ReadApiAsync(admin, load.RoundId, load.Records.Select(r => r.Institution).Distinct());

        var verdict = new SurveyLoadVerdict
        {
            Planned = load.PlannedWrites,
            Sent = load.Records.Sum(r => r.Writes.Count(w => w.Sent)),
            Acknowledged = load.Records.Sum(r => r.Writes.Count(w => w.Acknowledged)),
        };
        verdict.GaveUp = verdict.Sent - verdict.Acknowledged;

        foreach (var record in load.Records)
        {
            var key = (record.Institution, record.DatasetId);
            stored.TryGetValue(key, out var state);
            var acknowledged = record.Writes.Where(w => w.Acknowledged).ToList();
            foreach (var write in acknowledged)
            {
                if (write.AcknowledgedTitle != write.Title || write.Revision != write.Step)
                {
                    verdict.Problems.Add($"{record.DatasetId} write {write.Step} was acknowledged as revision {write.Revision} " +
                        $"titled '{write.AcknowledgedTitle}' (expected revision {write.Step}, '{write.Title}')");
                    verdict.WrongAcknowledgements++;
                }

                if (state?.History.Any(h => h.Revision == write.Revision && h.At == write.UpdatedAt) == true)
                {
                    verdict.Found++;
                }
                else
                {
                    verdict.Lost++;
                    verdict.Problems.Add($"{record.DatasetId} write {write.Step} (revision {write.Revision} at {write.UpdatedAt:O}) is not in its stored history");
                }
            }

            if (state is not null)
            {
                // Each distinct write may become at most one revision, however often it was retried.
                var sent = record.Writes.Count(w => w.Sent);
                var extra = Math.Max(0, state.History.Count - sent) + (state.History.Count - state.History.Select(h => h.Revision).Distinct().Count());
                if (extra > 0)
                {
                    verdict.Duplicates += extra;
                    verdict.Problems.Add($"{record.DatasetId} has {state.History.Count} revisions in its history for {sent} distinct writes");
                }
            }

            if (acknowledged.Count == 0)
            {
                continue;
            }

            var last = acknowledged[^1];
            var stale = new List<string>();
            if (state is null || state.Revision != last.Revision || state.Title != last.Title || state.UpdatedAt != last.UpdatedAt)
            {
                stale.Add($"storage has revision {state?.Revision} '{state?.Title}'");
            }

            if (!indexed.TryGetValue(key, out var indexRevision) || indexRevision != last.Revision)
            {
                stale.Add($"index has revision {(indexed.ContainsKey(key) ? indexRevision : null)}");
            }

            if (!served.TryGetValue(key, out var api) || api.Revision != last.Revision || api.Title != last.Title)
            {
                stale.Add($"API has revision {(served.ContainsKey(key) ? api.Revision : null)} '{(served.ContainsKey(key) ? api.Title : null)}'");
            }

            if (stale.Count > 0)
            {
                verdict.StaleRecords++;
                verdict.Problems.Add($"{record.DatasetId}: last acknowledged revision {last.Revision} '{last.Title}', but {string.Join("; ", stale)}");
            }
        }

        return verdict;
    }

    /// <summary>How the dataset grains store their state (V005): the Orleans binary format of <see cref="DatasetState"/>.</summary>
    private static readonly Orleans.Serialization.Serializer<DatasetState> StateFormat = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(DatasetState).Assembly).AddAssembly(typeof(Census.Contracts.Surveys.SurveyRecord).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Orleans.Serialization.Serializer<DatasetState>>();

    /// <summary>The dataset grains' stored state (census_dataset_state), for this round.</summary>
    private static async Task<Dictionary<(string, string), StoredRecord>> ReadStoredAsync(string connectionString, string roundId)
    {
        var result = new Dictionary<(string, string), StoredRecord>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT grain_key, payload FROM census_dataset_state", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = reader.GetString(0).Split('/');
            var state = StateFormat.Deserialize(reader.GetFieldValue<byte[]>(1))
                ?? throw new InvalidDataException($"The stored state of {reader.GetString(0)} is empty.");
            if (!state.Rounds.TryGetValue(roundId, out var entry))
            {
                continue;
            }

            result[(key[0], key[1])] = new StoredRecord(
                entry.Revision,
                entry.Record.Title,
                entry.UpdatedAt,
                entry.History.Select(h => (h.Revision, h.At)).ToList());
        }

        return result;
    }

    private static async Task<Dictionary<(string, string), int>> ReadIndexAsync(string connectionString, string roundId)
    {
        var result = new Dictionary<(string, string), int>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT institution_id, dataset_id, revision FROM census_survey_index WHERE round_id = $1 AND NOT withdrawn", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = roundId });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        }

        return result;
    }

    /// <summary>Every record of the round as the API lists it, a page of 500 at a time.</summary>
    private static async Task<Dictionary<(string, string), (int Revision, string? Title)>> ReadApiAsync(
        HttpClient admin, string roundId, IEnumerable<string> institutions)
    {
        var result = new Dictionary<(string, string), (int, string?)>();
        foreach (var institution in institutions)
        {
            for (var page = 1; ; page++)
            {
                using var json = JsonDocument.Parse(await GetAsync(admin,
                    $"/api/v1/rounds/{roundId}/institutions/{institution}/datasets?page={page}&pageSize=500"));
                var items = json.RootElement.GetProperty("items");
                foreach (var item in items.EnumerateArray())
                {
                    result[(institution, item.GetProperty("datasetId").GetString()!)] =
                        (item.GetProperty("revision").GetInt32(), item.GetProperty("record").GetProperty("title").GetString());
                }

                if (page * 500 >= json.RootElement.GetProperty("total").GetInt32())
                {
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>A GET as a careful client sends it: 503 is retried after its Retry-After; anything else but 200 fails the check.</summary>
    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return body;
            }

            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }

    private sealed record StoredRecord(int Revision, string? Title, DateTimeOffset UpdatedAt, List<(int Revision, DateTimeOffset At)> History);
}

/// <summary>The counts a fault test prints and asserts.</summary>
public sealed class SurveyLoadVerdict
{
    public int Planned { get; init; }

    /// <summary>Distinct writes sent at least once.</summary>
    public int Sent { get; init; }

    /// <summary>Distinct writes answered 200/201 (on some attempt).</summary>
    public int Acknowledged { get; init; }

    /// <summary>Sent but never acknowledged within the retry budget.</summary>
    public int GaveUp { get; set; }

    /// <summary>Acknowledged writes found in storage with the acknowledged revision and time.</summary>
    public int Found { get; set; }

    /// <summary>Acknowledged writes not found.</summary>
    public int Lost { get; set; }

    /// <summary>Records whose storage, index or API state is not their last acknowledged write.</summary>
    public int StaleRecords { get; set; }

    /// <summary>Revisions beyond one per distinct write sent (a retry applied twice).</summary>
    public int Duplicates { get; set; }

    /// <summary>Acknowledgements carrying another write's revision or title.</summary>
    public int WrongAcknowledgements { get; set; }

    public List<string> Problems { get; } = [];

    public string FirstProblems => string.Join("\n", Problems.Take(20));

    /// <summary>Prints the counts every write-load fault test reports, and the first problems if any.</summary>
    public void Report(FaultFigures figures)
    {
        figures.Add("writes planned", Planned);
        figures.Add("writes sent", Sent);
        figures.Add("writes acknowledged", Acknowledged);
        figures.Add("writes found afterwards", Found);
        figures.Add("writes lost", Lost);
        figures.Add("duplicate revisions", Duplicates);
        figures.Add("records not matching their last acknowledged write", StaleRecords);
        figures.Add("writes given up (retry budget spent)", GaveUp);
        if (Problems.Count > 0)
        {
            figures.Line("problems:\n" + FirstProblems);
        }
    }
}
