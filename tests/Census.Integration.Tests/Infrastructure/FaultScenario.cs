using System.Net;
using System.Net.Http.Json;

namespace Census.Integration.Tests.Infrastructure;

/// <summary>
/// The census a fault test writes into: institutions, and an open round they are invited to. Set-up
/// calls retry a 503 the way a client is told to (the cluster may still be recovering from the last
/// fault); any other unexpected answer fails the test.
/// </summary>
public static class FaultScenario
{
    private static readonly string[] Sectors =
    [
        "environment-weather", "health-medical", "transport-logistics", "education",
        "public-administration", "science-technology", "finance", "law",
    ];

    /// <summary>Registers <paramref name="count"/> institutions (one sector each, in turn) and returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> InstitutionsAsync(HttpClient admin, int count, string prefix)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{i:00}";
            await SendAsync(admin, () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/institutions")
            {
                Content = JsonContent.Create(new { id, name = $"기관 {id}", kind = "public-institution", sector = Sectors[i % Sectors.Length] }),
            }, HttpStatusCode.Created, createdByAnEarlierAttempt: HttpStatusCode.Conflict);
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Creates and opens a round with the given deadline (every registered institution is invited).</summary>
    public static async Task OpenRoundAsync(HttpClient admin, string round, DateTimeOffset deadline, int quota = 100)
    {
        await SendAsync(admin, () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/rounds")
        {
            Content = JsonContent.Create(new { id = round, title = $"Fault round {round}", deadline = deadline.UtcDateTime, selection = new { quota } }),
        }, HttpStatusCode.Created, createdByAnEarlierAttempt: HttpStatusCode.Conflict);
        // Like a create, an open that answered 503 may still have happened: its retry then finds the round open (409).
        await SendAsync(admin, () => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/rounds/{round}/open"), HttpStatusCode.OK,
            createdByAnEarlierAttempt: HttpStatusCode.Conflict);
    }

    /// <summary>
    /// Sends a request until it is answered <paramref name="expected"/>; a 503 is retried after its
    /// Retry-After (for up to a minute), anything else fails. A create that answered 503 may still have
    /// happened: its retry may then answer <paramref name="createdByAnEarlierAttempt"/> (409).
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, Func<HttpRequestMessage> request, HttpStatusCode expected, HttpStatusCode? createdByAnEarlierAttempt = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var retried = false;
        while (true)
        {
            using var message = request();
            var response = await client.SendAsync(message);
            if (response.StatusCode == expected || (retried && response.StatusCode == createdByAnEarlierAttempt))
            {
                return response;
            }

            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{message.Method} {message.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
            }

            retried = true;
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }
}
