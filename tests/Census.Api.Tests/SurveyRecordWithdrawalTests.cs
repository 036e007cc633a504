namespace Census.Api.Tests;

/// <summary>api.md "Survey records": <c>DELETE</c> withdraws a record while the round is open (409 otherwise).</summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class SurveyRecordWithdrawalTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Withdrawing_answers_204_and_the_record_is_then_404()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var read = await p.Agency.Get(p.RoundId, p.InstitutionId, dataset);
        await read.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_withdrawn_record_is_no_longer_listed()
    {
        var p = await gateway.NewParticipant();
        var kept = Ids.New("ds");
        var withdrawn = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, kept);
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, withdrawn);

        using (var response = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, withdrawn))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var list = await SurveyRecordListTests.ReadList(p.Agency, p.RoundId, p.InstitutionId, "");
        Assert.Equal([kept], list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("datasetId").GetString()!).ToArray());
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_withdrawn_record_no_longer_counts_in_the_assignment_or_the_round()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using (var response = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Equal(0, (await p.Agency.ReadAssignment(p.RoundId, p.InstitutionId)).GetProperty("datasets").GetInt32());
        Assert.Equal(0, (await gateway.Rounds.Read(p.RoundId)).GetProperty("progress").GetProperty("datasets").GetInt64());
    }

    [Fact]
    public async Task Withdrawing_after_the_round_closed_is_a_conflict_and_keeps_the_record()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await gateway.Rounds.CloseValid(p.RoundId);

        using var response = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset);

        await response.AssertProblem(HttpStatusCode.Conflict);
        var (_, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
    }

    [Fact]
    public async Task Withdrawing_a_record_that_does_not_exist_is_404()
    {
        var p = await gateway.NewParticipant();

        using var response = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, Ids.New("ds"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Withdrawing_twice_is_404_the_second_time()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        using (var first = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var second = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset);

        await second.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Withdrawing_with_a_stale_If_Match_is_412_and_keeps_the_record()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset, expected: HttpStatusCode.OK);

        using var response = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset, ("If-Match", "\"1\""));

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
        var (_, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"2\"", etag);
    }

    [Fact]
    public async Task Withdrawing_with_a_malformed_If_Match_is_400_naming_it_and_keeps_the_record()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);

        using var response = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset, ("If-Match", "latest"));

        await response.AssertFieldErrors("If-Match");
        var (_, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal("\"1\"", etag);
    }

    [Fact]
    public async Task A_withdrawn_dataset_may_be_reported_again_as_a_new_record()
    {
        var p = await gateway.NewParticipant();
        var dataset = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, dataset);
        using (var withdrawal = await p.Agency.Withdraw(p.RoundId, p.InstitutionId, dataset))
        {
            Assert.Equal(HttpStatusCode.NoContent, withdrawal.StatusCode);
        }

        using var response = await p.Agency.Put(p.RoundId, p.InstitutionId, dataset, SurveyRecords.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (_, etag) = await p.Agency.Read(p.RoundId, p.InstitutionId, dataset);
        Assert.Equal(response.Headers.ETag?.Tag, etag);
    }
}
