using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Census.ApiGateway.Http;

/// <summary>The write guards of api.md: <c>If-Match</c> revisions, <c>Idempotency-Key</c>s and body fingerprints.</summary>
public static class Preconditions
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 100;

    /// <summary>If-Match <c>*</c>: any current revision (the record must exist).</summary>
    public const int AnyRevision = 0;

    /// <summary>A weak tag (<c>W/"3"</c>): If-Match compares strongly, so it never matches (RFC 9110).</summary>
    public const int NeverMatches = -1;

    /// <summary>Parses <c>If-Match: "3"</c> (quotes optional), <c>*</c> and weak tags; adds an error for anything else.</summary>
    public static int? IfMatch(HttpRequest request, ValidationErrors errors)
    {
        string? value = request.Headers.IfMatch;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed == "*")
        {
            return AnyRevision;
        }

        if (trimmed.StartsWith("W/", StringComparison.Ordinal))
        {
            return NeverMatches;
        }

        if (trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"')
        {
            trimmed = trimmed[1..^1];
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision > 0)
        {
            return revision;
        }

        errors.Add("If-Match", "must be the ETag of the current revision, e.g. \"3\".");
        return null;
    }

    /// <summary>Reads the Idempotency-Key header: 1–100 visible ASCII characters.</summary>
    public static string? IdempotencyKey(HttpRequest request, ValidationErrors errors)
    {
        string? value = request.Headers[IdempotencyKeyHeader];
        if (value is null)
        {
            return null;
        }

        if (value.Length is 0 or > MaxIdempotencyKeyLength || value.Any(c => c is < '!' or > '~'))
        {
            errors.Add(IdempotencyKeyHeader, $"must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters.");
            return null;
        }

        return value;
    }

    /// <summary>
    /// A fingerprint of what a write means: the SHA-256 of the parsed body re-serialized, so spacing
    /// and member order in the client's JSON do not make a retry look like another request.
    /// </summary>
    public static string Fingerprint<T>(HttpContext context, T body)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, options)));
    }

    public static string ETag(int revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";
}
