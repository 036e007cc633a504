using System.Text.Json;
using System.Text.Json.Serialization;
using Census.Domain.Validation;

namespace Census.Domain.Serialization;

/// <summary>
/// Enums as their exact wire names (<see cref="Names"/>), and nothing else. The framework's
/// <see cref="JsonStringEnumConverter"/> falls back to .NET's own parsing for a value it does not know,
/// which ignores case, trims spaces and combines comma-separated names as flags — so
/// <c>"Law, Finance"</c> would be read as some third sector. Here an unknown name is an error.
/// Works for values and for dictionary keys (<c>sectorMin: { "law": 2 }</c>).
/// </summary>
public sealed class KebabCaseEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Name(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Name(value));

        private static TEnum Parse(string? name) =>
            Names.TryParse<TEnum>(name, out var value) ? value : throw new JsonException();

        private static string Name(TEnum value) =>
            Names.IsDefined(value) ? Names.Of(value) : throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}.");
    }
}
