using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Census.Domain.Validation;

namespace Census.Domain.Serialization;

/// <summary>
/// How a JSON value the serializer refused is worded for a client: the field's path and a sentence about
/// what that field expects (<c>volume.records</c> "must be a whole number."). One wording for every reader
/// of records — a PUT body and an NDJSON import line say the same thing about the same mistake.
/// </summary>
public static partial class JsonErrors
{
    /// <summary><c>$.volume.records</c> → <c>volume.records</c>; the root stays <c>$</c>.</summary>
    public static string FieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "$";
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    /// <summary>What the field at <paramref name="path"/> (a <see cref="FieldPath"/> under <paramref name="root"/>) expects.</summary>
    public static string Describe(JsonException e, Type root, string path)
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
            { IsEnum: true } enumType => "must be one of: " + string.Join(", ", Names.All(enumType)) + ".",
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
}
