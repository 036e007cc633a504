using System.Text.Json;
using System.Text.Json.Serialization;

namespace Census.Grains.Surveys;

/// <summary>
/// How a document's record and levels are stored as JSON: the wire's conventions (camelCase members,
/// kebab-case enum names), so the stored text reads like the API and never depends on enum order.
/// </summary>
internal static class SurveyDocumentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"A stored {typeof(T).Name} is null.");
}
