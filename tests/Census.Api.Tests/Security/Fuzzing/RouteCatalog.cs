using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Api.Tests.Security.Fuzzing;

/// <summary>One mapped route as the app itself reports it: its template and the methods it accepts (none: any).</summary>
public sealed class CatalogRoute
{
    private readonly TemplateMatcher _matcher;

    public CatalogRoute(RoutePattern pattern, IReadOnlyList<string> methods)
    {
        Pattern = pattern;
        Methods = methods;
        Template = "/" + string.Join("/", pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(Text))));
        _matcher = new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary());
    }

    public RoutePattern Pattern { get; }

    /// <summary>The template without a trailing slash: <c>/api/v1/rounds/{id}/open</c>.</summary>
    public string Template { get; }

    /// <summary>Empty when the route accepts every method (the health checks).</summary>
    public IReadOnlyList<string> Methods { get; }

    public bool AcceptsAnyMethod => Methods.Count == 0;

    public bool Accepts(string method) => AcceptsAnyMethod || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when routing would consider this route a candidate for <paramref name="path"/> (decoded).</summary>
    public bool Matches(string path) => _matcher.TryMatch(new PathString(path), new RouteValueDictionary());

    public override string ToString() => $"{(AcceptsAnyMethod ? "*" : string.Join(",", Methods))} {Template}";

    private static string Text(RoutePatternPart part) => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => "{" + (parameter.IsCatchAll ? "**" : "") + parameter.Name + (parameter.IsOptional ? "?" : "") + "}",
        _ => "?",
    };
}

/// <summary>
/// Every route the gateway maps, read from its <see cref="EndpointDataSource"/>, so a route added later
/// is fuzzed without anyone listing it here.
/// </summary>
public sealed class RouteCatalog(IReadOnlyList<CatalogRoute> routes)
{
    public IReadOnlyList<CatalogRoute> Routes { get; } = routes;

    public static RouteCatalog Of(IServiceProvider services)
    {
        // The console's pages (/ and /console/...) answer HTML to browsers, not problem JSON to clients: the console's
        // own tests (Census.Console.Tests) hold them to their contract. This catalog is the API's.
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsConsole(e.RoutePattern.RawText));
        var routes = endpoints
            .Select(e => new CatalogRoute(e.RoutePattern, e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ToList();
        return new RouteCatalog(routes);
    }

    private static bool IsConsole(string? template) =>
        template is not null && (template.TrimStart('/').Length == 0 || template.TrimStart('/').StartsWith("console", StringComparison.Ordinal));

    public bool Has(string method, string template) =>
        Routes.Any(r => r.Template == template && (r.AcceptsAnyMethod || r.Accepts(method)));

    /// <summary>
    /// What routing does with <paramref name="method"/> on <paramref name="path"/>: no candidate → 404;
    /// candidates, none accepting the method → 405 with those methods; otherwise the route handles it (null).
    /// </summary>
    public (int Status, IReadOnlyList<string> Allowed)? RoutingOutcome(string method, string path)
    {
        var candidates = Routes.Where(r => r.Matches(path)).ToList();
        if (candidates.Count == 0)
        {
            return (404, []);
        }

        return candidates.Any(c => c.Accepts(method))
            ? null
            : (405, [.. candidates.SelectMany(c => c.Methods).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }
}
