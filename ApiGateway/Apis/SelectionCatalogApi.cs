using System.Text;
using Census.ApiGateway.Http;
using Census.Contracts.Rankings;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Exchange.Catalog;
using Census.Exchange.Catalog.Rdf;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Census.ApiGateway.Apis;

/// <summary>
/// The finalized selection for everyone (api.md "Bulk intake and exchange"): a DCAT-AP 3.0.1 catalogue and
/// Croissant 1.0 metadata per selected dataset. Public: no key. Before a round is finalized it has no
/// selection to publish, so the answer is 404, as for <c>GET …/selection</c> (a draft round's existence is
/// no business of an anonymous caller).
/// </summary>
public static class SelectionCatalogApi
{
    public const string JsonLd = "application/ld+json";
    public const string Turtle = "text/turtle";

    /// <summary>Binds and checks <see cref="CatalogOptions"/> (<c>Census:Catalog</c>) at start-up.</summary>
    public static IServiceCollection AddSelectionCatalog(this IServiceCollection services)
    {
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidBaseUrl(), $"{CatalogOptions.Section}:BaseUrl must be an absolute http(s) URL without query or fragment.")
            .ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapSelectionCatalogApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/rounds/{id}/selection").WithTags("Selection catalogue").AllowAnonymous();
        api.MapGet("/catalog", Catalog)
            .Produces(StatusCodes.Status200OK, contentType: JsonLd, additionalContentTypes: [Turtle])
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .WithName("GetSelectionCatalog")
            .WithSummary("The finalized selection as a DCAT-AP 3.0.1 catalogue with DQV scores (public); Accept: application/ld+json (default) or text/turtle.");
        api.MapGet("/{institutionId}/{datasetId}/croissant", Croissant)
            .Produces(StatusCodes.Status200OK, contentType: JsonLd)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .WithName("GetSelectedDatasetCroissant")
            .WithSummary("Croissant 1.0 metadata with Responsible-AI fields of a selected dataset (public); 404 when it is not in the selection.");
        return routes;
    }

    public static async Task<IResult> Catalog(string id, HttpContext context, IGrainFactory grains, IOptions<CatalogOptions> options)
    {
        if (Problems.InvalidId("id", id) is { } invalid)
        {
            return invalid;
        }

        if (Negotiate(context.Request, JsonLd, Turtle) is not { } mediaType)
        {
            return NotAcceptable($"The catalogue is served as {JsonLd} or {Turtle}.");
        }

        if (await FinalizedSelection(grains, id) is not { } finalized)
        {
            return NoSelection(id);
        }

        var publishers = await Publishers(grains, finalized.Selection.Select(s => s.InstitutionId));
        var datasets = await Task.WhenAll(finalized.Selection.Select(s => Dataset(grains, id, s, publishers[s.InstitutionId])));
        var graph = DcatCatalog.Build(SelectionOf(finalized, datasets), options.Value);
        context.Response.Headers.Vary = HeaderNames.Accept;
        return mediaType == Turtle
            ? TypedResults.Text(TurtleWriter.Write(graph), Turtle, Encoding.UTF8)
            : TypedResults.Text(JsonLdWriter.Write(graph), JsonLd, Encoding.UTF8);
    }

    public static async Task<IResult> Croissant(
        string id, string institutionId, string datasetId, HttpContext context, IGrainFactory grains, IOptions<CatalogOptions> options)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "id", id);
        Rules.Id(errors, "institutionId", institutionId);
        Rules.Id(errors, "datasetId", datasetId);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        if (Negotiate(context.Request, JsonLd, "application/json") is null)
        {
            return NotAcceptable($"Croissant metadata is served as {JsonLd}.");
        }

        if (await FinalizedSelection(grains, id) is not { } finalized)
        {
            return NoSelection(id);
        }

        if (finalized.Selection.FirstOrDefault(s => s.InstitutionId == institutionId && s.DatasetId == datasetId) is not { } selected)
        {
            return Problems.NotFound($"'{institutionId}/{datasetId}' is not in the finalized selection of round '{id}'.");
        }

        var publishers = await Publishers(grains, [selected.InstitutionId]);
        var dataset = await Dataset(grains, id, selected, publishers[selected.InstitutionId]);
        return TypedResults.Text(CroissantDocument.Write(SelectionOf(finalized, [dataset]), dataset, options.Value), JsonLd, Encoding.UTF8);
    }

    /// <summary>
    /// The media type to answer with: the acceptable one the client ranks highest (RFC 9110 quality values;
    /// <c>*/*</c> and <c>type/*</c> match, q=0 refuses), the first of <paramref name="offered"/> when there is
    /// no Accept header; null when nothing offered is acceptable.
    /// </summary>
    public static string? Negotiate(HttpRequest request, params string[] offered)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return offered[0];
        }

        return offered
            .Select((type, order) => (Type: type, Order: order, Quality: accept
                .Where(a => new MediaTypeHeaderValue(type).IsSubsetOf(a))
                .Select(a => a.Quality ?? 1.0)
                .DefaultIfEmpty(0.0)
                .Max()))
            .Where(o => o.Quality > 0)
            .OrderByDescending(o => o.Quality).ThenBy(o => o.Order)
            .Select(o => o.Type)
            .FirstOrDefault();
    }

    /// <summary>A finalized round, its selection and the rubric version the selection was ranked with.</summary>
    private sealed record Finalized(Round Round, IReadOnlyList<SelectedRecord> Selection, int RubricVersion);

    private static async Task<Finalized?> FinalizedSelection(IGrainFactory grains, string id)
    {
        var grain = grains.GetGrain<ICensusRoundGrain>(id);
        if (await grain.Get() is not { State: RoundState.Finalized, FinalRunId: { } runId } round ||
            await grain.Selection() is not { } selection)
        {
            return null;
        }

        var run = await grains.GetGrain<IRankingRunGrain>($"{id}/{runId}").Get();
        return new Finalized(round, selection, run?.RubricVersion ?? round.Rubric.Version);
    }

    /// <summary>The publishers of the selected records: one read per institution, however many records it has.</summary>
    private static async Task<Dictionary<string, CatalogPublisher>> Publishers(IGrainFactory grains, IEnumerable<string> institutionIds)
    {
        var ids = institutionIds.Distinct(StringComparer.Ordinal).ToList();
        var publishers = await Task.WhenAll(ids.Select(async institutionId =>
            await grains.GetGrain<IInstitutionGrain>(institutionId).Get() is { } profile
                ? new CatalogPublisher(profile.Name, profile.NameEn, profile.Sector, profile.ContactEmail)
                : throw new InvalidOperationException($"The institution {institutionId} of a selected record is not registered.")));
        return ids.Zip(publishers).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    /// <summary>
    /// One selected record as stored at the close: one grain call, so a catalogue costs one per selected dataset
    /// (at most the quota, 100 by default) plus one per institution, never a call per dataset of the round.
    /// </summary>
    private static async Task<CatalogDataset> Dataset(IGrainFactory grains, string roundId, SelectedRecord selected, CatalogPublisher publisher)
    {
        var response = (await grains.GetGrain<IDatasetGrain>($"{selected.InstitutionId}/{selected.DatasetId}").Get(roundId)).Response
            ?? throw new InvalidOperationException($"The selected record {selected.InstitutionId}/{selected.DatasetId} of round {roundId} has no stored revision.");
        return new CatalogDataset(
            selected.Rank, selected.InstitutionId, selected.DatasetId, publisher,
            response.Record, response.Revision, response.UpdatedAt,
            selected.Now, selected.Post, response.Score.Breakdown);
    }

    private static SelectionCatalog SelectionOf(Finalized finalized, IReadOnlyList<CatalogDataset> datasets) =>
        new(finalized.Round.Id, finalized.Round.Title, finalized.Round.FinalizedAt ?? finalized.Round.CreatedAt, finalized.RubricVersion, datasets);

    private static ProblemHttpResult NoSelection(string id) => Problems.NotFound($"Round '{id}' has no finalized selection.");

    private static ProblemHttpResult NotAcceptable(string detail) =>
        Problems.Status(StatusCodes.Status406NotAcceptable, "Not acceptable", detail);
}
