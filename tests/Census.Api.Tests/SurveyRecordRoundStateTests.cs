namespace Census.Api.Tests;

/// <summary>
/// api.md "Survey records": records change only while the round is open and only for invited
/// institutions (409 otherwise), and a refused write changes nothing.
/// </summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class SurveyRecordRoundStateTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Writing_to_a_draft_round_is_a_conflict_and_stores_nothing()
    {
        var institution = await gateway.NewInstitution();
        var round = await gateway.NewDraftRound(institution);
        var dataset = Ids.New("ds");

        using var response = await gateway.Surveys.Put(round, institution, dataset, SurveyRecords.Valid());

        await response.AssertProblem(HttpStatusCode.Conflict);
        using var read = await gateway.Surveys.Get(round, institution, dataset);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Writing_after_the_round_closed_is_a_conflict_and_keeps_the_record()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await gateway.Rounds.CloseValid(p.RoundId);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("마감 후 수정"));

        await response.AssertProblem(HttpStatusCode.Conflict);
        var (body, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
        Assert.NotEqual("마감 후 수정", body.GetProperty("record").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_new_dataset_after_the_round_closed_is_a_conflict()
    {
        var p = await gateway.NewParticipant();
        await gateway.Rounds.CloseValid(p.RoundId);

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, Ids.New("ds"), SurveyRecords.Valid());

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Records_remain_readable_after_the_round_closed()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await gateway.Rounds.CloseValid(p.RoundId);

        var (body, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);

        Assert.Equal("\"1\"", etag);
        Assert.Equal(dataset, body.GetProperty("datasetId").GetString());
    }

    [Fact]
    public async Task Writing_for_an_institution_the_round_does_not_invite_is_a_conflict_and_stores_nothing()
    {
        var invited = await gateway.NewInstitution();
        var uninvited = await gateway.NewInstitution("uninvited");
        var round = await gateway.NewOpenRound(invited);
        var dataset = Ids.New("ds");

        using var response = await gateway.Surveys.Put(round, uninvited, dataset, SurveyRecords.Valid());

        await response.AssertProblem(HttpStatusCode.Conflict);
        using var read = await gateway.Surveys.Get(round, uninvited, dataset);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_uninvited_agency_writing_for_itself_is_a_conflict()
    {
        var invited = await gateway.NewInstitution();
        var uninvited = await gateway.NewInstitution("uninvited");
        var key = await gateway.Admin.IssueValidKey(uninvited);
        var round = await gateway.NewOpenRound(invited);

        using var response = await gateway.SurveysAs(key.ApiKey).Put(round, uninvited, Ids.New("ds"), SurveyRecords.Valid());

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Writing_for_an_unregistered_institution_in_a_round_open_to_all_is_a_conflict()
    {
        var round = await gateway.NewOpenRound();

        using var response = await gateway.Surveys.Put(round, Ids.New("ghost"), Ids.New("ds"), SurveyRecords.Valid());

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Every_registered_institution_may_write_to_a_round_that_lists_none()
    {
        var institution = await gateway.NewInstitution();
        var round = await gateway.NewOpenRound();

        using var response = await gateway.Surveys.Put(round, institution, Ids.New("ds"), SurveyRecords.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Writing_to_an_unknown_round_is_404()
    {
        var institution = await gateway.NewInstitution();

        using var response = await gateway.Surveys.Put(Ids.New("nowhere"), institution, Ids.New("ds"), SurveyRecords.Valid());

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reading_a_record_of_an_unknown_round_is_404()
    {
        var institution = await gateway.NewInstitution();

        using var response = await gateway.Surveys.Get(Ids.New("nowhere"), institution, Ids.New("ds"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_records_of_an_unknown_round_is_404()
    {
        var institution = await gateway.NewInstitution();

        using var response = await gateway.Surveys.List(Ids.New("nowhere"), institution);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_record_reported_in_one_round_is_not_in_another()
    {
        var p = await gateway.NewParticipant();
        var otherRound = await gateway.NewOpenRound(p.InstitutionId);
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Get(otherRound, p.InstitutionId, dataset);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_same_dataset_reported_in_two_rounds_has_a_revision_in_each()
    {
        var p = await gateway.NewParticipant();
        var otherRound = await gateway.NewOpenRound(p.InstitutionId);
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, expected: HttpStatusCode.OK);

        using var response = await p.Agency.Put(otherRound, p.InstitutionId, dataset, SurveyRecords.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
    }
}
