using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Census.ApiGateway.OpenApi;

/// <summary>
/// What an operation is, read from its endpoint metadata and route — never from a list of routes, so a
/// route added later is described by the same rules: who may call it, which path values and headers it
/// reads, whether it writes, and whether the resource it writes carries a revision (api.md "Conventions").
/// </summary>
public sealed class OperationTraits
{
    private OperationTraits(ApiDescription description, IEnumerable<ApiDescription> all)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod?.ToUpperInvariant() ?? "";
        IsApi = description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
        RequiresKey = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        HasPathValues = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        HasQueryValues = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query);
        HasBody = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body) ||
                  metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().Any();
        IsWrite = method is "POST" or "PUT" or "PATCH" or "DELETE";

        // api.md: Idempotency-Key on every POST and PUT.
        TakesIdempotencyKey = IsApi && method is "POST" or "PUT";

        // api.md: "Resources with revisions return ETag; If-Match on a write → 412 when stale." A resource
        // has revisions when what it answers — this operation, or a GET of the same path — has a Revision.
        var samePathGet = all.Where(d => d.RelativePath == description.RelativePath &&
                                         string.Equals(d.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase));
        HasRevision = new[] { description }.Concat(samePathGet).Any(HasRevisionedAnswer);
        HonoursIfMatch = IsApi && HasRevision && method is "PUT" or "PATCH" or "DELETE";
    }

    public bool IsApi { get; }

    public bool RequiresKey { get; }

    public bool HasPathValues { get; }

    public bool HasQueryValues { get; }

    public bool HasBody { get; }

    public bool IsWrite { get; }

    public bool TakesIdempotencyKey { get; }

    public bool HasRevision { get; }

    public bool HonoursIfMatch { get; }

    /// <summary>Whether <paramref name="type"/> is a representation that carries a revision (and so an ETag).</summary>
    public static bool IsRevisioned(Type? type) =>
        type?.GetProperty("Revision", BindingFlags.Public | BindingFlags.Instance) is { } revision &&
        (revision.PropertyType == typeof(int) || revision.PropertyType == typeof(long));

    public static OperationTraits Of(ApiDescription description, IServiceProvider services)
    {
        var all = services.GetService<IApiDescriptionGroupCollectionProvider>()?.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items) ?? [];
        return new OperationTraits(description, all);
    }

    private static bool HasRevisionedAnswer(ApiDescription description) =>
        description.SupportedResponseTypes.Any(r => r.StatusCode is >= 200 and < 300 && IsRevisioned(r.Type));
}
