using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>
/// api.md "Conventions" and "Survey records": a bad PUT of a survey record is a 4xx
/// <c>application/problem+json</c>; a validation error names the JSON path under <c>record.</c>; and the
/// stored revision is unchanged afterwards. Each test arranges a record at revision 1 and checks it is
/// still revision 1, with its title, after the refused write.
/// </summary>
[Collection(SurveyBadInputCollection.Name)]
public sealed class SurveyRecordBadInputTests(GatewayFixture gateway)
{
    private const string StoredTitle = "저장된 제목";

    public static TheoryData<string> RequiredFields() => [.. SurveyRecords.RequiredPaths];

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task A_missing_required_field_is_400_naming_it_and_keeps_the_record(string path)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().Without(path));

        await response.AssertFieldErrors("record." + path);
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task A_required_field_sent_as_null_is_400_naming_it(string path)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With(path, null));

        await response.AssertFieldErrors("record." + path);
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task An_empty_object_is_400_naming_every_required_top_level_field()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, new JsonObject());

        await response.AssertFieldErrors([.. SurveyRecords.RequiredPaths.Where(f => !f.Contains('.', StringComparison.Ordinal)).Select(f => "record." + f)]);
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData("modality", "photo")]
    [InlineData("modality", "Text")]
    [InlineData("modality", "time_series")]
    [InlineData("structure", "tabular")]
    [InlineData("digitization", "digitised")]
    [InlineData("sector", "space")]
    [InlineData("collection.purpose", "marketing")]
    [InlineData("availability.now", "public")]
    [InlineData("availability.afterProcessing", "open, restricted")]
    [InlineData("license", "mit")]
    [InlineData("license", "CC-BY")]
    [InlineData("thirdPartyRights", "unknown")]
    [InlineData("personalData.status", "anonymous")]
    [InlineData("labeling.status", "complete")]
    [InlineData("maintenance.updateFrequency", "hourly")]
    public async Task An_unknown_enum_value_is_400_naming_the_field_and_keeps_the_record(string path, string value)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With(path, value));

        await response.AssertFieldErrors("record." + path);
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task An_enum_given_as_a_number_is_400_naming_the_field()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("modality", 0));

        await response.AssertFieldErrors("record.modality");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task An_unknown_processing_step_is_400_naming_its_index()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("processingPlan", new JsonArray("cleansing", "anonymization")));

        await response.AssertFieldErrors("record.processingPlan[1]");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_null_processing_step_is_400_naming_its_index()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("processingPlan", new JsonArray("cleansing", null)));

        await response.AssertFieldErrors("record.processingPlan[1]");
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData("titel")]
    [InlineData("volume.rows")]
    [InlineData("quality.errorrate")]
    [InlineData("personalData.sensitiveData")]
    public async Task An_unknown_property_is_400_naming_it_and_keeps_the_record(string path)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With(path, true));

        await response.AssertFieldErrors("record." + path);
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_duplicate_property_is_400_and_keeps_the_record()
    {
        var (p, dataset) = await StoredRecord();
        var json = SurveyRecords.Valid().ToJsonString();
        var duplicated = "{\"title\":\"중복 제목\"," + json[1..];

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, Registrations.Json(duplicated));

        await response.AssertFieldErrors("record.title");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task An_errorRate_missing_when_quality_was_assessed_is_400_naming_it()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("quality.assessed", true).Without("quality.errorRate"));

        await response.AssertFieldErrors("record.quality.errorRate");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task An_errorRate_may_be_left_out_when_quality_was_not_assessed()
    {
        var p = await gateway.NewParticipant();

        using var response = await Put(p, Ids.New("ds"), SurveyRecords.Valid().With("quality.assessed", false).Without("quality.errorRate"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    public async Task An_errorRate_outside_0_to_1_is_400_naming_it(double errorRate)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("quality.errorRate", errorRate));

        await response.AssertFieldErrors("record.quality.errorRate");
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public async Task An_errorRate_at_either_bound_is_accepted(double errorRate)
    {
        var p = await gateway.NewParticipant();

        using var response = await Put(p, Ids.New("ds"), SurveyRecords.Valid().With("quality.errorRate", errorRate));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Coverage_from_after_to_is_400_naming_coverage_from()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid()
            .With("coverage", new JsonObject { ["from"] = "2026-01-02", ["to"] = "2026-01-01" }));

        await response.AssertFieldErrors("record.coverage.from");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task Coverage_of_a_single_day_is_accepted()
    {
        var p = await gateway.NewParticipant();

        using var response = await Put(p, Ids.New("ds"), SurveyRecords.Valid()
            .With("coverage", new JsonObject { ["from"] = "2026-01-01", ["to"] = "2026-01-01" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_title_of_301_characters_is_400_naming_it()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid(new string('가', 301)));

        await response.AssertFieldErrors("record.title");
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData("가")]
    [InlineData("a")]
    [InlineData("👍")]
    public async Task A_title_of_300_single_code_point_characters_is_accepted_however_many_bytes_each_takes(string character)
    {
        var p = await gateway.NewParticipant();

        using var response = await Put(p, Ids.New("ds"), SurveyRecords.Valid(string.Concat(Enumerable.Repeat(character, 300))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_title_of_300_characters_built_of_combining_sequences_is_400_naming_the_byte_limit()
    {
        var (p, dataset) = await StoredRecord();

        // 300 characters, each a scientist emoji (11 bytes): 3,300 bytes against a limit of 1,200.
        using var response = await Put(p, dataset, SurveyRecords.Valid(string.Concat(Enumerable.Repeat("👩‍🔬", 300))));

        var problem = await response.AssertFieldErrors("record.title");
        Assert.Contains("1200 bytes", problem.GetProperty("errors").GetProperty("record.title")[0].GetString(), StringComparison.Ordinal);
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("제목\u0000")]
    public async Task A_blank_title_or_one_with_control_characters_is_400_naming_it(string title)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid(title));

        await response.AssertFieldErrors("record.title");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task Twenty_one_keywords_are_400_naming_keywords()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("keywords", Keywords(21)));

        await response.AssertFieldErrors("record.keywords");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task Twenty_keywords_are_accepted()
    {
        var p = await gateway.NewParticipant();

        using var response = await Put(p, Ids.New("ds"), SurveyRecords.Valid().With("keywords", Keywords(20)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_keyword_of_51_characters_is_400_naming_its_index()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("keywords", new JsonArray("대기질", new string('k', 51))));

        await response.AssertFieldErrors("record.keywords[1]");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_description_of_4001_characters_is_400_naming_it()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("description", new string('설', 4001)));

        await response.AssertFieldErrors("record.description");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task Twenty_one_formats_are_400_naming_formats()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("formats", new JsonArray([.. Enumerable.Range(0, 21).Select(i => (JsonNode)$"f{i}")])));

        await response.AssertFieldErrors("record.formats");
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData("volume.records")]
    [InlineData("volume.bytes")]
    public async Task A_negative_volume_is_400_naming_it(string path)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With(path, -1));

        await response.AssertFieldErrors("record." + path);
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData("volume.records", "1.5")]
    [InlineData("volume.records", "1e30")]
    [InlineData("volume.bytes", "99999999999999999999999")]
    [InlineData("quality.errorRate", "1e400")]
    [InlineData("lawfulToProvide", "\"yes\"")]
    [InlineData("lawfulToProvide", "1")]
    [InlineData("title", "123")]
    [InlineData("keywords", "\"대기질\"")]
    [InlineData("formats", "{}")]
    [InlineData("volume", "[]")]
    [InlineData("coverage.from", "\"2026-13-01\"")]
    [InlineData("coverage.to", "\"31/12/2026\"")]
    [InlineData("maintenance.lastUpdated", "\"2026-02-30\"")]
    [InlineData("maintenance.lastUpdated", "20260101")]
    public async Task A_value_of_the_wrong_type_or_shape_is_400_naming_the_field(string path, string json)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With(path, JsonNode.Parse(json)));

        await response.AssertFieldErrors("record." + path);
        await AssertUnchanged(p, dataset);
    }

    // The gateway's JSON options start from the web defaults, which read numbers from strings; the
    // contract types these members as numbers, and JsonBody promises "must be a number" for them.
    [Theory]
    [InlineData("volume.records", "12")]
    [InlineData("volume.bytes", "4300000000")]
    [InlineData("quality.errorRate", "0.1")]
    public async Task A_number_sent_as_a_string_is_400_naming_the_field(string path, string number)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With(path, number));

        await response.AssertFieldErrors("record." + path);
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_duplicate_processing_step_is_400_naming_where_it_repeats()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("processingPlan", new JsonArray("cleansing", "labeling", "cleansing")));

        await response.AssertFieldErrors("record.processingPlan[2]");
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two@@example.org")]
    public async Task A_malformed_contact_email_is_400_naming_it(string email)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("contactEmail", email));

        await response.AssertFieldErrors("record.contactEmail");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_is_400_naming_the_record()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, Registrations.Json("[]"));

        await response.AssertFieldErrors("record");
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_null_body_is_400_naming_the_record()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, Registrations.Json("null"));

        await response.AssertFieldErrors("record");
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"title\": \"x\",}")]
    [InlineData("{\"title\": \"x\"} trailing")]
    [InlineData("")]
    public async Task Malformed_json_is_400_with_errors_and_keeps_the_record(string json)
    {
        var (p, dataset) = await StoredRecord();

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, Registrations.Json(json));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_valid_record_cut_short_is_400_and_keeps_the_record()
    {
        var (p, dataset) = await StoredRecord();
        var json = SurveyRecords.Valid("잘린 본문").ToJsonString();

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, Registrations.Json(json[..^1]));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_body_over_1_MiB_is_413_and_keeps_the_record()
    {
        var (p, dataset) = await StoredRecord();

        using var response = await Put(p, dataset, SurveyRecords.Valid().With("description", new string('x', 1024 * 1024)));

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_body_over_1_MiB_sent_without_a_length_is_413_and_keeps_the_record()
    {
        var (p, dataset) = await StoredRecord();
        var bytes = Encoding.UTF8.GetBytes(SurveyRecords.Valid().With("description", new string('x', 1024 * 1024)).ToJsonString());
        using var content = new StreamContent(new UnseekableStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, content);

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_is_415_and_keeps_the_record(string? contentType)
    {
        var (p, dataset) = await StoredRecord();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(SurveyRecords.Valid("잘못된 형식").ToJsonString()));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, content);

        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
        await AssertUnchanged(p, dataset);
    }

    [Fact]
    public async Task A_json_body_with_a_charset_is_accepted()
    {
        var p = await gateway.NewParticipant();
        using var content = new StringContent(SurveyRecords.Valid().ToJsonString(), Encoding.UTF8, "application/json");
        content.Headers.ContentType!.CharSet = "utf-8";

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, Ids.New("ds"), content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static TheoryData<string, string> BadIds() => new()
    {
        { "roundId", "Bad_ID" },
        { "roundId", "a" },
        { "institutionId", "-lead" },
        { "institutionId", "UPPER" },
        { "datasetId", "has%20space" },
        { "datasetId", new string('d', 64) },
        { "datasetId", "%EB%8D%B0%EC%9D%B4%ED%84%B0" },
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_malformed_id_in_the_path_of_a_put_is_400_naming_it(string name, string bad)
    {
        var (p, dataset) = await StoredRecord();
        var (round, institution, datasetId) = name switch
        {
            "roundId" => (bad, p.InstitutionId, dataset),
            "institutionId" => (p.RoundId, bad, dataset),
            _ => (p.RoundId, p.InstitutionId, bad),
        };

        using var response = await gateway.Surveys.Put(round, institution, datasetId, SurveyRecords.Valid("잘못된 경로"));

        await response.AssertFieldErrors(name);
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_malformed_id_in_the_path_of_a_delete_is_400_naming_it(string name, string bad)
    {
        var (p, dataset) = await StoredRecord();
        var (round, institution, datasetId) = name switch
        {
            "roundId" => (bad, p.InstitutionId, dataset),
            "institutionId" => (p.RoundId, bad, dataset),
            _ => (p.RoundId, p.InstitutionId, bad),
        };

        using var response = await gateway.Surveys.Withdraw(round, institution, datasetId);

        await response.AssertFieldErrors(name);
        await AssertUnchanged(p, dataset);
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task A_malformed_id_in_the_path_of_a_get_is_400_naming_it(string name, string bad)
    {
        var p = await gateway.NewParticipant();
        var (round, institution, datasetId) = name switch
        {
            "roundId" => (bad, p.InstitutionId, "ds-1"),
            "institutionId" => (p.RoundId, bad, "ds-1"),
            _ => (p.RoundId, p.InstitutionId, bad),
        };

        using var response = await gateway.Surveys.Get(round, institution, datasetId);

        await response.AssertFieldErrors(name);
    }

    [Fact]
    public async Task A_malformed_round_id_in_the_path_of_an_assignment_is_400_naming_it()
    {
        var p = await gateway.NewParticipant();

        using var response = await gateway.Surveys.Submit("Bad_ID", p.InstitutionId);

        await response.AssertFieldErrors("roundId");
        Assert.Equal("invited", await gateway.Surveys.Status(p.RoundId, p.InstitutionId));
    }

    [Fact]
    public async Task A_refused_bad_write_does_not_count_as_a_response()
    {
        var p = await gateway.NewParticipant();

        using var response = await Put(p, Ids.New("ds"), SurveyRecords.Valid().With("volume.records", -1));

        await response.AssertFieldErrors("record.volume.records");
        Assert.Equal("invited", await gateway.Surveys.Status(p.RoundId, p.InstitutionId));
        Assert.Equal(0, (await gateway.Rounds.Read(p.RoundId)).GetProperty("progress").GetProperty("datasets").GetInt64());
    }

    private async Task<(Participant Participant, string DatasetId)> StoredRecord()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid(StoredTitle));
        return (p, dataset);
    }

    private static Task<HttpResponseMessage> Put(Participant p, string dataset, JsonNode record) =>
        p.Agency.Put(p.RoundId, p.InstitutionId, dataset, record);

    private static async Task AssertUnchanged(Participant p, string dataset)
    {
        var (body, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
        Assert.Equal(1, body.GetProperty("revision").GetInt32());
        Assert.Equal(StoredTitle, body.GetProperty("record").GetProperty("title").GetString());
    }

    private static JsonArray Keywords(int count) => new([.. Enumerable.Range(1, count).Select(i => (JsonNode)$"키워드{i}")]);

    /// <summary>A stream that cannot tell its length, so the body goes without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
