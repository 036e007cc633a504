using System.Text;
using Census.ApiGateway.Http;
using Census.Contracts.Catalogue;
using Census.Contracts.Common;
using Census.Contracts.Institutions;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Census.Domain.Catalogue;
using Census.Exchange.Catalog;
using Census.Exchange.Catalog.Rdf;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Census.ApiGateway.Apis;

/// <summary>
/// The public catalogue of released datasets (provision.md §2 "Public catalogue"): the list with search and filters, a
/// dataset's entry, its approved-uses register, and the whole catalogue as DCAT-AP 3.0.1 (JSON-LD or Turtle, like the
/// selection's export). No key; rate limited by client address like every anonymous /api request. The answers are
/// cached for <see cref="CacheFor"/> (output caching, varied by query and Accept), which keeps the one catalogue grain
/// off the hot path: a change shows within that time.
/// </summary>
public static class CatalogueApi
{
    public const string CachePolicy = "catalogue";

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    /// <summary>The output cache and its catalogue policy; the gateway adds <c>UseOutputCache</c> to its pipeline.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services) =>
        services.AddOutputCache(o => o.AddPolicy(CachePolicy, b => b
            .Expire(CacheFor)
            .SetVaryByQuery("q", "sector", "modality", "tier", "page", "pageSize")
            .SetVaryByHeader(HeaderNames.Accept)));

    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/catalogue").WithTags("Catalogue").AllowAnonymous().CacheOutput(CachePolicy);
        api.MapGet("/", List)
            .WithName("ListCatalogue")
            .WithSummary("Released datasets (public): search q in title, description, publisher and ids; filter by sector, modality and tier; paged, ordered by title.");
        api.MapGet("/catalog", Dcat)
            .Produces(StatusCodes.Status200OK, contentType: SelectionCatalogApi.JsonLd, additionalContentTypes: [SelectionCatalogApi.Turtle])
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .WithName("GetCatalogueDcat")
            .WithSummary("Every released dataset as a DCAT-AP 3.0.1 catalogue, a distribution per released file and version (public); Accept: application/ld+json (default) or text/turtle.");
        api.MapGet("/{institutionId}/{datasetId}", Get)
            .WithName("GetCatalogueEntry")
            .WithSummary("A released dataset (public): tier, licence, versions with their manifest summary, offer and approved uses; 404 when it is not released or not providable.");
        api.MapGet("/{institutionId}/{datasetId}/uses", Uses)
            .WithName("ListCatalogueUses")
            .WithSummary("The dataset's approved-uses register (public): approved requests with organisation, purpose, summary and period.");
        return routes;
    }

    public static async Task<Results<Ok<Page<CatalogueEntry>>, ProblemHttpResult>> List(
        string? q, string? sector, string? modality, string? tier, string? page, string? pageSize, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (q is { Length: > CatalogueRules.MaxQueryLength })
        {
            errors.Add("q", $"must be at most {CatalogueRules.MaxQueryLength} characters.");
        }

        var query = new CatalogueQuery(
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            QueryValues.Enum<Sector>(errors, "sector", sector),
            QueryValues.Enum<Modality>(errors, "modality", modality),
            QueryValues.Enum<ReleaseTier>(errors, "tier", tier),
            0, 0);
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await Catalogue(grains).List(query with { Page = validPage, PageSize = validSize }));
    }

    public static async Task<Results<Ok<CatalogueEntry>, ProblemHttpResult>> Get(string institutionId, string datasetId, IGrainFactory grains) =>
        await Entry(institutionId, datasetId, grains) switch
        {
            (_, { } problem) => problem,
            (var entry, _) => TypedResults.Ok(entry!),
        };

    public static async Task<Results<Ok<IReadOnlyList<ApprovedUse>>, ProblemHttpResult>> Uses(string institutionId, string datasetId, IGrainFactory grains) =>
        await Entry(institutionId, datasetId, grains) switch
        {
            (_, { } problem) => problem,
            (var entry, _) => TypedResults.Ok(entry!.ApprovedUses),
        };

    public static async Task<IResult> Dcat(HttpContext context, IGrainFactory grains, IOptions<CatalogOptions> options)
    {
        if (SelectionCatalogApi.Negotiate(context.Request, SelectionCatalogApi.JsonLd, SelectionCatalogApi.Turtle) is not { } mediaType)
        {
            return Problems.Status(StatusCodes.Status406NotAcceptable, "Not acceptable",
                $"The catalogue is served as {SelectionCatalogApi.JsonLd} or {SelectionCatalogApi.Turtle}.");
        }

        var entries = await Catalogue(grains).All();
        var publishers = await Task.WhenAll(entries.Select(e => e.InstitutionId).Distinct(StringComparer.Ordinal).Select(async id =>
            (Id: id, Institution: await grains.GetGrain<IInstitutionGrain>(id).Get())));
        var byId = publishers.Where(p => p.Institution is not null).ToDictionary(
            p => p.Id, p => new CatalogPublisher(p.Institution!.Name, p.Institution.NameEn, p.Institution.Sector, p.Institution.ContactEmail), StringComparer.Ordinal);
        var graph = DcatReleaseCatalog.Build(entries, byId, options.Value);
        context.Response.Headers.Vary = HeaderNames.Accept;
        return mediaType == SelectionCatalogApi.Turtle
            ? TypedResults.Text(TurtleWriter.Write(graph), SelectionCatalogApi.Turtle, Encoding.UTF8)
            : TypedResults.Text(JsonLdWriter.Write(graph), SelectionCatalogApi.JsonLd, Encoding.UTF8);
    }

    private static async Task<(CatalogueEntry? Entry, ProblemHttpResult? Problem)> Entry(string institutionId, string datasetId, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "institutionId", institutionId);
        Rules.Id(errors, "datasetId", datasetId);
        if (!errors.IsValid)
        {
            return (null, Problems.Validation(errors));
        }

        return await Catalogue(grains).Get(CatalogueKeys.Dataset(institutionId, datasetId)) is { } entry
            ? (entry, null)
            : (null, Problems.NotFound($"'{institutionId}/{datasetId}' is not a released dataset of the catalogue."));
    }

    private static ICatalogueGrain Catalogue(IGrainFactory grains) => grains.GetGrain<ICatalogueGrain>(CatalogueKeys.Instance);
}
