using System.Text.Json;
using Census.Domain.Serialization;

namespace Census.Grains.Surveys;

/// <summary>
/// How a document's record and levels are stored as JSON: the census's own conventions
/// (<see cref="CensusJson"/>: camelCase members, exact kebab-case enum names), so the stored text reads
/// like the API and never depends on enum order.
/// </summary>
internal static class SurveyDocumentJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        CensusJson.Configure(options);
        return options;
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"A stored {typeof(T).Name} is null.");
}
