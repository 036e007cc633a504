using System.Text.Json.Nodes;
using Census.Contracts.Surveys;
using Census.Domain.Serialization;
using Census.Exchange.Imports;
using Census.Exchange.Template;

namespace Census.Api.Tests;

/// <summary>api.md "Bulk intake and exchange": an institution's records exported in the template's columns, read back unchanged.</summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class SurveyRecordExportTests(GatewayFixture gateway)
{
    private static readonly JsonSerializerOptions RecordJson = CreateRecordJson();

    [Theory]
    [InlineData("text/csv", ImportFormat.Csv, ".csv")]
    [InlineData(SurveyTemplate.XlsxMediaType, ImportFormat.Xlsx, ".xlsx")]
    public async Task The_export_holds_every_current_record_and_imports_back_to_the_same_records(string accept, ImportFormat format, string extension)
    {
        var p = await gateway.NewParticipant();
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, "ds-b");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, "ds-a", SurveyRecords.Valid("제목, \"따옴표\"\n줄바꿈").With("keywords", new JsonArray("=1+1", "교통")));
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, "ds-gone");
        using (await p.Agency.Withdraw(p.RoundId, p.InstitutionId, "ds-gone"))
        {
        }

        using var response = await Export(p, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(extension, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var entries = await ImportReader.ReadAsync(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), format, charset: null).ToListAsync();
        var stored = await Stored(p);
        Assert.Equal(["ds-a", "ds-b"], entries.Select(e => e.DatasetId));
        Assert.All(entries, e => Assert.Empty(e.Errors));
        Assert.Equal(stored, entries.Select(e => JsonSerializer.Serialize(e.Record, RecordJson)));
    }

    [Fact]
    public async Task A_media_type_the_client_refuses_with_q_0_is_not_exported()
    {
        var p = await gateway.NewParticipant();
        using var request = Request(SurveyRoutes.Datasets(p.RoundId, p.InstitutionId), "application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv", 0));

        using var response = await p.Agency.Client.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_export_of_a_round_that_does_not_exist_is_a_404_problem()
    {
        var p = await gateway.NewParticipant();

        using var response = await p.Agency.Client.SendAsync(Request(SurveyRoutes.Datasets(Ids.New("round"), p.InstitutionId), "text/csv"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_agency_cannot_export_another_institution_s_records()
    {
        var p = await gateway.NewParticipant();
        var other = await gateway.NewInstitution();

        using var response = await p.Agency.Client.SendAsync(Request(SurveyRoutes.Datasets(p.RoundId, other), "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> Export(Participant p, string accept)
    {
        using var request = Request(SurveyRoutes.Datasets(p.RoundId, p.InstitutionId), accept);
        return await p.Agency.Client.SendAsync(request);
    }

    private static HttpRequestMessage Request(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    /// <summary>The records the JSON list holds, in dataset order, each as canonical JSON.</summary>
    private static async Task<List<string>> Stored(Participant p)
    {
        var list = await SurveyRecordListTests.ReadList(p.Agency, p.RoundId, p.InstitutionId, "");
        return [.. list.GetProperty("items").EnumerateArray()
            .Select(i => JsonSerializer.Serialize(i.GetProperty("record").Deserialize<SurveyRecord>(RecordJson), RecordJson))];
    }

    private static JsonSerializerOptions CreateRecordJson()
    {
        var options = new JsonSerializerOptions();
        CensusJson.Configure(options);
        return options;
    }
}
