namespace Census.Api.Tests.Access;

/// <summary>The demand report's refusals (its figures are asserted at the end of the provision chain).</summary>
[Collection(AccessCollection.Name)]
public sealed class DemandReportApiTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-12-02&to=2026-12-01", "from")]
    public async Task A_bad_period_is_a_field_error(string query, string field)
    {
        using var response = await gateway.Admin.Client.GetAsync($"/api/v1/rounds/{Ids.New("round")}/reports/demand?{query}");

        await response.AssertFieldErrors(field);
    }

    [Fact]
    public async Task An_unknown_round_is_not_found()
    {
        using var response = await gateway.Admin.Client.GetAsync($"/api/v1/rounds/{Ids.New("round")}/reports/demand");

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_agency_may_not_read_it()
    {
        var institution = await gateway.NewInstitution("dem");
        var agency = gateway.As((await gateway.Admin.IssueValidKey(institution)).ApiKey).Client;

        using var response = await agency.GetAsync($"/api/v1/rounds/{Ids.New("round")}/reports/demand");

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }
}
