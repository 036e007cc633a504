using System.Text.Json.Nodes;

namespace Census.Api.Tests.Infrastructure;

/// <summary>Bodies for <c>POST /api/v1/rounds</c> and <c>PUT …/weights</c>; tests change only what they are about.</summary>
public static class RoundDefinitions
{
    /// <summary>Rubric v1's weights (rubric.md): 15, 10, 10, 10, 15, 10, 10, 10, 5, 5.</summary>
    public static readonly int[] DefaultWeights = [15, 10, 10, 10, 15, 10, 10, 10, 5, 5];

    /// <summary>A valid round closing in 30 days, inviting <paramref name="institutions"/> (none given: the body leaves the list out, inviting everyone).</summary>
    public static JsonObject Valid(string id, params string[] institutions)
    {
        var body = new JsonObject
        {
            ["id"] = id,
            ["title"] = "2027년 공공데이터 AI 학습 활용도 전수조사",
            ["deadline"] = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["selection"] = new JsonObject { ["quota"] = 100, ["maxPerInstitution"] = 5 },
        };
        if (institutions.Length > 0)
        {
            body["institutions"] = new JsonArray([.. institutions.Select(i => (JsonNode)i)]);
        }

        return body;
    }

    /// <summary>A weights body <c>{ "c1": …, "c10": … }</c>.</summary>
    public static JsonObject Weights(params int[] weights)
    {
        var body = new JsonObject();
        for (var i = 0; i < weights.Length; i++)
        {
            body[$"c{i + 1}"] = weights[i];
        }

        return body;
    }
}
