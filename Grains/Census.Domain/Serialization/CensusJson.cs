using System.Text.Json;
using System.Text.Json.Serialization;

namespace Census.Domain.Serialization;

/// <summary>
/// The JSON conventions of the census: camelCase members and kebab-case enum names, for the HTTP
/// API and for stored grain state alike. Enums are stored by name so reordering them never changes
/// what a stored row means.
/// </summary>
public static class CensusJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new KebabCaseEnumConverter());
        options.Converters.Add(new UtcTimestampConverter());
    }

    /// <summary>Times are written as ISO 8601 UTC with a trailing Z (api.md), whatever offset they carry.</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        // A time without "Z" or an offset would silently mean the server's zone: refuse it.
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException();
            var timePart = text.IndexOf('T', StringComparison.Ordinal) is var t and >= 0 ? text[t..] : "";
            if (!(timePart.EndsWith('Z') || timePart.EndsWith('z') || timePart.Contains('+', StringComparison.Ordinal) || timePart.Contains('-', StringComparison.Ordinal)))
            {
                throw new JsonException();
            }

            return reader.GetDateTimeOffset();
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
