using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Census.Api.Tests.Security.Fuzzing;

/// <summary>One fuzzed request, described well enough to repeat it by hand.</summary>
public sealed record FuzzRequest(
    int Serial,
    string Method,
    string Path,
    string Query,
    CatalogRoute? Route,
    byte[]? Body,
    bool Chunked,
    IReadOnlyList<(string Name, string Value)> Headers,
    IReadOnlyList<(string Name, string Value)> ContentHeaders,
    (int Status, IReadOnlyList<string> Allowed)? Routing)
{
    /// <summary>Generated to match no route: must be answered 404.</summary>
    public bool UnknownRoute => Route is null;

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri("http://localhost" + Path + Query));
        if (Body is not null || ContentHeaders.Count > 0)
        {
            message.Content = Chunked ? new UnknownLengthContent(Body ?? []) : new ByteArrayContent(Body ?? []);
            foreach (var (name, value) in ContentHeaders)
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInvariant($"#{Serial} {Method} {Clip(Path + Query, 300)}"));
        foreach (var (name, value) in Headers.Concat(ContentHeaders))
        {
            text.Append(CultureInvariant($"\n    {name}: {Clip(value, 120)}"));
        }

        if (Body is not null)
        {
            text.Append(CultureInvariant($"\n    body ({Body.Length} bytes{(Chunked ? ", chunked" : "")}): {Clip(Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 600)]), 400)}"));
        }

        return text.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Clip(string text, int length)
    {
        var escaped = JsonSerializer.Serialize(text.Length > length ? text[..length] : text);
        return text.Length > length ? $"{escaped}… ({text.Length} chars)" : escaped;
    }

    /// <summary>A body that does not announce its length, as a chunked upload does.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>
/// Makes fuzzed requests: a route of the catalog (or, now and then, a path no route matches), its
/// path parameters from the world's ids or junk, a method (usually the route's), a mutated body and
/// random or mutated headers. Every choice comes from one seeded <see cref="Random"/>.
/// </summary>
public sealed partial class RequestFuzz(Random random, RouteCatalog catalog, FuzzWorld world)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "FUZZ"];
    private static readonly string[] UnknownRouteMethods = ["GET", "GET", "POST", "PUT", "DELETE", "PATCH"];
    private static readonly string[] UnknownWords = ["nothing", "admin", "users", "keys", "v1", "institution", "round", "datasets", "login", "swagger", "actuator"];

    private readonly JsonFuzz _json = new(random);
    private int _serial;

    public JsonFuzz Json => _json;

    /// <summary>
    /// The next request: now and then to a path no route matches; otherwise to a route of the catalog,
    /// a third of the time "focused" — the route's method, a caller allowed to use it, ids of the right
    /// kind and a JSON content type, only the body and the write headers fuzzed — so that bodies get past
    /// authentication into validation and the grains; the rest of the time everything is fuzzed.
    /// </summary>
    public FuzzRequest Next()
    {
        var serial = ++_serial;
        var roll = random.NextDouble();
        return roll < 0.06 ? UnknownRoute(serial) : ForRoute(serial, _json.Pick(_weightedRoutes), focused: roll < 0.40);
    }

    /// <summary>
    /// The catalog with each API route three times: the census's own routes get most of the requests;
    /// the framework's (health, OpenAPI, the docs page and its scripts) fewer, as their answers are slow to make.
    /// </summary>
    private readonly CatalogRoute[] _weightedRoutes =
        [.. catalog.Routes.SelectMany(r => Enumerable.Repeat(r, r.Template.StartsWith("/api/", StringComparison.Ordinal) ? 3 : 1))];

    private FuzzRequest ForRoute(int serial, CatalogRoute route, bool focused)
    {
        var method = route.AcceptsAnyMethod || (!focused && _json.Chance(0.2)) ? _json.Pick(focused ? ["GET"] : Methods) : _json.Pick(route.Methods);
        var (path, values) = Path(route, focused);
        var query = Query(route);
        var template = FuzzWorld.ValidBody(method, route.Template, serial) ?? FuzzWorld.ValidBody(route.Methods.Count > 0 ? route.Methods[0] : "", route.Template, serial);
        var sendsBody = template is not null ? _json.Chance(0.9) : _json.Chance(focused ? 0.1 : 0.35);
        var body = sendsBody ? _json.Body(template, valid: focused ? 0.25 : 0.08) : null;
        var routing = IsPlain(path) ? catalog.RoutingOutcome(method, path) : null;
        var headers = focused ? FocusedHeaders(method, values) : Headers(method);
        var contentHeaders = focused ? (sendsBody ? [("Content-Type", "application/json")] : []) : ContentHeaders(sendsBody);
        return new FuzzRequest(serial, method, path, query, route, body, body is not null && _json.Chance(0.1), headers, contentHeaders, routing);
    }

    /// <summary>A caller the route lets in (admin, or the agency of the institution in the path) and fuzzed write headers.</summary>
    private List<(string, string)> FocusedHeaders(string method, IReadOnlyDictionary<string, string> values)
    {
        var institution = values.GetValueOrDefault("institutionId");
        var agencyKey = institution == FuzzWorld.InstitutionA ? world.KeyA.ApiKey : institution == FuzzWorld.InstitutionB ? world.KeyB.ApiKey : null;
        var headers = new List<(string, string)> { ("Authorization", "Bearer " + (agencyKey is not null && _json.Chance(0.4) ? agencyKey : world.AdminKey)) };
        headers.AddRange(Headers(method).Where(h => h.Item1 is "If-Match" or "Idempotency-Key" && _json.Chance(0.5)));
        return headers;
    }

    private FuzzRequest UnknownRoute(int serial)
    {
        var id = _json.Pick(world.Institutions);
        var round = _json.Pick(world.Rounds);
        var word = _json.Pick(UnknownWords);
        var path = _json.Pick(new[]
        {
            $"/api/v1/{word}",
            $"/api/v1/{word}/{id}",
            $"/api/v2/institutions",
            $"/api/v2/rounds/{round}",
            $"/api",
            $"/api/v1",
            $"/{word}",
            $"/api/v1/institutions/{id}/api-keys/{_json.Pick(world.KeyIds)}/extra",
            $"/api/v1/institutions/{id}/nothing",
            $"/api/v1/rounds/{round}/nothing",
            $"/api/v1/rounds/{round}/institutions/{id}/datasets/ds-1/extra",
            $"/api/v1/rounds/{round}/rankings/run-1/explain/{id}",
            $"/health",
            $"/health/live/extra",
        });
        var method = _json.Pick(UnknownRouteMethods);
        var body = _json.Chance(0.3) ? _json.Body(null) : null;
        var routing = catalog.RoutingOutcome(method, path);
        return new FuzzRequest(serial, method, path, Query(null), null, body, false, Headers(method), ContentHeaders(body is not null),
            routing ?? throw new InvalidOperationException($"The unknown-route path {path} matches a route."));
    }

    private (string Path, IReadOnlyDictionary<string, string> Values) Path(CatalogRoute route, bool focused)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var segment in route.Pattern.PathSegments)
        {
            text.Append('/');
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => values[parameter.Name] = focused ? FocusedValue(route, parameter.Name) : Value(route, parameter.Name),
                    _ => "",
                });
            }
        }

        return (text.Length == 0 ? "/" : text.ToString(), values);
    }

    /// <summary>A path parameter: usually an id of the right kind from the world, sometimes another kind's, often junk.</summary>
    private string Value(CatalogRoute route, string parameter)
    {
        var roll = random.NextDouble();
        if (roll < 0.62)
        {
            return _json.Pick(Pool(route, parameter));
        }

        if (roll < 0.72)
        {
            return _json.Pick(_json.Pick(new[] { world.Institutions, world.Rounds, world.Datasets, world.KeyIds, world.RunIds }));
        }

        return Junk();
    }

    /// <summary>An id of the right kind; on survey routes mostly an open round and an invited institution, so writes get through.</summary>
    private string FocusedValue(CatalogRoute route, string parameter)
    {
        var survey = route.Template.Contains("/institutions/{institutionId}", StringComparison.Ordinal);
        return (survey, parameter) switch
        {
            (true, "roundId") when _json.Chance(0.6) => _json.Pick(world.KeptOpen),
            (true, "institutionId") when _json.Chance(0.7) => _json.Pick(new[] { FuzzWorld.InstitutionA, FuzzWorld.InstitutionB }),
            _ => _json.Pick(Pool(route, parameter)),
        };
    }

    private List<string> Pool(CatalogRoute route, string parameter)
    {
        var template = route.Template;
        // The arranged ids three times in four: learned ones (fresh drafts, institutions invited nowhere) reach less deep.
        var learned = world.LearnedInstitutions.Count > 0 && _json.Chance(0.25);
        switch (parameter)
        {
            case "id" when template.StartsWith("/api/v1/institutions", StringComparison.Ordinal):
            case "institutionId":
                return learned ? world.LearnedInstitutions : world.Institutions;
            case "id" or "roundId":
                // Lifecycle routes must not close or finalize the rounds the survey routes write to.
                var lifecycle = template.EndsWith("/open", StringComparison.Ordinal) || template.EndsWith("/close", StringComparison.Ordinal) ||
                    template.EndsWith("/selection", StringComparison.Ordinal);
                var rounds = learned && world.LearnedRounds.Count > 0 ? world.LearnedRounds : world.Rounds;
                return lifecycle ? [.. rounds.Where(r => !world.KeptOpen.Contains(r))] : rounds;
            case "datasetId":
                return world.Datasets;
            case "keyId":
                return [.. world.KeyIds.Where(k => !world.KeptKeyIds.Contains(k))];
            case "runId":
                return world.RunIds;
            case "documentName":
                return ["v1", "v2", "V1"];
            default:
                return ["x", "fuzz-a", "v1"];
        }
    }

    // No %00: the test host throws on a path with a NUL before the app sees the request.
    private static readonly string[] JunkSegments =
    [
        "FUZZ-A", "Fuzz-Open", "..", ".", "", "%2e%2e", "%2E", "%2F", "a%2Fb", "%01", "%ZZ", "%", "%C0%AF", "%FF", "%FE%FF", "a%20b",
        "+", "a;b=c", "~", "'", "%27%20OR%201=1", "-lead", "a", "0", "null", "undefined", "%E2%80%AE", "%EF%BB%BF", "%F0%9F%98%80",
        "%EA%B3%BC%ED%95%99", "run-1%7F", "fuzz-a%0d%0a", "*", "$", "@", "%5C", "%3F", "%23", new string('a', 63), new string('a', 64),
        new string('a', 3000), string.Concat(Enumerable.Repeat("%E2%80%8B", 40)),
    ];

    private string Junk() => _json.Chance(0.7)
        ? _json.Pick(JunkSegments)
        : "fz-" + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64()));

    private string Query(CatalogRoute? route)
    {
        var lists = route is not null && route.Methods.Contains("GET") && (route.Template.EndsWith("/institutions", StringComparison.Ordinal) ||
            route.Template.EndsWith("/rounds", StringComparison.Ordinal) || route.Template.EndsWith("/datasets", StringComparison.Ordinal));
        if (!_json.Chance(lists ? 0.6 : 0.12))
        {
            return "";
        }

        var pairs = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            pairs.Add(_json.Pick(QueryPairs));
        }

        return "?" + string.Join("&", pairs);
    }

    private List<(string, string)> Headers(string method)
    {
        var headers = new List<(string, string)>();
        if (Authorization() is { } authorization)
        {
            headers.Add(("Authorization", authorization));
        }

        if (_json.Chance(0.45))
        {
            headers.Add(("Accept", _json.Pick(Accepts)));
        }

        if (_json.Chance(method is "PUT" or "DELETE" ? 0.4 : 0.08))
        {
            headers.Add(("If-Match", _json.Pick(IfMatches)));
        }

        if (_json.Chance(method is "PUT" or "POST" ? 0.35 : 0.05))
        {
            headers.Add(("Idempotency-Key", _json.Chance(0.2) ? "key-" + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) : _json.Pick(IdempotencyKeys)));
        }

        if (_json.Chance(0.05))
        {
            headers.Add(_json.Pick(OtherHeaders));
        }

        return headers;
    }

    private string? Authorization() => random.Next(20) switch
    {
        0 or 1 or 2 => null,
        3 or 4 or 5 or 6 or 7 or 8 => "Bearer " + world.AdminKey,
        9 or 10 or 11 => "Bearer " + world.KeyA.ApiKey,
        12 or 13 => "Bearer " + world.KeyB.ApiKey,
        14 => "Bearer " + _json.Pick(world.IssuedKeys),
        15 => "Bearer " + world.RevokedA.ApiKey,
        _ => _json.Pick(_malformedAuthorization ??= MalformedAuthorization()),
    };

    /// <summary>Credentials near the real ones: wrong scheme, admin key changed by a character, A's secret under B's name, and so on.</summary>
    private string[] MalformedAuthorization()
    {
        var admin = world.AdminKey;
        var (keyIdA, keyA) = world.KeyA;
        var secretA = keyA[(keyA.LastIndexOf('.') + 1)..];
        return
        [
            "Bearer", "Bearer ", "bearer " + admin, "BEARER " + keyA, "Basic YWRtaW46YWRtaW4=", "Bearer " + admin + "x", "Bearer " + admin[..^1],
            "Bearer  " + admin + " ", "Token " + admin, admin, "Bearer cen", "Bearer cen.fuzz-a", $"Bearer cen.fuzz-a.{keyIdA}.",
            $"Bearer cen.fuzz-a.{keyIdA}.wrong-secret", $"Bearer cen.fuzz-b.{keyIdA}.{secretA}", $"Bearer cen.FUZZ-A.{keyIdA}.{secretA}",
            $"Bearer cen.fuzz-a.{keyIdA.ToUpperInvariant()}.{secretA}", $"Bearer cen.fuzz-a.{keyIdA}.{secretA}.extra",
            "Bearer " + new string('a', 10_000), "Bearer cen." + new string('a', 300), $"Bearer {keyA}, Bearer {admin}",
            "Bearer é", "Bearer 가나다", "Bearer a\tb", "Bearer \u0000",
        ];
    }

    private List<(string, string)> ContentHeaders(bool hasBody)
    {
        if (!hasBody && !_json.Chance(0.03))
        {
            return [];
        }

        var roll = random.NextDouble();
        if (roll < 0.55)
        {
            return [("Content-Type", "application/json")];
        }

        if (roll < 0.6)
        {
            return [];
        }

        return [("Content-Type", _json.Pick(ContentTypes))];
    }

    private static readonly string[] QueryPairs =
    [
        "page=1", "page=0", "page=-1", "page=abc", "page=99999999999", "page=2147483647", "page=1e3", "page=%00", "page=",
        "pageSize=1", "pageSize=500", "pageSize=501", "pageSize=0", "pageSize=-5", "pageSize=x", "pageSize=2147483647",
        "sector=finance", "sector=FINANCE", "sector=nope", "sector=", "kind=other", "kind=Other", "kind=%00",
        "page=1&page=2", "foo=bar", "=", "&&&", "%", "a=%ZZ", "sector=" + new string('s', 5000), "page=%EF%BC%91",
    ];

    private static readonly string[] Accepts =
    [
        "application/json", "text/csv", "*/*", "text/html", "application/xml", "text/csv;q=0", "application/problem+json",
        ";;;,,", "text/*", "*/*;q=abc", "application/json, text/csv", "text/csv, application/json;q=0.1", "image/png",
        new string('x', 3000),
    ];

    private static readonly string[] IfMatches =
    [
        "\"1\"", "\"2\"", "\"3\"", "1", "*", " * ", "W/\"1\"", "\"abc\"", "\"99999999999999999999\"", "\"-1\"", "\"0\"", "",
        " ", "\"1\", \"2\"", "\"", "\"1\"garbage", new string('9', 5000), "\"١\"",
    ];

    private static readonly string[] IdempotencyKeys =
    [
        "key-1", "key-2", "k", new string('k', 100), new string('k', 101), new string('k', 10_000), "has space", "é", "", "\t", "키", "a\u007fb",
    ];

    private static readonly (string, string)[] OtherHeaders =
    [
        ("X-Forwarded-For", "not-an-ip"), ("X-HTTP-Method-Override", "DELETE"), ("Range", "bytes=0-1"),
        ("Expect", "100-continue"), ("Cookie", "a=b"), ("Origin", "https://evil.example"), ("X-Original-URL", "/api/v1/institutions"),
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=utf-8", "application/problem+json", "application/merge-patch+json", "application/vnd.census+json",
        "APPLICATION/JSON", "application/json; charset=latin1", "application/json; charset=utf-16", "application/json;;;",
        "application/jsonx", "application/+json", "text/json", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=zz", "application/xml", "", "garbage", "a/b/c", "*/*", "application/json; charset=\"",
        new string('x', 3000), "application/json, text/plain",
    ];

    private string[]? _malformedAuthorization;

    /// <summary>Paths whose segments routing reads as they are (no escapes, no dot segments, none empty): their routing outcome is predictable.</summary>
    private static bool IsPlain(string path) => PlainPath().IsMatch(path);

    [GeneratedRegex(@"^(/(?!\.+(/|$))[A-Za-z0-9._~-]+)+$")]
    private static partial Regex PlainPath();
}
