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

    /// <summary>
    /// Parses <c>If-Match</c> as RFC 9110 allows: <c>*</c>, or a comma-separated list of entity tags
    /// (<c>"7", "1"</c>, quotes optional for a bare revision), weak ones (<c>W/"3"</c>) included. Returns
    /// the acceptable revisions — the write proceeds when any is current — or null without the header;
    /// adds an error for anything else.
    /// </summary>
    public static IReadOnlyList<int>? IfMatch(HttpRequest request, ValidationErrors errors)
    {
        var value = string.Join(",", request.Headers.IfMatch.Where(v => v is not null));
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var revisions = new List<int>();
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] is ' ' or '\t' or ',')
            {
                i++;
                continue;
            }

            if (ReadTag(value, ref i) is not { } revision)
            {
                errors.Add("If-Match", "must be * or a list of ETags of revisions, e.g. \"3\" or \"7\", \"1\".");
                return null;
            }

            revisions.Add(revision);
        }

        return revisions.Count == 0 ? null : revisions;
    }

    /// <summary>One element of the list at <paramref name="i"/>: <c>*</c>, <c>W/"…"</c>, <c>"n"</c> or a bare <c>n</c>; null if malformed.</summary>
    private static int? ReadTag(string value, ref int i)
    {
        if (value[i] == '*')
        {
            i++;
            return AnyRevision;
        }

        var weak = string.CompareOrdinal(value, i, "W/", 0, 2) == 0;
        if (weak)
        {
            i += 2;
        }

        string tag;
        if (i < value.Length && value[i] == '"')
        {
            var close = value.IndexOf('"', i + 1);
            if (close < 0)
            {
                return null;
            }

            tag = value[(i + 1)..close];
            i = close + 1;
        }
        else
        {
            if (weak)
            {
                return null;
            }

            var end = i;
            while (end < value.Length && value[end] is not (',' or ' ' or '\t'))
            {
                end++;
            }

            tag = value[i..end];
            i = end;
        }

        // After a tag only a separator may follow.
        if (i < value.Length && value[i] is not (',' or ' ' or '\t'))
        {
            return null;
        }

        // If-Match compares strongly: a weak tag is well-formed but never matches (RFC 9110 §13.1.1).
        if (weak)
        {
            return tag.All(c => c is '!' or (>= '#' and <= '~')) ? NeverMatches : null;
        }

        return int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision > 0 ? revision : null;
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
