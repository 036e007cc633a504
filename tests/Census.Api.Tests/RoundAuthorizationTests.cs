namespace Census.Api.Tests;

/// <summary>
/// api.md "Conventions" (auth), "Rounds" and "Survey records": every round and survey route against
/// every kind of caller. Missing or unknown key → 401; an agency → 403 on admin-only routes and on
/// another institution's routes; an agency on its own institution's routes, and an admin, succeed.
/// </summary>
[Collection(RoundAuthorizationCollection.Name)]
public sealed class RoundAuthorizationTests(GatewayFixture gateway)
{
    public enum Caller
    {
        NoKey,
        WrongKey,
        OtherInstitutionAgency,
        OwnInstitutionAgency,
        Admin,
    }

    public enum Route
    {
        CreateRound,
        ListRounds,
        GetRound,
        OpenRound,
        CloseRound,
        SetWeights,
        GetAssignment,
        Submit,
        ListRecords,
        PutRecord,
        GetRecord,
        WithdrawRecord,
    }

    private static readonly Route[] AdminOnly = [Route.CreateRound, Route.ListRounds, Route.OpenRound, Route.CloseRound, Route.SetWeights];

    public static TheoryData<Route, Caller, HttpStatusCode> Cases()
    {
        var data = new TheoryData<Route, Caller, HttpStatusCode>();
        foreach (var route in Enum.GetValues<Route>())
        {
            var success = route switch
            {
                Route.CreateRound or Route.PutRecord => HttpStatusCode.Created,
                Route.WithdrawRecord => HttpStatusCode.NoContent,
                _ => HttpStatusCode.OK,
            };
            data.Add(route, Caller.NoKey, HttpStatusCode.Unauthorized);
            data.Add(route, Caller.WrongKey, HttpStatusCode.Unauthorized);
            data.Add(route, Caller.OtherInstitutionAgency, HttpStatusCode.Forbidden);
            data.Add(route, Caller.OwnInstitutionAgency, AdminOnly.Contains(route) ? HttpStatusCode.Forbidden : success);
            data.Add(route, Caller.Admin, success);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_round_and_survey_route_answers_each_caller_with_the_contract_status(Route route, Caller caller, HttpStatusCode expected)
    {
        // Arrange: the target institution, invited to an open round with one record; another institution
        // (not invited) with its own key; a draft round to open.
        var participant = await gateway.NewParticipant();
        var (round, target) = (participant.RoundId, participant.InstitutionId);
        var other = await gateway.NewInstitution("other");
        var otherKey = await gateway.Admin.IssueValidKey(other);
        var draft = await gateway.NewDraftRound(target);
        var dataset = Ids.New("ds");
        await gateway.Surveys.PutValid(round, target, dataset);
        using var client = gateway.Factory.ClientWith(caller switch
        {
            Caller.NoKey => null,
            Caller.WrongKey => "Bearer " + CensusGatewayFactory.NewAdminKey(),
            Caller.OtherInstitutionAgency => "Bearer " + otherKey.ApiKey,
            Caller.OwnInstitutionAgency => "Bearer " + participant.ApiKey,
            Caller.Admin => "Bearer " + gateway.AdminKey,
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        });
        var rounds = new RoundRoutes(client);
        var surveys = new SurveyRoutes(client);

        // Act
        using var response = route switch
        {
            Route.CreateRound => await rounds.Create(RoundDefinitions.Valid(Ids.New("round"), target)),
            Route.ListRounds => await rounds.List(),
            Route.GetRound => await rounds.Get(round),
            Route.OpenRound => await rounds.Open(draft),
            Route.CloseRound => await rounds.Close(round),
            Route.SetWeights => await rounds.SetWeights(round, RoundDefinitions.Weights(10, 10, 10, 10, 10, 10, 10, 10, 10, 10)),
            Route.GetAssignment => await surveys.GetAssignment(round, target),
            Route.Submit => await surveys.Submit(round, target),
            Route.ListRecords => await surveys.List(round, target),
            Route.PutRecord => await surveys.Put(round, target, Ids.New("ds"), SurveyRecords.Valid()),
            Route.GetRecord => await surveys.Get(round, target, dataset),
            Route.WithdrawRecord => await surveys.Withdraw(round, target, dataset),
            _ => throw new ArgumentOutOfRangeException(nameof(route)),
        };

        // Assert
        if ((int)expected >= 400)
        {
            await response.AssertProblem(expected);
        }
        else
        {
            Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task An_agency_may_not_read_a_round_its_institution_is_not_invited_to()
    {
        var invited = await gateway.NewInstitution();
        var uninvited = await gateway.NewInstitution("uninvited");
        var key = await gateway.Admin.IssueValidKey(uninvited);
        var round = await gateway.NewOpenRound(invited);

        using var response = await gateway.RoundsAs(key.ApiKey).Get(round);

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_agency_reading_a_round_does_not_see_which_other_institutions_are_invited()
    {
        var invited = await gateway.NewInstitution();
        var alsoInvited = await gateway.NewInstitution("also");
        var key = await gateway.Admin.IssueValidKey(invited);
        var round = await gateway.NewOpenRound(invited, alsoInvited);

        using var asAgency = await gateway.RoundsAs(key.ApiKey).Get(round);
        using var asAdmin = await gateway.Rounds.Get(round);

        Assert.Equal(HttpStatusCode.OK, asAgency.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await asAgency.ReadJson()).GetProperty("institutions").ValueKind);
        Assert.Equal(2, (await asAdmin.ReadJson()).GetProperty("institutions").GetArrayLength());
    }

    [Fact]
    public async Task An_agency_may_read_a_round_that_invites_every_institution()
    {
        var institution = await gateway.NewInstitution();
        var key = await gateway.Admin.IssueValidKey(institution);
        var round = await gateway.NewDraftRound();

        using var response = await gateway.RoundsAs(key.ApiKey).Get(round);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(round, (await response.ReadJson()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Refused_put_by_another_institution_stores_nothing()
    {
        var participant = await gateway.NewParticipant();
        var other = await gateway.NewInstitution("other");
        var otherKey = await gateway.Admin.IssueValidKey(other);
        var dataset = Ids.New("ds");

        using var refused = await gateway.SurveysAs(otherKey.ApiKey).Put(participant.RoundId, participant.InstitutionId, dataset, SurveyRecords.Valid());

        await refused.AssertProblem(HttpStatusCode.Forbidden);
        using var read = await gateway.Surveys.Get(participant.RoundId, participant.InstitutionId, dataset);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Refused_withdrawal_by_another_institution_leaves_the_record()
    {
        var participant = await gateway.NewParticipant();
        var other = await gateway.NewInstitution("other");
        var otherKey = await gateway.Admin.IssueValidKey(other);
        var dataset = Ids.New("ds");
        await gateway.Surveys.PutValid(participant.RoundId, participant.InstitutionId, dataset);

        using var refused = await gateway.SurveysAs(otherKey.ApiKey).Withdraw(participant.RoundId, participant.InstitutionId, dataset);

        await refused.AssertProblem(HttpStatusCode.Forbidden);
        var (_, etag) = await gateway.Surveys.Read(participant.RoundId, participant.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
    }

    [Fact]
    public async Task Refused_close_by_an_agency_leaves_the_round_open()
    {
        var participant = await gateway.NewParticipant();

        using var refused = await gateway.RoundsAs(participant.ApiKey).Close(participant.RoundId);

        await refused.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("open", await gateway.Rounds.State(participant.RoundId));
    }

    [Fact]
    public async Task Refused_submit_by_another_institution_leaves_the_assignment_as_it_was()
    {
        var participant = await gateway.NewParticipant();
        var other = await gateway.NewInstitution("other");
        var otherKey = await gateway.Admin.IssueValidKey(other);

        using var refused = await gateway.SurveysAs(otherKey.ApiKey).Submit(participant.RoundId, participant.InstitutionId);

        await refused.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("invited", await gateway.Surveys.Status(participant.RoundId, participant.InstitutionId));
    }

    [Fact]
    public async Task A_record_written_with_an_agency_key_names_that_agency_as_its_author()
    {
        var participant = await gateway.NewParticipant();

        var written = await participant.Agency.PutValid(participant.RoundId, participant.InstitutionId, Ids.New("ds"));

        Assert.StartsWith($"agency:{participant.InstitutionId}/", written.GetProperty("updatedBy").GetString(), StringComparison.Ordinal);
    }
}
