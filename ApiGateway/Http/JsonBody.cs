using System.Text.Json;
using Census.Domain.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Census.ApiGateway.Http;

/// <summary>
/// Reads a JSON request body with the census's rules: JSON content type, at most 1 MiB, no unknown
/// or duplicate members, enums by name. A failure becomes a problem that names the offending field
/// (<c>errors["volume.records"]</c>), which the framework's own binder does not do.
/// </summary>
public static class JsonBody
{
    /// <summary>The body, or the problem result to answer with instead.</summary>
    public readonly record struct Read<T>(T? Value, ProblemHttpResult? Problem);

    public static async Task<Read<T>> ReadAsync<T>(HttpContext context, string? pathPrefix = null)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return new(default, Problems.Status(
                StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        }

        if (request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            return new(default, TooLarge());
        }

        byte[] body;
        try
        {
            body = await ReadBoundedAsync(request.Body, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(default, TooLarge());
        }
        catch (BadHttpRequestException e)
        {
            // A broken chunk, a body shorter than its Content-Length, and the like: the client's fault.
            return new(default, Problems.Status(e.StatusCode, "Bad request body", "The request body could not be read: " + e.Message));
        }

        if (body.Length > RequestLimits.MaxBodyBytes)
        {
            return new(default, TooLarge());
        }

        if (SyntaxError(body) is { } syntax)
        {
            return new(default, Problems.Validation(ValidationErrors.For(pathPrefix ?? "$", syntax)));
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, options);
            return new(value, null);
        }
        catch (JsonException e)
        {
            var path = ToFieldPath(e.Path);
            var message = JsonErrors.Describe(e, typeof(T), path);
            var reported = pathPrefix is null ? path : path == "$" ? pathPrefix : $"{pathPrefix}.{path}";
            return new(default, Problems.Validation(ValidationErrors.For(reported, message)));
        }
    }

    private static string? SyntaxError(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException e)
        {
            return body.Length == 0
                ? "A JSON body is required."
                : $"is not well-formed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";
        }
    }

    private static ProblemHttpResult TooLarge() => Problems.Status(
        StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body must be at most {RequestLimits.MaxBodyBytes} bytes.");

    private static bool IsJson(string? contentType) =>
        contentType is not null &&
        (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
         (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) &&
          contentType.Split(';')[0].EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    private static async Task<byte[]> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > RequestLimits.MaxBodyBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    /// <summary><c>$.volume.records</c> → <c>volume.records</c>; the root stays <c>$</c>.</summary>
    internal static string ToFieldPath(string? jsonPath) => JsonErrors.FieldPath(jsonPath);
}
