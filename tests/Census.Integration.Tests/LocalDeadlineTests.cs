using System.Net.Http.Json;
using System.Text.Json;
using Census.Integration.Tests.Infrastructure;

namespace Census.Integration.Tests;

/// <summary>Local mode keeps reminders in memory: deadlines must still hold, across a restart too.</summary>
public sealed class LocalDeadlineTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "census-deadline-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static async Task<string> StateOf(HttpClient client, string round)
    {
        using var body = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/rounds/{round}"));
        return body.RootElement.GetProperty("state").GetString()!;
    }

    private static async Task OpenRoundAsync(HttpClient client, string round, DateTime deadline)
    {
        (await client.PostAsJsonAsync("/api/v1/rounds",
            new { id = round, title = "Deadline round", deadline, selection = new { quota = 10 } })).EnsureSuccessStatusCode();
        (await client.PostAsync($"/api/v1/rounds/{round}/open", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_open_round_closes_by_itself_at_its_deadline()
    {
        await using var gateway = new LocalGateway(_dataDirectory);
        using var client = gateway.CreateAdminClient();
        await OpenRoundAsync(client, "closes-itself", DateTime.UtcNow.AddSeconds(3));
        Assert.Equal("open", await StateOf(client, "closes-itself"));

        var state = await Eventually.Succeeds(() => StateOf(client, "closes-itself"), s => s == "closed",
            TimeSpan.FromSeconds(60), "the deadline closing the round");

        Assert.Equal("closed", state);
    }

    [Fact]
    public async Task A_deadline_that_passed_while_the_service_was_down_closes_the_round_at_start()
    {
        var deadline = DateTime.UtcNow.AddSeconds(4);
        await using (var first = new LocalGateway(_dataDirectory))
        {
            using var client = first.CreateAdminClient();
            await OpenRoundAsync(client, "closes-at-start", deadline);
        }

        // The service stays down past the deadline: this waits for wall-clock time itself.
        var remaining = deadline - DateTime.UtcNow + TimeSpan.FromSeconds(1);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }

        await using var second = new LocalGateway(_dataDirectory);
        using var restarted = second.CreateAdminClient();
        var state = await Eventually.Succeeds(() => StateOf(restarted, "closes-at-start"), s => s == "closed",
            TimeSpan.FromSeconds(30), "the restarted service closing the overdue round");

        Assert.Equal("closed", state);
    }
}
