namespace Census.Api.Tests;

/// <summary>Every gateway response names its request in <c>X-Request-Id</c>, the same id a problem calls <c>traceId</c>.</summary>
[Collection(OperationsCollection.Name)]
public sealed class RequestIdTests(GatewayFixture gateway)
{
    private const string Header = "X-Request-Id";

    [Fact]
    public async Task A_404_problem_carries_the_request_id_of_its_response_as_traceId()
    {
        using var response = await gateway.Admin.Get(Ids.New());

        var problem = await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(RequestId(response), problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task A_401_problem_carries_the_request_id_of_its_response_as_traceId()
    {
        using var client = gateway.Anonymous();

        using var response = await client.GetAsync(CensusApi.Institutions);

        var problem = await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(RequestId(response), problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task A_successful_response_carries_a_request_id_too()
    {
        using var response = await gateway.Admin.List();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(RequestId(response)));
    }

    [Fact]
    public async Task Two_requests_have_different_ids()
    {
        using var first = await gateway.Admin.List();
        using var second = await gateway.Admin.List();

        Assert.NotEqual(RequestId(first), RequestId(second));
    }

    private static string RequestId(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues(Header, out var values), $"The response has no {Header} header.");
        return Assert.Single(values);
    }
}
