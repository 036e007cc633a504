using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Census.Domain.Serialization;
using Census.Exchange.Imports;

namespace Census.Api.Tests;

/// <summary>
/// api.md "Bulk intake and exchange": a harvest pre-fills records from a catalogue, always as a dry run, names every
/// required field the catalogue cannot fill, and hands the pre-filled rows back as a file the agency completes.
/// </summary>
[Collection(ImportsCollection.Name)]
public sealed class HarvestTests(GatewayFixture gateway)
{
    private const string Catalogue = """
        @prefix dcat: <http://www.w3.org/ns/dcat#> .
        @prefix dct: <http://purl.org/dc/terms/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

        <https://data.example.kr/catalog> a dcat:Catalog ;
            dct:title "기관 데이터 목록"@ko ;
            dcat:dataset <https://data.example.kr/dataset/river-levels>, <https://data.example.kr/dataset/bus-stops> .

        <https://data.example.kr/dataset/river-levels> a dcat:Dataset ;
            dct:identifier "river-levels" ;
            dct:title "하천 수위 관측자료"@ko, "River levels"@en ;
            dct:description "전국 하천 수위 관측소의 10분 단위 수위."@ko ;
            dcat:keyword "수위"@ko, "하천"@ko ;
            dct:license <https://creativecommons.org/licenses/by/4.0/> ;
            dct:modified "2026-10-01"^^xsd:date ;
            dcat:distribution [ a dcat:Distribution ; dct:format "CSV" ] .

        <https://data.example.kr/dataset/bus-stops> a dcat:Dataset ;
            dct:identifier "bus-stops" ;
            dct:title "버스 정류장 위치"@ko ;
            dcat:distribution [ a dcat:Distribution ; dcat:mediaType "application/json" ] .
        """;

    private static ImportsRoutes Imports(Participant p) => new(p.Agency.Client);

    [Fact]
    public async Task A_harvest_prefills_records_names_what_is_missing_and_the_completed_rows_import()
    {
        var p = await gateway.NewParticipant();

        using var response = await Harvest(p, Catalogue, "text/turtle");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var harvest = await Imports(p).Ended(location);

        Assert.Equal(("catalog", true, "completed"), (harvest.GetProperty("format").GetString(), harvest.GetProperty("dryRun").GetBoolean(), harvest.GetProperty("state").GetString()));
        Assert.Equal((2, 2, 0), (harvest.GetProperty("rows").GetInt32(), harvest.GetProperty("invalid").GetInt32(), harvest.GetProperty("created").GetInt32()));
        using (var list = await p.Agency.List(p.RoundId, p.InstitutionId))
        {
            Assert.Equal(0, (await list.ReadJson()).GetProperty("total").GetInt32());
        }

        using var errors = await Imports(p).Errors(location, "?pageSize=200");
        var paths = (await errors.ReadJson()).GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("path").GetString())).ToHashSet();
        Assert.Contains((1, "record.modality"), paths);
        Assert.Contains((1, "record.lawfulToProvide"), paths);
        Assert.Contains((2, "record.modality"), paths);
        Assert.DoesNotContain(paths, e => e.Item2 is "record.title" or "record.formats");

        // The pre-filled rows as the template's CSV: what the agency downloads, completes and imports.
        using var rows = await Imports(p).Client.GetAsync(location + "/rows");
        Assert.Equal(HttpStatusCode.OK, rows.StatusCode);
        Assert.Equal("text/csv", rows.Content.Headers.ContentType!.MediaType);
        var prefilled = new List<ImportEntry>();
        await foreach (var entry in ImportReader.ReadAsync(await rows.Content.ReadAsStreamAsync(), ImportFormat.Csv, "utf-8"))
        {
            prefilled.Add(entry);
        }

        Assert.Equal(["river-levels", "bus-stops"], prefilled.Select(e => e.DatasetId));
        var river = prefilled[0].Record!;
        Assert.Equal(("하천 수위 관측자료", "cc-by"), (river.Title, Census.Domain.Validation.Names.Of(river.License!.Value)));
        Assert.Equal(["csv"], river.Formats!);

        var completed = prefilled.Select(e => Completed(e.DatasetId!, e.Record!)).ToList();
        var imported = await Imports(p).Run(p.RoundId, p.InstitutionId, completed);

        Assert.Equal((2, 0), (imported.GetProperty("created").GetInt32(), imported.GetProperty("invalid").GetInt32()));
        using var stored = await p.Agency.Get(p.RoundId, p.InstitutionId, "river-levels");
        var record = (await stored.ReadJson()).GetProperty("record");
        Assert.Equal("하천 수위 관측자료", record.GetProperty("title").GetString());
        Assert.Equal("2026-10-01", record.GetProperty("maintenance").GetProperty("lastUpdated").GetString());
    }

    [Fact]
    public async Task A_harvest_of_a_media_type_it_does_not_read_is_415()
    {
        var p = await gateway.NewParticipant();

        using var response = await Harvest(p, Catalogue, "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_catalogue_that_is_not_Turtle_is_400_naming_the_line_and_leaves_no_import()
    {
        var p = await gateway.NewParticipant();

        using var response = await Harvest(p, "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n<a> dcat:title \"unclosed .\n", "text/turtle");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJson();
        Assert.Contains("line", problem.GetProperty("where").GetString(), StringComparison.Ordinal);
        using var list = await Imports(p).List(p.RoundId, p.InstitutionId);
        Assert.Equal(0, (await list.ReadJson()).GetProperty("total").GetInt32());
    }

    private static async Task<HttpResponseMessage> Harvest(Participant p, string body, string mediaType)
    {
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
        return await p.Agency.Client.PostAsync($"/api/v1/rounds/{p.RoundId}/institutions/{p.InstitutionId}/harvest", content);
    }

    /// <summary>What the agency adds: every field the catalogue left empty, taken from a valid record; what it said stays.</summary>
    private static string Completed(string datasetId, Census.Contracts.Surveys.SurveyRecord harvested)
    {
        var options = new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        CensusJson.Configure(options);
        var record = JsonSerializer.SerializeToNode(harvested, options)!.AsObject();
        foreach (var (name, value) in SurveyRecords.Valid())
        {
            if (record[name] is JsonObject given && value is JsonObject defaults)
            {
                foreach (var (member, memberValue) in defaults)
                {
                    if (given[member] is null)
                    {
                        given[member] = memberValue!.DeepClone();
                    }
                }
            }
            else if (record[name] is null)
            {
                record[name] = value!.DeepClone();
            }
        }

        return ImportsRoutes.Line(datasetId, record);
    }
}
