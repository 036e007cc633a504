namespace Census.Api.Tests.Security;

/// <summary>
/// api.md "Conventions": an error is <c>application/problem+json</c> whatever the client asks for, and
/// the routing errors are problems too — a path no route matches is 404, a method a route does not
/// take is 405 with <c>Allow</c>. Clients send <c>Accept: text/csv</c> to the report routes and
/// browsers send <c>text/html</c>; neither may turn an error into text/plain, or a 401 into a 500.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ErrorResponseTests(GatewayFixture gateway)
{
    public static readonly TheoryData<string?> Accepts = new() { null, "application/json", "text/csv", "text/html", "image/png", "*/*" };

    private async Task<HttpResponseMessage> Send(string method, string path, string? accept, string? authorization = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await gateway.Anonymous().SendAsync(request);
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here")]
    [InlineData("POST", "/api/v1/nothing-here")]
    [InlineData("PUT", "/api/v1/nothing-here")]
    [InlineData("DELETE", "/api/v1/nothing-here")]
    [InlineData("GET", "/api/v1")]
    [InlineData("GET", "/api/v2/institutions")]
    [InlineData("DELETE", "/api/v1/rounds/some-round/nothing")]
    [InlineData("PUT", "/api/v1/institutions/some-id/api-keys/0123456789ab/extra")]
    [InlineData("GET", "/nothing-here")]
    [InlineData("POST", "/api")]
    public async Task An_unknown_path_is_404_problem_json(string method, string path)
    {
        using var response = await Send(method, path, accept: null, "Bearer " + gateway.AdminKey);

        var problem = await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task An_unknown_path_is_404_problem_json_whatever_the_client_accepts(string? accept)
    {
        using var response = await Send("GET", "/api/v1/nothing-here", accept);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("PUT", "/api/v1/institutions", "GET, POST")]
    [InlineData("DELETE", "/api/v1/rounds", "GET, POST")]
    [InlineData("PATCH", "/api/v1/rounds/some-round", "GET")]
    [InlineData("GET", "/api/v1/rounds/some-round/open", "POST")]
    [InlineData("POST", "/api/v1/rounds/some-round/weights", "PUT")]
    [InlineData("POST", "/api/v1/rounds/some-round/institutions/some-inst/datasets/ds-1", "DELETE, GET, PUT")]
    [InlineData("HEAD", "/api/v1/institutions", "GET, POST")]
    [InlineData("OPTIONS", "/api/v1/rounds/some-round/selection", "GET, POST")]
    public async Task A_method_the_route_does_not_take_is_405_problem_json_with_Allow(string method, string path, string allowed)
    {
        using var response = await Send(method, path, accept: null, "Bearer " + gateway.AdminKey);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(allowed.Split(", "), response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        if (method != "HEAD")
        {
            var problem = await response.AssertProblem(HttpStatusCode.MethodNotAllowed);
            Assert.Contains(method, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("POST", "/health/live")]
    [InlineData("DELETE", "/health/ready")]
    public async Task A_health_probe_takes_only_GET_and_HEAD(string method, string path)
    {
        using var refused = await Send(method, path, accept: null);
        using var head = await Send("HEAD", path, accept: null);
        using var get = await Send("GET", path, accept: null);

        await refused.AssertProblem(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "HEAD"], refused.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task A_wrong_method_is_405_problem_json_whatever_the_client_accepts(string? accept)
    {
        using var response = await Send("PUT", "/api/v1/institutions", accept);

        await response.AssertProblem(HttpStatusCode.MethodNotAllowed);
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task A_request_without_a_key_is_401_problem_json_whatever_the_client_accepts(string? accept)
    {
        using var response = await Send("GET", "/api/v1/rounds/some-round/reports/institutions", accept);

        await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task A_request_with_an_unknown_key_is_401_problem_json_whatever_the_client_accepts(string? accept)
    {
        using var response = await Send("GET", "/api/v1/institutions", accept, "Bearer cen.some-inst.0123456789ab.not-a-secret");

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task An_agency_key_on_an_admin_route_is_403_problem_json_whatever_the_client_accepts(string? accept)
    {
        var institution = await gateway.NewInstitution();
        var key = await gateway.Admin.IssueValidKey(institution);

        using var response = await Send("GET", "/api/v1/rounds/some-round/reports/sectors", accept, "Bearer " + key.ApiKey);

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task A_body_of_another_media_type_is_415_problem_json_whatever_the_client_accepts(string? accept)
    {
        using var response = await Send("POST", "/api/v1/rounds/some-round/rankings", accept, "Bearer " + gateway.AdminKey,
            new StringContent("<run/>", Encoding.UTF8, "application/xml"));

        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_route_problem_carries_a_trace_id_even_when_the_client_accepts_only_csv()
    {
        using var response = await Send("GET", "/api/v1/rounds/no-such-round/reports/institutions", "text/csv", "Bearer " + gateway.AdminKey);

        var problem = await response.AssertProblem(HttpStatusCode.NotFound);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Theory]
    [InlineData("/openapi/v2.json")]
    [InlineData("/openapi/nothing.json")]
    public async Task An_OpenAPI_document_that_does_not_exist_is_404_problem_json(string path)
    {
        using var response = await Send("GET", path, accept: null);

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_still_served_under_its_name_in_any_case()
    {
        using var response = await Send("GET", "/openapi/V1.json", accept: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
