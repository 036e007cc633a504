namespace Census.Api.Tests;

/// <summary>
/// api.md "Survey records" (Assignment) and "Rounds" (progress): invited → responding → submitted,
/// back to responding on a later edit, and the round's counters following along.
/// </summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class AssignmentTests(GatewayFixture gateway)
{
    [Fact]
    public async Task An_invited_institution_that_has_not_reported_is_invited_with_no_datasets()
    {
        var p = await gateway.NewParticipant();

        var assignment = await p.Agency.ReadAssignment(p.RoundId, p.InstitutionId);

        Assert.Equal("invited", assignment.GetProperty("status").GetString());
        Assert.Equal(0, assignment.GetProperty("datasets").GetInt32());
        Assert.Equal(JsonValueKind.Null, assignment.GetProperty("submittedAt").ValueKind);
    }

    [Fact]
    public async Task The_first_record_makes_the_assignment_responding()
    {
        var p = await gateway.NewParticipant();

        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));

        var assignment = await p.Agency.ReadAssignment(p.RoundId, p.InstitutionId);
        Assert.Equal("responding", assignment.GetProperty("status").GetString());
        Assert.Equal(1, assignment.GetProperty("datasets").GetInt32());
    }

    [Fact]
    public async Task Submitting_answers_200_with_the_assignment_submitted()
    {
        var p = await gateway.NewParticipant();
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        using var response = await p.Agency.Submit(p.RoundId, p.InstitutionId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var assignment = await response.ReadJson();
        Assert.Equal("submitted", assignment.GetProperty("status").GetString());
        Assert.Equal(1, assignment.GetProperty("datasets").GetInt32());
        Assert.InRange(assignment.GetProperty("submittedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal("submitted", await p.Agency.Status(p.RoundId, p.InstitutionId));
    }

    [Fact]
    public async Task Editing_after_submitting_makes_the_assignment_responding_again()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        using (var submit = await p.Agency.Submit(p.RoundId, p.InstitutionId))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }

        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid("제출 후 수정"), HttpStatusCode.OK);

        Assert.Equal("responding", await p.Agency.Status(p.RoundId, p.InstitutionId));
    }

    [Fact]
    public async Task Withdrawing_a_record_after_submitting_makes_the_assignment_responding_again()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));
        using (var submit = await p.Agency.Submit(p.RoundId, p.InstitutionId))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }

        using (var withdraw = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdraw.StatusCode);
        }

        Assert.Equal("responding", await p.Agency.Status(p.RoundId, p.InstitutionId));
    }

    [Fact]
    public async Task Submitting_to_a_draft_round_is_a_conflict()
    {
        var institution = await gateway.NewInstitution();
        var round = await gateway.NewDraftRound(institution);

        using var response = await gateway.Surveys.Submit(round, institution);

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Submitting_after_the_round_closed_is_a_conflict_and_keeps_the_status()
    {
        var p = await gateway.NewParticipant();
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));
        await gateway.Rounds.CloseValid(p.RoundId);

        using var response = await p.Agency.Submit(p.RoundId, p.InstitutionId);

        await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal("responding", await p.Agency.Status(p.RoundId, p.InstitutionId));
    }

    [Fact]
    public async Task Submitting_for_an_uninvited_institution_is_a_conflict()
    {
        var invited = await gateway.NewInstitution();
        var uninvited = await gateway.NewInstitution("uninvited");
        var round = await gateway.NewOpenRound(invited);

        using var response = await gateway.Surveys.Submit(round, uninvited);

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Submitting_to_an_unknown_round_is_404()
    {
        var institution = await gateway.NewInstitution();

        using var response = await gateway.Surveys.Submit(Ids.New("nowhere"), institution);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_uninvited_institution_has_no_assignment()
    {
        var invited = await gateway.NewInstitution();
        var uninvited = await gateway.NewInstitution("uninvited");
        var round = await gateway.NewOpenRound(invited);

        using var response = await gateway.Surveys.GetAssignment(round, uninvited);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_round_has_no_assignment()
    {
        var institution = await gateway.NewInstitution();

        using var response = await gateway.Surveys.GetAssignment(Ids.New("nowhere"), institution);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Round_progress_counts_invited_responding_submitted_and_datasets()
    {
        var first = await gateway.NewInstitution();
        var second = await gateway.NewInstitution();
        var third = await gateway.NewInstitution();
        var round = await gateway.NewOpenRound(first, second, third);
        await gateway.Surveys.PutValid(round, first, "ds-1");
        await gateway.Surveys.PutValid(round, first, "ds-2");
        await gateway.Surveys.PutValid(round, second, "ds-1");
        using (var submit = await gateway.Surveys.Submit(round, second))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }

        var progress = (await gateway.Rounds.Read(round)).GetProperty("progress");

        Assert.Equal(3, progress.GetProperty("invited").GetInt32());
        Assert.Equal(1, progress.GetProperty("responding").GetInt32());
        Assert.Equal(1, progress.GetProperty("submitted").GetInt32());
        Assert.Equal(3, progress.GetProperty("datasets").GetInt64());
    }

    [Fact]
    public async Task Round_progress_moves_a_resubmitting_institution_back_to_responding()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        using (var submit = await p.Agency.Submit(p.RoundId, p.InstitutionId))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }

        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, expected: HttpStatusCode.OK);

        var progress = (await gateway.Rounds.Read(p.RoundId)).GetProperty("progress");
        Assert.Equal(1, progress.GetProperty("responding").GetInt32());
        Assert.Equal(0, progress.GetProperty("submitted").GetInt32());
        Assert.Equal(1, progress.GetProperty("datasets").GetInt64());
    }

    [Fact]
    public async Task Rewriting_a_record_does_not_count_it_twice()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, expected: HttpStatusCode.OK);

        Assert.Equal(1, (await p.Agency.ReadAssignment(p.RoundId, p.InstitutionId)).GetProperty("datasets").GetInt32());
        Assert.Equal(1, (await gateway.Rounds.Read(p.RoundId)).GetProperty("progress").GetProperty("datasets").GetInt64());
    }

    [Fact]
    public async Task An_agency_reads_the_progress_of_a_round_it_is_invited_to()
    {
        var p = await gateway.NewParticipant();
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));

        using var response = await gateway.RoundsAs(p.ApiKey).Get(p.RoundId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJson()).GetProperty("progress").GetProperty("responding").GetInt32());
    }
}
