namespace Census.Api.Tests;

/// <summary>
/// GET …/rounds/{roundId}/institutions/{institutionId}/audit: who changed what, when — the assignment's status changes
/// and its records' latest revisions, under the same access rule as the assignment.
/// </summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class AssignmentAuditTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_audit_lists_the_status_changes_with_the_submitter_and_each_records_latest_revision()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, expected: HttpStatusCode.OK);
        using (var submit = await p.Agency.Submit(p.RoundId, p.InstitutionId))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }

        using var response = await p.Agency.Client.GetAsync(SurveyRoutes.Assignment(p.RoundId, p.InstitutionId) + "/audit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = await response.ReadJson();
        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["responding", "submitted"], entries.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("actor").ValueKind);
        Assert.StartsWith("agency:" + p.InstitutionId, entries[1].GetProperty("actor").GetString(), StringComparison.Ordinal);
        var record = Assert.Single(audit.GetProperty("records").GetProperty("items").EnumerateArray());
        Assert.Equal(dataset, record.GetProperty("datasetId").GetString());
        Assert.Equal(2, record.GetProperty("revision").GetInt32());
        Assert.Equal(1, audit.GetProperty("records").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_institutions_audit_is_forbidden()
    {
        var p = await gateway.NewParticipant();
        var other = await gateway.NewParticipant();

        using var response = await p.Agency.Client.GetAsync(SurveyRoutes.Assignment(other.RoundId, other.InstitutionId) + "/audit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_audit_of_a_round_that_does_not_invite_the_institution_is_not_found()
    {
        var p = await gateway.NewParticipant();
        var other = await gateway.NewParticipant();

        using var response = await gateway.Surveys.Client.GetAsync(SurveyRoutes.Assignment(other.RoundId, p.InstitutionId) + "/audit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
