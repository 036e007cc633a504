using System.Security.Cryptography;
using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.ApiGateway.Releases;
using Census.Contracts.Provision;
using Census.Contracts.Releases;
using Census.Domain.Releases;
using Microsoft.Net.Http.Headers;

namespace Census.ApiGateway.Apis;

/// <summary>
/// A provided dataset's releases (provision.md §1 "Release"): a draft opened when its processing case's gate is open,
/// files named by the hashes of uploaded blobs, publication after which nothing changes, and downloads with HTTP Range.
/// Admins and the agency of the providing institution may do all of it; until grants exist (issue 14) nobody else
/// may download. A draft's files download too, for those same callers, so they can check what they are about to publish.
/// </summary>
public static class ReleasesApi
{
    private const string Base = "/api/v1/institutions/{institutionId}/datasets/{datasetId}/releases";

    public static IEndpointRouteBuilder MapReleasesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Base)
            .WithTags("Releases")
            .RequireAuthorization(CensusRoles.MemberPolicy);

        api.MapPost("/", Create)
            .Accepts<NewRelease>("application/json")
            .WithName("CreateRelease")
            .WithSummary("Open the next version (1.0, 1.1, …) as a draft at the tier the dataset's processing case decided in that round; 409 when the case's gate is closed or another draft is open.");
        api.MapGet("/", List)
            .WithName("ListReleases")
            .WithSummary("The dataset's release versions with their manifests, newest first.");
        api.MapGet("/{version}", Get)
            .WithName("GetRelease")
            .WithSummary("A release version with its manifest; ETag is its revision.");
        api.MapGet("/{version}/manifest", Manifest)
            .WithName("GetReleaseManifest")
            .WithSummary("The manifest alone: every file's path, bytes and SHA-256, and its parts in order, to verify a download against.");
        // A file in parts is hashed whole before its entry is written, and a download lasts as long as its file: both
        // take as long as their bytes do, not a request deadline. A client that leaves cancels them; Range resumes.
        api.MapPut("/{version}/files/{**path}", PutFile)
            .Accepts<ReleaseFileEntry>("application/json")
            .WithName("PutReleaseFile")
            .WithSummary("Add or replace a file of a draft, named by uploaded blobs: one blob of the file's hash, or its parts in order, which are hashed together here; 422 when a blob is missing or does not match. 409 once published.")
            .DisableRequestTimeout();
        api.MapDelete("/{version}/files/{**path}", DeleteFile)
            .WithName("DeleteReleaseFile")
            .WithSummary("Remove a file of a draft (If-Match honoured); 409 once published.");
        api.MapPost("/{version}/publish", Publish)
            .WithName("PublishRelease")
            .WithSummary("Publish a draft with at least one file (If-Match honoured); from then on it never changes: a correction is a new version.");
        api.MapGet("/{version}/files/{**path}", Download)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable)
            .WithName("DownloadReleaseFile")
            .WithSummary("A file's bytes (its parts one after another). Range: bytes=a-b → 206; If-Range; an unsatisfiable range → 416. ETag is the file's SHA-256.")
            .DisableRequestTimeout();
        return routes;
    }

    public static async Task<Results<Created<Release>, ProblemHttpResult>> Create(
        string institutionId, string datasetId, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, institutionId, datasetId, version: null) is { } refused)
        {
            return refused;
        }

        var body = await JsonBody.ReadAsync<NewRelease>(context);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var validated = ReleaseRules.Validate(body.Value);
        if (!validated.IsValid)
        {
            return Problems.Validation(validated.Errors!);
        }

        var request = validated.Value!;
        var roundId = request.RoundId!;
        var gate = await grains.GetGrain<IProcessingCaseGrain>($"{roundId}/{institutionId}/{datasetId}").ReleaseGate();
        if (!gate.Open || gate.Tier is not { } tier)
        {
            return Problems.Conflict(gate.Detail ?? $"Dataset '{datasetId}' may not be released from round '{roundId}' yet.");
        }

        var result = await Releases(grains, institutionId, datasetId).CreateDraft(new ReleaseDraft(roundId, tier, request.Notes) { License = gate.License }, context.User.Actor());
        if (result.Outcome != ReleaseOutcome.Created)
        {
            return Refusal(result);
        }

        context.Response.Headers.ETag = Preconditions.ETag(result.Release!.Revision);
        return TypedResults.Created(Location(result.Release), result.Release);
    }

    public static async Task<Results<Ok<Page<Release>>, ProblemHttpResult>> List(
        string institutionId, string datasetId, string? page, string? pageSize, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, institutionId, datasetId, version: null) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var (validPage, validSize) = Paging.Validate(errors, QueryValues.WholeNumber(errors, "page", page), QueryValues.WholeNumber(errors, "pageSize", pageSize));
        return errors.IsValid
            ? TypedResults.Ok(await Releases(grains, institutionId, datasetId).List(validPage, validSize))
            : Problems.Validation(errors);
    }

    public static async Task<Results<Ok<Release>, ProblemHttpResult>> Get(
        string institutionId, string datasetId, string version, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, institutionId, datasetId, version) is { } refused)
        {
            return refused;
        }

        if (await Releases(grains, institutionId, datasetId).Get(version) is not { } release)
        {
            return NoSuchVersion(version);
        }

        context.Response.Headers.ETag = Preconditions.ETag(release.Revision);
        return TypedResults.Ok(release);
    }

    public static async Task<Results<Ok<ReleaseManifest>, ProblemHttpResult>> Manifest(
        string institutionId, string datasetId, string version, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, institutionId, datasetId, version) is { } refused)
        {
            return refused;
        }

        return await Releases(grains, institutionId, datasetId).Get(version) is { } release
            ? TypedResults.Ok(ReleaseManifest.Of(release))
            : NoSuchVersion(version);
    }

    public static async Task<Results<Ok<Release>, ProblemHttpResult>> PutFile(
        string institutionId, string datasetId, string version, string path, HttpContext context, IGrainFactory grains, ContentStore store)
    {
        if (Check(context, institutionId, datasetId, version) is { } refused)
        {
            return refused;
        }

        var body = await JsonBody.ReadAsync<ReleaseFileEntry>(context);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var ifMatch = Preconditions.IfMatch(context.Request, errors);
        var validated = ReleaseRules.Validate(path, body.Value);
        if (!errors.IsValid || !validated.IsValid)
        {
            return Problems.Validation(errors.IsValid ? validated.Errors! : errors);
        }

        // Refused before any blob is read: a published release answers 409 at once, however large its files.
        var releases = Releases(grains, institutionId, datasetId);
        if (await releases.Get(version) is not { } release)
        {
            return NoSuchVersion(version);
        }

        if (ReleaseRules.Unchangeable(release.State) is { } why)
        {
            return Problems.Conflict(why);
        }

        var file = validated.Value!;
        if (await Unmatched(store, file, context.RequestAborted) is { } mismatch)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "The store does not hold this file", mismatch);
        }

        return Answer(context, await releases.PutFile(version, file, ifMatch, context.User.Actor()));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteFile(
        string institutionId, string datasetId, string version, string path, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, institutionId, datasetId, version) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var ifMatch = Preconditions.IfMatch(context.Request, errors);
        if (ReleasePaths.Problem(path) is { } pathProblem)
        {
            errors.Add("path", pathProblem);
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var result = await Releases(grains, institutionId, datasetId).RemoveFile(version, path, ifMatch, context.User.Actor());
        return result.Outcome == ReleaseOutcome.Ok ? TypedResults.NoContent() : Refusal(result);
    }

    public static async Task<Results<Ok<Release>, ProblemHttpResult>> Publish(
        string institutionId, string datasetId, string version, HttpContext context, IGrainFactory grains)
    {
        if (Check(context, institutionId, datasetId, version) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var ifMatch = Preconditions.IfMatch(context.Request, errors);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return Answer(context, await Releases(grains, institutionId, datasetId).Publish(version, ifMatch, context.User.Actor()));
    }

    public static async Task<IResult> Download(
        string institutionId, string datasetId, string version, string path, HttpContext context, IGrainFactory grains, ContentStore store)
    {
        if (Check(context, institutionId, datasetId, version) is { } refused)
        {
            return refused;
        }

        if (ReleasePaths.Problem(path) is { } pathProblem)
        {
            return Problems.Validation(ValidationErrors.For("path", pathProblem));
        }

        if (await Releases(grains, institutionId, datasetId).Get(version) is not { } release)
        {
            return NoSuchVersion(version);
        }

        return Serve(release, path, context, store, served: null);
    }

    /// <summary>
    /// Answers a release file (Range, If-Range, 416, 410 when a part is gone). <paramref name="served"/> is told the
    /// stream once the answer starts, so a caller can count what the response read from it.
    /// </summary>
    public static IResult Serve(Release release, string path, HttpContext context, ContentStore store, Action<ReleaseFile, ConcatenatedStream>? served)
    {
        var version = release.Version;
        if (release.Files.FirstOrDefault(f => f.Path == path) is not { } file)
        {
            return Problems.NotFound($"Version {version} has no file '{path}'.");
        }

        if (file.Parts.FirstOrDefault(p => store.Length(p.Sha256) != p.Bytes) is { } lost)
        {
            // The manifest names a blob the store no longer holds: an operator's matter, said plainly rather than sent short.
            return Problems.Status(StatusCodes.Status410Gone, "Gone", $"Part {lost.Index} of '{path}' is no longer in the store.");
        }

        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        if (Unsatisfiable(context.Request, file.Bytes, etag))
        {
            context.Response.Headers.ContentRange = $"bytes */{file.Bytes}";
            return Problems.Status(StatusCodes.Status416RangeNotSatisfiable, "Range not satisfiable", $"'{path}' has {file.Bytes} bytes.");
        }

        var content = new ConcatenatedStream([.. file.Parts.Select(p => (p.Bytes, (Func<Stream>)(() => store.OpenRead(p.Sha256))))]);
        served?.Invoke(file, content);
        return TypedResults.Stream(content, "application/octet-stream", path[(path.LastIndexOf('/') + 1)..],
            release.PublishedAt ?? release.CreatedAt, etag, enableRangeProcessing: true);
    }

    /// <summary>
    /// Whether a Range header the framework would honour asks only for bytes past the end: answered here as a problem
    /// (the framework's own 416 has no body). A Range the framework ignores (malformed, several ranges, a stale If-Range)
    /// gets the whole file, as RFC 9110 allows.
    /// </summary>
    internal static bool Unsatisfiable(HttpRequest request, long length, EntityTagHeaderValue etag)
    {
        var headers = request.GetTypedHeaders();
        if (headers.Range is not { Ranges.Count: 1 } range || !range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (headers.IfRange is { } ifRange && (ifRange.EntityTag is not { } tag || !tag.Compare(etag, useStrongComparison: true)))
        {
            return false;
        }

        var only = range.Ranges.First();
        return only.From is { } from ? from >= length : only.To is 0;
    }

    /// <summary>Why the store does not hold <paramref name="file"/> as described, or null when it does.</summary>
    private static async Task<string?> Unmatched(ContentStore store, ReleaseFile file, CancellationToken cancellationToken)
    {
        foreach (var part in file.Parts)
        {
            var stored = store.Length(part.Sha256);
            if (stored is null)
            {
                return $"No uploaded content has SHA-256 {part.Sha256}: upload it first (POST /api/v1/uploads).";
            }

            if (stored != part.Bytes)
            {
                return $"The content of SHA-256 {part.Sha256} has {stored} bytes, not {part.Bytes}.";
            }
        }

        if (file.Parts.Count == 1)
        {
            // One part is the file itself: its blob's name is its hash, checked when it was stored.
            return file.Parts[0].Sha256 == file.Sha256 ? null : $"A file stored whole is the blob of its own SHA-256, not {file.Parts[0].Sha256}.";
        }

        await using var whole = new ConcatenatedStream([.. file.Parts.Select(p => (p.Bytes, (Func<Stream>)(() => store.OpenRead(p.Sha256))))]);
        var hash = await ContentStore.HashAsync(whole, cancellationToken);
        return hash == file.Sha256 ? null : $"The parts, one after another, hash to {hash}, not {file.Sha256}.";
    }

    private static Results<Ok<Release>, ProblemHttpResult> Answer(HttpContext context, ReleaseResult result)
    {
        if (result.Outcome != ReleaseOutcome.Ok)
        {
            return Refusal(result);
        }

        context.Response.Headers.ETag = Preconditions.ETag(result.Release!.Revision);
        return TypedResults.Ok(result.Release);
    }

    /// <summary>The one mapping of a refused release write to its problem.</summary>
    private static ProblemHttpResult Refusal(ReleaseResult result) => result.Outcome switch
    {
        ReleaseOutcome.NotFound => Problems.NotFound(result.Detail ?? "No such release."),
        ReleaseOutcome.Stale => Problems.Status(StatusCodes.Status412PreconditionFailed, "Precondition failed", result.Detail ?? "Stale If-Match."),
        _ => Problems.Conflict(result.Detail ?? "The release's state does not allow this."),
    };

    private static ProblemHttpResult? Check(HttpContext context, string institutionId, string datasetId, string? version)
    {
        var errors = new ValidationErrors();
        Rules.Id(errors, "institutionId", institutionId);
        Rules.Id(errors, "datasetId", datasetId);
        if (version is not null && !ReleaseVersions.IsValid(version))
        {
            errors.Add("version", "must be a release version such as 1.0 or 1.2.");
        }

        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        return context.User.CanActFor(institutionId)
            ? null
            : Problems.Forbidden("Only an admin or the providing institution's agency may use its releases.");
    }

    private static IReleaseGrain Releases(IGrainFactory grains, string institutionId, string datasetId) =>
        grains.GetGrain<IReleaseGrain>($"{institutionId}/{datasetId}");

    private static string Location(Release release) =>
        $"/api/v1/institutions/{release.InstitutionId}/datasets/{release.DatasetId}/releases/{release.Version}";

    private static ProblemHttpResult NoSuchVersion(string version) => Problems.NotFound($"No release version '{version}'.");
}
