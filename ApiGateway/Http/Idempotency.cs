using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Census.ApiGateway.Auth;
using Census.Contracts.Idempotency;
using Microsoft.AspNetCore.Mvc;

namespace Census.ApiGateway.Http;

/// <summary>
/// <c>Idempotency-Key</c> on every POST and PUT under <c>/api/v1</c> (api.md "Conventions"), through any gateway: the
/// first request with a key runs and its reply (status, body, Location, ETag) is kept for 24 hours in an
/// <see cref="IIdempotencyGrain"/>, sealed (<see cref="SealedReplies"/>); the same key with the same request replays
/// that reply and changes nothing; with another request → 422; while the first still runs → 409 with Retry-After.
/// Keys are per caller: admins share one scope, an agency has its institution's. Runs after authorization, so a
/// refused caller never reaches the store. Only a success is kept: a request answered 4xx changed nothing, so its
/// claim is released and leaves nothing stored, and a retry with the key simply runs again. A request that failed
/// (an exception, a 5xx) may have done its work: its claim is kept until its lease runs out, and a retry meanwhile
/// is answered 409 as in flight. Routes marked
/// <see cref="OwnIdempotency"/> keep their own replies and are passed through; a method the route does not
/// have is routing's 405, untouched.
/// </summary>
internal static class Idempotency
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Marks a route whose handler honours Idempotency-Key itself.</summary>
    public static TBuilder WithOwnIdempotency<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OwnIdempotency.Instance);

    public static IApplicationBuilder UseCensusIdempotency(this IApplicationBuilder app) => app.Use(HandleAsync);

    private static async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) ||
            !request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase) ||
            context.GetEndpoint() is not { } endpoint ||
            endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase) != true ||
            endpoint.Metadata.GetMetadata<OwnIdempotency>() is not null ||
            !request.Headers.ContainsKey(Preconditions.IdempotencyKeyHeader) ||
            Scope(context.User) is not { } scope)
        {
            await next(context);
            return;
        }

        var errors = new ValidationErrors();
        var key = request.Headers[Preconditions.IdempotencyKeyHeader].Count == 1 ? Preconditions.IdempotencyKey(request, errors) : null;
        if (key is null)
        {
            if (errors.IsValid)
            {
                errors.Add(Preconditions.IdempotencyKeyHeader, "must be sent once.");
            }

            await Problems.Validation(errors).ExecuteAsync(context);
            return;
        }

        if (await RequestHashAsync(context) is not { } requestHash)
        {
            // The body could not be read (too large, cut short): the route answers that, and changes nothing.
            await next(context);
            return;
        }

        var store = context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IIdempotencyGrain>(SealedReplies.StoreKey(scope, key));
        var claim = await store.Claim(requestHash, Lease(context));
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay when claim.SealedReply is not null &&
                                                SealedReplies.Open(claim.SealedReply, scope, key, requestHash) is { } reply:
                await ReplayAsync(context, reply);
                return;
            case IdempotencyOutcome.InFlight:
                var retryAfter = Math.Max(1, (int)Math.Ceiling(claim.RetryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.Conflict(
                    $"A request with this Idempotency-Key is still being processed. Retry after {retryAfter} s to get its answer.").ExecuteAsync(context);
                return;
            case IdempotencyOutcome.Proceed:
                await RunAndKeepAsync(context, next, store, claim.ClaimId, scope, key, requestHash);
                return;
            default:
                await Problems.Status(
                    StatusCodes.Status422UnprocessableEntity,
                    "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request (method, path or body). Use a new key for a new request.")
                    .ExecuteAsync(context);
                return;
        }
    }

    private static async Task RunAndKeepAsync(
        HttpContext context, RequestDelegate next, IIdempotencyGrain store, Guid claimId, string scope, string key, string requestHash)
    {
        var response = context.Response;
        var original = response.Body;
        using var captured = new MemoryStream();
        response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            // The outcome is unknown (a timeout, a lost silo): the work may have happened. The claim is kept
            // until its lease runs out, so a prompt retry is a 409 rather than a second execution.
            response.Body = original;
            throw;
        }

        response.Body = original;
        var body = captured.ToArray();
        if (response.StatusCode < 400)
        {
            var headers = StoredReply.KeptHeaders
                .Where(h => response.Headers.ContainsKey(h))
                .ToDictionary(h => h, h => response.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
            try
            {
                await store.Complete(claimId, SealedReplies.Seal(new StoredReply(response.StatusCode, headers, body), scope, key, requestHash));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The request is done; only its replay is lost. The claim runs out with its lease and a retry runs again.
                Logger(context).LogWarning(e, "The reply to an Idempotency-Key request could not be stored");
            }
        }
        else if (response.StatusCode < 500)
        {
            // A refusal changed nothing (api.md): the key is free again, and a corrected retry runs.
            await ReleaseQuietlyAsync(context, store, claimId);
        }

        await original.WriteAsync(body, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, StoredReply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = reply.Body.Length;
        await response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }

    private static async Task ReleaseQuietlyAsync(HttpContext context, IIdempotencyGrain store, Guid claimId)
    {
        try
        {
            await store.Release(claimId);
        }
        catch (Exception e)
        {
            // The claim then runs out with its lease; until then a retry is told the request is in flight.
            Logger(context).LogWarning(e, "An Idempotency-Key claim could not be released");
        }
    }

    /// <summary>Who the key belongs to: all admins share one scope; an agency has its institution's.</summary>
    private static string? Scope(ClaimsPrincipal user) =>
        user.IsAdmin() ? "admin"
        : user.FindFirstValue(CensusRoles.InstitutionClaim) is { } institution ? "agency:" + institution
        : user.FindFirstValue(CensusRoles.PrincipalClaim) is { } principal ? "principal:" + principal
        : null;

    /// <summary>SHA-256 of method, path, query, content type and body: what "the same request" means.</summary>
    internal static string HashOf(string method, string path, string query, string? contentType, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{query}\n{contentType}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The request's <see cref="HashOf"/>, leaving the body to be read again; null when it cannot be read.</summary>
    private static async Task<string?> RequestHashAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            return null;
        }

        request.EnableBuffering();
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                if (body.Length + n > RequestLimits.MaxBodyBytes)
                {
                    return null;
                }

                body.Write(buffer, 0, n);
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }

        return HashOf(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", request.ContentType, body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    /// <summary>How long a claim holds the key: past the request's own deadline, so a running request keeps it.</summary>
    private static TimeSpan Lease(HttpContext context) =>
        context.RequestServices.GetRequiredService<IConfiguration>().GetValue(RequestTimeouts.Setting, TimeSpan.FromSeconds(30)) + TimeSpan.FromSeconds(30);

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Census.Idempotency");
}
