using System.Globalization;
using Census.Api.Tests.Security.Fuzzing;
using Census.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Census.Api.Tests.Security;

/// <summary>
/// api.md "Conventions", checked by fuzzing every route the gateway maps: no input ever yields a 5xx;
/// every 4xx is <c>application/problem+json</c>; a path no route matches is 404 and a method a
/// route does not take is 405 with <c>Allow</c>; and a request that fails never changes state (the
/// local-mode store is compared before and after each one, <see cref="StoreFingerprint"/>); and no key
/// the run used is in the gateway's log. The seed is printed; set <c>CENSUS_FUZZ_SEED</c> to replay a run and <c>CENSUS_FUZZ_REQUESTS</c> to change its length.
/// </summary>
public sealed class RouteFuzzTests(SecurityGateway security, ITestOutputHelper output) : IClassFixture<SecurityGateway>
{
    private const int DefaultSeed = 20270331;
    private const int DefaultRequests = 10_000;
    private const int MaxReportedFailures = 25;

    /// <summary>The contract's routes (api.md); the catalog read from the app must hold each of them.</summary>
    public static readonly (string Method, string Template)[] ContractRoutes =
    [
        ("POST", "/api/v1/institutions"),
        ("GET", "/api/v1/institutions"),
        ("GET", "/api/v1/institutions/{id}"),
        ("POST", "/api/v1/institutions/{id}/api-keys"),
        ("DELETE", "/api/v1/institutions/{id}/api-keys/{keyId}"),
        ("POST", "/api/v1/rounds"),
        ("GET", "/api/v1/rounds"),
        ("GET", "/api/v1/rounds/{id}"),
        ("POST", "/api/v1/rounds/{id}/open"),
        ("POST", "/api/v1/rounds/{id}/close"),
        ("PUT", "/api/v1/rounds/{id}/weights"),
        ("GET", "/api/v1/rounds/{roundId}/institutions/{institutionId}"),
        ("POST", "/api/v1/rounds/{roundId}/institutions/{institutionId}/submit"),
        ("GET", "/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets"),
        ("PUT", "/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}"),
        ("GET", "/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}"),
        ("DELETE", "/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}"),
        ("POST", "/api/v1/rounds/{id}/rankings"),
        ("GET", "/api/v1/rounds/{id}/rankings/{runId}"),
        ("GET", "/api/v1/rounds/{id}/rankings/{runId}/explain/{institutionId}/{datasetId}"),
        ("POST", "/api/v1/rounds/{id}/selection"),
        ("GET", "/api/v1/rounds/{id}/selection"),
        ("GET", "/api/v1/rounds/{id}/reports/institutions"),
        ("GET", "/api/v1/rounds/{id}/reports/sectors"),
        ("GET", "/health/live"),
        ("GET", "/health/ready"),
        ("GET", "/openapi/{documentName}.json"),
        ("GET", "/docs/{documentName?}"),
    ];

    private GatewayFixture Gateway => security.Gateway;

    [Fact]
    public void The_catalog_read_from_the_app_holds_every_route_of_the_contract()
    {
        var catalog = RouteCatalog.Of(Gateway.Factory.Services);
        output.WriteLine(string.Join("\n", catalog.Routes));

        var missing = ContractRoutes.Where(r => !catalog.Has(r.Method, r.Template)).Select(r => $"{r.Method} {r.Template}").ToList();

        Assert.True(missing.Count == 0, "Routes of the contract the app does not map (or the catalog does not see): " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Fuzzed_requests_to_every_route_get_no_5xx_only_problem_json_errors_and_change_nothing_when_refused()
    {
        var seed = FromEnvironment("CENSUS_FUZZ_SEED", DefaultSeed);
        var requests = FromEnvironment("CENSUS_FUZZ_REQUESTS", DefaultRequests);
        output.WriteLine($"Fuzz seed {seed} ({requests} requests); replay with CENSUS_FUZZ_SEED={seed}.");

        var catalog = RouteCatalog.Of(Gateway.Factory.Services);
        Assert.DoesNotContain(ContractRoutes, r => !catalog.Has(r.Method, r.Template));
        var world = await FuzzWorld.Arrange(Gateway);
        var fuzz = new RequestFuzz(new Random(seed), catalog, world);
        using var store = new StoreFingerprint(Gateway.Factory.Services.GetRequiredService<LocalStore>().DatabasePath);
        foreach (var (round, run) in world.Runs)
        {
            await UntilRunStored(store, round, run);
        }

        store.Accept();
        using var client = Gateway.Factory.Server.CreateClient();

        var failures = new List<string>();
        var tally = new FuzzTally();
        tally.Start();
        for (var i = 0; i < requests; i++)
        {
            tally.Generating.Start();
            var request = fuzz.Next();
            tally.Generating.Stop();
            var sent = tally.Sending.Elapsed;
            var (response, body) = await Send(client, request, tally);
            if (response is null)
            {
                failures.Add($"{request}\n  → the request threw: {body}");
                store.Accept();
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                tally.Count(request, status, tally.Sending.Elapsed - sent);
                var wrong = Check(request, response, body);
                tally.CheckingStore.Start();
                if (status is >= 400 and < 500 && store.Changes() is { Count: > 0 } changes)
                {
                    wrong.Add("a refused request changed state: " + string.Join("; ", changes));
                }

                tally.CheckingStore.Stop();
                if (status is < 400 or >= 500)
                {
                    await Settle(response, store, tally);
                    world.Learn(request.Route, response, body);
                    tally.CheckingStore.Start();
                    store.Accept();
                    tally.CheckingStore.Stop();
                }

                if (wrong.Count > 0)
                {
                    failures.Add($"{request}\n  → {status} {response.Content.Headers.ContentType}: {Clip(body)}\n  ✗ {string.Join("\n  ✗ ", wrong)}");
                }
            }
        }

        tally.Stop();
        output.WriteLine(tally.Report());
        output.WriteLine($"Store after the run: {store.Size.GrainStates} grain states, {store.Size.IndexRows} index rows; {fuzz.Json.HugeBodies} bodies over 1 MiB.");

        Assert.True(failures.Count == 0,
            $"Seed {seed}: {failures.Count} of {requests} fuzzed requests broke the contract (first {MaxReportedFailures}):\n\n" +
            string.Join("\n\n", failures.Take(MaxReportedFailures)));
        // Every key the run issued or used, and the admin key: none may be in what the gateway logged meanwhile.
        string[] secrets = [world.AdminKey, .. world.IssuedKeys, .. world.IssuedKeys.Select(k => k[(k.LastIndexOf('.') + 1)..])];
        var entries = security.Logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => secrets.Any(secret => e.Text.Contains(secret, StringComparison.Ordinal)));
        Assert.All(catalog.Routes, r => Assert.True(tally.CountFor(r) >= requests / catalog.Routes.Count / 6, $"{r} was fuzzed only {tally.CountFor(r)} times."));
    }

    /// <summary>What is wrong with a response, by the contract's rules that hold for any input.</summary>
    private static List<string> Check(FuzzRequest request, HttpResponseMessage response, string body)
    {
        var wrong = new List<string>();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            wrong.Add("a 5xx");
        }

        if (status is >= 400 and < 600)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != "application/problem+json")
            {
                wrong.Add($"an error that is not application/problem+json but {mediaType ?? "(no content type)"}");
            }
            else if (request.Method != "HEAD" && ProblemFault(body, status) is { } fault)
            {
                wrong.Add(fault);
            }
        }

        if (status == 405 && response.Content.Headers.Allow.Count == 0)
        {
            wrong.Add("a 405 without Allow");
        }

        if (request.Routing is { } routing)
        {
            if (status != routing.Status)
            {
                wrong.Add($"routing should answer {routing.Status}");
            }
            else if (status == 405 && !response.Content.Headers.Allow.ToHashSet().SetEquals(routing.Allowed))
            {
                wrong.Add($"Allow should be {string.Join(", ", routing.Allowed)}");
            }
        }

        return wrong;
    }

    private static string? ProblemFault(string body, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var problem = document.RootElement;
            if (problem.ValueKind != JsonValueKind.Object)
            {
                return "a problem body that is not a JSON object";
            }

            if (!problem.TryGetProperty("status", out var statusMember) || statusMember.ValueKind != JsonValueKind.Number || statusMember.GetInt32() != status)
            {
                return "a problem whose status member is not the response's status";
            }

            return problem.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString())
                ? null
                : "a problem without a title";
        }
        catch (JsonException)
        {
            return "a problem body that is not JSON";
        }
    }

    /// <summary>The response and its body, or no response and what was thrown.</summary>
    private static async Task<(HttpResponseMessage? Response, string Body)> Send(HttpClient client, FuzzRequest request, FuzzTally tally)
    {
        using var message = request.ToMessage();
        tally.Sending.Start();
        try
        {
            var response = await client.SendAsync(message);
            return (response, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            tally.Sending.Stop();
        }
    }

    /// <summary>
    /// Waits for what a successful request set going in the background: a started ranking run, which
    /// writes its result when done, and a finalization, whose case opener then opens the processing cases. The store
    /// is watched, not the API: the run answers "completed" a moment before its state write commits (its timer sets the
    /// state, then writes it).
    /// </summary>
    private static async Task Settle(HttpResponseMessage response, StoreFingerprint store, FuzzTally tally)
    {
        if (response.StatusCode == HttpStatusCode.OK && response.RequestMessage is { Method.Method: "POST", RequestUri: { } uri } &&
            uri.AbsolutePath.Split('/') is [_, "api", "v1", "rounds", var finalized, "selection"])
        {
            tally.WaitingForRuns.Start();
            await store.UntilStored("opener", $"case-opener/{finalized}", s => s["done"]?.GetValue<bool>() == true, TimeSpan.FromSeconds(30));
            tally.WaitingForRuns.Stop();
        }

        if (response.StatusCode == HttpStatusCode.Accepted && response.Headers.Location is { } run)
        {
            // /api/v1/rounds/{id}/rankings/{runId}
            var segments = run.OriginalString.Split('/');
            tally.WaitingForRuns.Start();
            await UntilRunStored(store, segments[4], segments[6]);
            tally.WaitingForRuns.Stop();
        }
    }

    private static Task UntilRunStored(StoreFingerprint store, string round, string run) =>
        store.UntilStored("ranking-run", $"ranking-run/{round}/{run}", s => s["state"]?.GetValue<string>() != "running", TimeSpan.FromSeconds(30));

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
