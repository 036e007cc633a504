using Census.ApiGateway.Auth;
using Census.ApiGateway.Http;
using Census.ApiGateway.Releases;
using Census.Domain.Releases;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Net.Http.Headers;

namespace Census.ApiGateway.Apis;

/// <summary>
/// Resumable uploads into the release store (provision.md §1 "Release"): declare the SHA-256 and size, send the bytes in
/// chunks with Content-Range, resume from <c>received</c> after a break. Any key may upload: an upload is a random id
/// holding bytes that mean nothing until a release's manifest names their hash, and naming one is checked there. The
/// routes keep their own idempotency: a chunk carries its offset and the content its hash, so a repeat is harmless.
/// </summary>
public static class UploadsApi
{
    /// <summary>The most one chunk may carry.</summary>
    public const long MaxChunkBytes = 64L * 1024 * 1024;

    private const string OctetStream = "application/octet-stream";

    private static readonly RequestTimeoutPolicy ChunkDeadline = new()
    {
        Timeout = TimeSpan.FromMinutes(10),
        TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        WriteTimeoutResponse = async context =>
            await ClusterUnavailableHandler.WriteAsync(context.RequestServices.GetRequiredService<IProblemDetailsService>(), context),
    };

    public static IEndpointRouteBuilder MapUploadsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/uploads")
            .WithTags("Releases")
            .RequireAuthorization(CensusRoles.UploadPolicy)
            .WithOwnIdempotency();

        api.MapPost("/", Begin)
            .Accepts<NewUpload>("application/json")
            .Produces<Upload>(StatusCodes.Status200OK)
            .WithName("BeginUpload")
            .WithSummary("Begin an upload of a file (or a part) by its SHA-256 and size; 201 with the upload, or 200 and complete when the store already has it. 422 when a stored blob of that hash has another size.");
        api.MapPut("/{uploadId}", Append)
            .Accepts<Stream>(OctetStream)
            .WithRequestTimeout(ChunkDeadline)
            .WithName("SendUploadChunk")
            .WithSummary("Send the next chunk (Content-Range: bytes a-b/total, up to 64 MiB): 409 with received when a is not where the upload stands; with the last byte the content is hashed, 422 and discarded when it is not the declared SHA-256.");
        api.MapGet("/{uploadId}", Get)
            .WithName("GetUpload")
            .WithSummary("An upload: how many bytes have arrived (resume from there) and whether it is complete.");
        return routes;
    }

    public static async Task<Results<Created<Upload>, Ok<Upload>, ProblemHttpResult>> Begin(HttpContext context, UploadSessions uploads, ContentStore store)
    {
        var body = await JsonBody.ReadAsync<NewUpload>(context);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (body.Value is not { } request)
        {
            return Problems.Validation(errors.Add("$", "A body is required."));
        }

        ContentHashes.Sha256(errors, "sha256", request.Sha256);
        ContentHashes.Size(errors, "bytes", request.Bytes);
        if (!errors.IsValid)
        {
            return Problems.Validation(errors);
        }

        var (sha256, bytes) = (request.Sha256!, request.Bytes!.Value);
        if (store.Length(sha256) is { } stored && stored != bytes)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "Size does not match",
                $"The store has content of this SHA-256 with {stored} bytes, not {bytes}.");
        }

        var upload = await uploads.BeginAsync(sha256, bytes, context.RequestAborted);
        return upload.Complete ? TypedResults.Ok(upload) : TypedResults.Created($"/api/v1/uploads/{upload.Id}", upload);
    }

    public static async Task<Results<Ok<Upload>, ProblemHttpResult>> Get(string uploadId, HttpContext context, UploadSessions uploads)
    {
        if (InvalidId(uploadId) is { } invalid)
        {
            return invalid;
        }

        return await uploads.GetAsync(uploadId, context.RequestAborted) is { } upload ? TypedResults.Ok(upload) : NoSuchUpload(uploadId);
    }

    public static async Task<Results<Ok<Upload>, ProblemHttpResult>> Append(string uploadId, HttpContext context, UploadSessions uploads)
    {
        if (InvalidId(uploadId) is { } invalid)
        {
            return invalid;
        }

        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !mediaType.MediaType.Equals(OctetStream, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send a chunk as {OctetStream}.");
        }

        var range = Range(request, out var rangeError);
        if (range is not { } chunk)
        {
            return Problems.Validation(ValidationErrors.For("Content-Range", rangeError!));
        }

        var length = chunk.To - chunk.From + 1;
        if (length > MaxChunkBytes || request.ContentLength > MaxChunkBytes)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"A chunk may be up to {MaxChunkBytes / (1024 * 1024)} MiB.");
        }

        if (await uploads.GetAsync(uploadId, context.RequestAborted) is not { } upload)
        {
            return NoSuchUpload(uploadId);
        }

        if (chunk.Total != upload.Bytes)
        {
            return Problems.Validation(ValidationErrors.For("Content-Range", $"the total must be the upload's {upload.Bytes} bytes."));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxChunkBytes;
        }

        try
        {
            var (outcome, now) = await uploads.AppendAsync(uploadId, chunk.From, length, request.Body, context.RequestAborted);
            return outcome switch
            {
                UploadOutcome.Appended => TypedResults.Ok(now!),
                UploadOutcome.NotFound => NoSuchUpload(uploadId),
                UploadOutcome.WrongOffset => Resume(now!),
                UploadOutcome.WrongLength => Problems.Validation(ValidationErrors.For("Content-Range", $"the body must carry exactly the {length} bytes the range names.")),
                _ => Problems.Status(StatusCodes.Status422UnprocessableEntity, "Content does not match its SHA-256",
                    $"The {upload.Bytes} bytes sent do not hash to {upload.Sha256}; they were discarded: send the content again from byte 0."),
            };
        }
        catch (BadHttpRequestException e)
        {
            // A body over the limit or cut short: nothing of it was kept (the partial file was cut back).
            return Problems.Status(e.StatusCode, "Bad request body", "The chunk could not be read: " + e.Message);
        }
    }

    /// <summary>Content-Range <c>bytes a-b/total</c>, the only form a chunk may take.</summary>
    private static (long From, long To, long Total)? Range(HttpRequest request, out string? error)
    {
        error = "must be bytes a-b/total, with a ≤ b < total.";
        if (!ContentRangeHeaderValue.TryParse(request.Headers.ContentRange.ToString(), out var range) ||
            !range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase) || range.From is not { } from || range.To is not { } to || range.Length is not { } total ||
            to >= total)
        {
            return null;
        }

        error = null;
        return (from, to, total);
    }

    private static ProblemHttpResult Resume(Upload upload)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Detail = upload.Complete
                ? "The upload is complete: there is nothing more to send."
                : $"The upload stands at byte {upload.Received} (or another chunk is being written): send the chunk that starts there.",
        };
        problem.Extensions["received"] = upload.Received;
        problem.Extensions["complete"] = upload.Complete;
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult? InvalidId(string uploadId) =>
        UploadSessions.IsId(uploadId) ? null : Problems.Validation(ValidationErrors.For("uploadId", "must be 32 lower-case hex digits."));

    private static ProblemHttpResult NoSuchUpload(string uploadId) => Problems.NotFound($"No upload with id '{uploadId}'.");
}
