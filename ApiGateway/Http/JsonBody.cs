using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Census.ApiGateway.Http;

/// <summary>
/// Reads a JSON request body with the census's rules: JSON content type, at most 1 MiB, no unknown
/// or duplicate members, enums by name. A failure becomes a problem that names the offending field
/// (<c>errors["volume.records"]</c>), which the framework's own binder does not do.
/// </summary>
public static partial class JsonBody
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
            var message = Describe(e, typeof(T), path);
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
    internal static string ToFieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "$";
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    private static string Describe(JsonException e, Type root, string path)
    {
        if (e.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "is not a known field.";
        }

        if (e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "appears more than once.";
        }

        return TargetType(root, path) switch
        {
            { IsEnum: true } enumType => "must be one of: " + string.Join(", ", EnumNames(enumType)) + ".",
            { } t when t == typeof(string) => "must be a string.",
            { } t when t == typeof(bool) => "must be true or false.",
            { } t when t == typeof(int) || t == typeof(long) => "must be a whole number.",
            { } t when t == typeof(double) || t == typeof(decimal) => "must be a number.",
            { } t when t == typeof(DateOnly) => "must be a date (YYYY-MM-DD).",
            { } t when t == typeof(DateTimeOffset) || t == typeof(DateTime) => "must be an ISO 8601 UTC time.",
            { IsArray: true } => "must be an array.",
            { } t when t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) => "must be an array.",
            null => "has an invalid value.",
            _ => "must be a JSON object.",
        };
    }

    [GeneratedRegex(@"\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex IndexSegment();

    /// <summary>Walks a field path over the request type to find the expected type at that point.</summary>
    private static Type? TargetType(Type root, string path)
    {
        if (path == "$")
        {
            return root;
        }

        var type = root;
        foreach (var rawSegment in path.Split('.'))
        {
            var indexed = IndexSegment().IsMatch(rawSegment);
            var segment = IndexSegment().Replace(rawSegment, "");
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (indexed)
            {
                type = ElementType(type) ?? type;
            }
        }

        return type;
    }

    private static Type? ElementType(Type type)
    {
        var element = type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[^1] : null;
        return element is null ? null : Nullable.GetUnderlyingType(element) ?? element;
    }

    private static IEnumerable<string> EnumNames(Type enumType) => Names.All(enumType);
}
