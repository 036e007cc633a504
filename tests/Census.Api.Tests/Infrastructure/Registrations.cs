using System.Text.Json.Nodes;

namespace Census.Api.Tests.Infrastructure;

/// <summary>Registration bodies for <c>POST /api/v1/institutions</c>; tests change only what they are about.</summary>
public static class Registrations
{
    public static JsonObject Valid(string id) => new()
    {
        ["id"] = id,
        ["name"] = "과학기술정보통신부",
        ["nameEn"] = "Ministry of Science and ICT",
        ["kind"] = "central-government",
        ["sector"] = "science-technology",
        ["contactEmail"] = "data@msit.go.kr",
    };

    public static StringContent AsJson(this JsonNode body) => Json(body.ToJsonString());

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
