namespace Census.Api.Tests;

/// <summary>api.md "Survey records" and "Conventions": writing and reading a survey record, with revisions as ETags.</summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class SurveyRecordWriteTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_first_put_answers_201_with_ETag_1_and_the_location_of_the_record()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(SurveyRoutes.Dataset(p.RoundId, p.InstitutionId, dataset), response.Headers.Location?.OriginalString);
        Assert.Equal(1, (await response.ReadJson()).GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_second_put_answers_200_with_ETag_2()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("두 번째 제목"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Null(response.Headers.Location);
        var body = await response.ReadJson();
        Assert.Equal(2, body.GetProperty("revision").GetInt32());
        Assert.Equal("두 번째 제목", body.GetProperty("record").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Get_answers_200_with_the_record_its_revision_as_ETag_and_who_wrote_it()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Get(p.RoundId, p.InstitutionId, dataset);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var body = await response.ReadJson();
        Assert.Equal(p.RoundId, body.GetProperty("roundId").GetString());
        Assert.Equal(p.InstitutionId, body.GetProperty("institutionId").GetString());
        Assert.Equal(dataset, body.GetProperty("datasetId").GetString());
        Assert.Equal(1, body.GetProperty("revision").GetInt32());
        Assert.EndsWith("Z", body.GetProperty("updatedAt").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("agency:", body.GetProperty("updatedBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stored_record_reads_back_as_it_was_sent_with_the_institutions_sector_filled_in()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        var sent = SurveyRecords.Valid();
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, sent);

        var (body, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);

        var expected = sent.With("sector", "science-technology");
        Assert.True(
            System.Text.Json.Nodes.JsonNode.DeepEquals(expected, System.Text.Json.Nodes.JsonNode.Parse(body.GetProperty("record").GetRawText())),
            $"Sent {expected.ToJsonString()}, read {body.GetProperty("record").GetRawText()}");
    }

    [Fact]
    public async Task A_sector_given_in_the_record_overrides_the_institutions()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");

        var written = await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid().With("sector", "environment-weather"));

        Assert.Equal("environment-weather", written.GetProperty("record").GetProperty("sector").GetString());
    }

    [Fact]
    public async Task A_record_with_only_the_required_fields_is_accepted()
    {
        var p = await gateway.NewParticipant();

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, Ids.New("ds"), SurveyRecords.Minimal());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_may_write_for_any_institution()
    {
        var p = await gateway.NewParticipant();

        var written = await gateway.Surveys.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));

        Assert.Equal("admin", written.GetProperty("updatedBy").GetString());
    }

    [Fact]
    public async Task Reading_a_dataset_never_reported_is_404()
    {
        var p = await gateway.NewParticipant();

        using var response = await p.Agency.Get(p.RoundId, p.InstitutionId, Ids.New("ds"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_with_a_stale_If_Match_is_412_and_keeps_the_revision()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, expected: HttpStatusCode.OK);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("늦은 수정"), ("If-Match", "\"1\""));

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        var (body, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"2\"", etag);
        Assert.NotEqual("늦은 수정", body.GetProperty("record").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Put_with_the_current_If_Match_answers_200_with_the_next_revision()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("제때 수정"), ("If-Match", "\"1\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Put_with_an_If_Match_for_a_record_that_does_not_exist_is_412_and_creates_nothing()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid(), ("If-Match", "\"1\""));

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        using var read = await p.Agency.Get(p.RoundId, p.InstitutionId, dataset);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"\"")]
    [InlineData("\"0\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"1.0\"")]
    [InlineData("\"99999999999\"")]
    public async Task Put_with_a_malformed_If_Match_is_400_naming_it_and_keeps_the_revision(string ifMatch)
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("바뀌면 안 됨"), ("If-Match", ifMatch));

        await response.AssertFieldErrors("If-Match");
        var (_, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
    }

    [Fact]
    public async Task Put_with_a_weak_If_Match_tag_is_412_because_If_Match_compares_strongly()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("바뀌면 안 됨"), ("If-Match", "W/\"1\""));

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        var (_, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
    }

    [Theory]
    [InlineData("\"7\", \"1\"")]
    [InlineData("\"1\",\"7\"")]
    [InlineData("W/\"1\", \"1\"")]
    [InlineData("\"7\", *")]
    public async Task Put_with_an_If_Match_list_proceeds_when_any_tag_is_current(string ifMatch)
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("목록으로 수정"), ("If-Match", ifMatch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Theory]
    [InlineData("\"7\", \"8\"")]
    [InlineData("\"7\", W/\"1\"")]
    public async Task Put_with_an_If_Match_list_of_stale_or_weak_tags_only_is_412_and_keeps_the_revision(string ifMatch)
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("바뀌면 안 됨"), ("If-Match", ifMatch));

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        var (_, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
    }

    [Theory]
    [InlineData("\"1\", abc")]
    [InlineData("\"1\" \"2")]
    [InlineData("\"1\"x")]
    public async Task Put_with_a_malformed_If_Match_list_is_400_naming_it(string ifMatch)
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("바뀌면 안 됨"), ("If-Match", ifMatch));

        await response.AssertFieldErrors("If-Match");
    }

    [Fact]
    public async Task Put_with_If_Match_star_updates_an_existing_record()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid(), ("If-Match", "*"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Put_with_If_Match_star_on_a_record_that_does_not_exist_is_412_and_creates_nothing()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid(), ("If-Match", "*"));

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        using var read = await p.Agency.Get(p.RoundId, p.InstitutionId, dataset);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_repeated_put_with_the_same_Idempotency_Key_and_body_returns_the_first_response_and_changes_nothing()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        using var first = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid(), key);
        var firstBody = await first.Content.ReadAsStringAsync();

        using var repeat = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.StatusCode, repeat.StatusCode);
        Assert.Equal(firstBody, await repeat.Content.ReadAsStringAsync());
        Assert.Equal("\"1\"", repeat.Headers.ETag?.Tag);
        var (_, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
    }

    [Fact]
    public async Task A_repeat_that_differs_only_in_JSON_spacing_and_member_order_is_the_same_request()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid());
        var reordered = SurveyRecords.Valid().Without("title").With("title", SurveyRecords.Valid()["title"]!.GetValue<string>());
        using var first = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid(), key);

        using var repeat = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset,
            Registrations.Json(reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true })), key);

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal("\"2\"", repeat.Headers.ETag?.Tag);
        var (_, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"2\"", etag);
    }

    [Fact]
    public async Task A_repeated_Idempotency_Key_with_another_body_is_422_and_changes_nothing()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());
        await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid(), key);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("다른 본문"), key);

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        var (body, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
        Assert.NotEqual("다른 본문", body.GetProperty("record").GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_Idempotency_Key_of_100_characters_is_accepted()
    {
        var p = await gateway.NewParticipant();

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, Ids.New("ds"), SurveyRecords.Valid(), ("Idempotency-Key", new string('k', 100)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task An_Idempotency_Key_over_100_characters_is_400_naming_it_and_stores_nothing()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid(), ("Idempotency-Key", new string('k', 101)));

        await response.AssertFieldErrors("Idempotency-Key");
        using var read = await p.Agency.Get(p.RoundId, p.InstitutionId, dataset);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_record_reads_the_same_to_its_agency_and_to_an_admin()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        var (asAgency, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        var (asAdmin, _) = await gateway.Surveys.Read(p.RoundId, p.InstitutionId, dataset);

        Assert.Equal(asAgency.ToString(), asAdmin.ToString());
    }
}
