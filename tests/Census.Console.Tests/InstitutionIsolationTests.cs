using System.Net.Http.Headers;
using Census.Console.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Console.Tests;

/// <summary>
/// One institution's session never sees another's data: every console page the gateway maps (read from its endpoints,
/// so a page added later is tried too) is requested in institution A's session with institution B's ids in every
/// route value, and nothing of B's comes back.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class InstitutionIsolationTests(ConsoleServer server)
{
    [Fact]
    public async Task An_institution_session_sees_nothing_of_another_institution_on_any_page()
    {
        var arrange = new Arrange(server);
        var a = await arrange.InstitutionAsync(name: "기관 A");
        var b = await arrange.InstitutionAsync(name: "기관 B");
        var (_, keyA) = await arrange.KeyAsync(a);
        var (keyIdB, keyB) = await arrange.KeyAsync(b);
        var round = await arrange.RoundAsync([a, b]);
        var secret = "B-SECRET-" + Guid.NewGuid().ToString("N");
        using var asB = server.ApiWith(keyB);
        await arrange.RecordAsync(round, b, "b-dataset", Census.Testing.SurveyRecords.Valid() with { Title = secret }, asB);
        var importB = await DryRunImportAsync(asB, round, b, secret);

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["roundId"] = round, ["institutionId"] = b, ["datasetId"] = "b-dataset", ["importId"] = importB,
            ["keyId"] = keyIdB, ["id"] = b,
        };

        using var http = new ConsoleHttp(server);
        await http.SignInAsync(keyA);
        var pages = ConsolePages(values).ToList();
        Assert.NotEmpty(pages);
        var leaks = new List<string>();
        foreach (var path in pages)
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                leaks.Add($"{path} → {(int)response.StatusCode}");
            }

            foreach (var mark in new[] { secret, keyIdB, "기관 B" })
            {
                if (body.Contains(mark, StringComparison.Ordinal))
                {
                    leaks.Add($"{path} → {(int)response.StatusCode} shows '{mark}'");
                }
            }
        }

        Assert.True(leaks.Count == 0, $"Of {pages.Count} pages tried:\n" + string.Join("\n", leaks));

        // The control: in B's own session the same crawl does reach B's record, so the silence above means something.
        using var ownSession = new ConsoleHttp(server);
        await ownSession.SignInAsync(keyB);
        var seen = 0;
        foreach (var path in pages)
        {
            using var response = await ownSession.GetAsync(path);
            seen += (await response.Content.ReadAsStringAsync()).Contains(secret, StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(seen > 0, "B's own session found its record on none of the pages: the crawl proves nothing.");
    }

    /// <summary>Every GET page and file under /console with the route values filled from <paramref name="values"/>.</summary>
    private IEnumerable<string> ConsolePages(Dictionary<string, string> values)
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            if (pattern.RawText is not { } raw || !raw.TrimStart('/').StartsWith("console", StringComparison.Ordinal))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods;
            if (methods is not null && !methods.Contains("GET"))
            {
                continue;
            }

            var path = "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => Uri.EscapeDataString(values.GetValueOrDefault(parameter.Name, "x")),
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                _ => "",
            }))));
            yield return path;
            // The same page asked about B through the query string, where a page takes its ids so.
            yield return path + $"?institutionId={values["institutionId"]}&roundId={values["roundId"]}&datasetId={values["datasetId"]}";
        }
    }

    private static async Task<string> DryRunImportAsync(HttpClient asB, string round, string b, string title)
    {
        var line = JsonSerializer.Serialize(new { datasetId = "b-import", title });
        using var content = new StringContent(line + "\n", System.Text.Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await asB.PostAsync($"/api/v1/rounds/{round}/institutions/{b}/imports?dryRun=true", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return location[(location.LastIndexOf('/') + 1)..];
    }
}
