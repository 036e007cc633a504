using System.Text.Json;
using System.Text.Json.Serialization;
using Census.Domain.Serialization;

namespace Census.Exchange.Imports;

/// <summary>The JSON rules of a record body, as a PUT reads it: no unknown or doubled members, enums by wire name.</summary>
internal static class RecordJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
        };
        CensusJson.Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
