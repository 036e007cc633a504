using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>api.md "Rounds" and "Conventions": a bad round definition is a 400 naming the field, and creates nothing.</summary>
[Collection(RoundsCollection.Name)]
public sealed class RoundDefinitionBadInputTests(GatewayFixture gateway)
{
    public static TheoryData<string, string?, string> Cases() => new()
    {
        // path to change, new value as JSON (null: remove it), field the 400 must name
        { "title", null, "title" },
        { "title", "\"\"", "title" },
        { "title", "\"" + new string('가', 301) + "\"", "title" },
        { "deadline", null, "deadline" },
        { "deadline", "\"tomorrow\"", "deadline" },
        { "deadline", "12345", "deadline" },
        { "deadline", "\"2027-03-31T23:59:59\"", "deadline" },
        { "selection", null, "selection" },
        { "selection.quota", null, "selection.quota" },
        { "selection.quota", "0", "selection.quota" },
        { "selection.quota", "1001", "selection.quota" },
        { "selection.maxPerInstitution", "0", "selection.maxPerInstitution" },
        { "selection.sectorMin", "{\"law\": -1}", "selection.sectorMin.law" },
        { "selection.sectorMax", "{\"law\": -1}", "selection.sectorMax.law" },
        { "institutions", "[]", "institutions" },
        { "institutions", "[\"inst-a\", \"inst-a\"]", "institutions[1]" },
        { "institutions", "[\"Bad_ID\"]", "institutions[0]" },
        { "selectoin", "{}", "selectoin" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_round_definition_is_400_naming_the_field_and_creates_nothing(string path, string? json, string field)
    {
        var id = Ids.New("round");
        var valid = RoundDefinitions.Valid(id, "inst-a");
        var body = json is null ? valid.Without(path) : valid.With(path, JsonNode.Parse(json));

        using var response = await gateway.Rounds.Create(body);

        await response.AssertFieldErrors(field);
        using var read = await gateway.Rounds.Get(id);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_sector_in_the_selection_bounds_is_400_and_creates_nothing()
    {
        var id = Ids.New("round");

        using var response = await gateway.Rounds.Create(RoundDefinitions.Valid(id, "inst-a").With("selection.sectorMin", new JsonObject { ["space"] = 1 }));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("selection.sectorMin", StringComparison.Ordinal));
        using var read = await gateway.Rounds.Get(id);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_round_id_in_the_body_is_400_naming_id()
    {
        using var response = await gateway.Rounds.Create(RoundDefinitions.Valid("Bad_ID", "inst-a"));

        await response.AssertFieldErrors("id");
    }
}
