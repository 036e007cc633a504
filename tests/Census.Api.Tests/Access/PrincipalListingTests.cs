using Census.Contracts.Access;

namespace Census.Api.Tests.Access;

/// <summary>The admin's view of an organisation's people: GET /api/v1/principals?organisation= (the console's organisation page).</summary>
[Collection(AccessCollection.Name)]
public sealed class PrincipalListingTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Listing_principals_of_an_organisation_shows_its_people_only()
    {
        var first = await AccessScene.NewRequester(gateway, OrganisationKind.University, verified: true);
        var (secondOfFirst, _, _) = await AccessScene.NewRequesterOf(gateway, first.Organisation);
        var other = await AccessScene.NewRequester(gateway, OrganisationKind.Company, verified: true);

        var page = await AccessScene.Ok(gateway.Admin.Client, HttpMethod.Get, $"/api/v1/principals?organisation={first.Organisation}&role=requester", null);

        var ids = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { first.Id, secondOfFirst }.Order(StringComparer.Ordinal), ids);
        Assert.DoesNotContain(other.Id, ids);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Listing_principals_of_a_malformed_organisation_id_is_a_bad_request_naming_it()
    {
        using var response = await gateway.Admin.Client.GetAsync("/api/v1/principals?organisation=Not%20An%20Id");

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("organisation", out _));
    }
}
