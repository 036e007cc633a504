using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Census.Contracts.Access;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;

namespace Census.Api.Tests.Access;

/// <summary>Issue 14: access requests for restricted data, their workflow and the refusals of provision.md §2.</summary>
[Collection(AccessCollection.Name)]
public sealed class AccessRequestTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_request_approved_by_the_institution_and_a_reviewer_gives_a_grant_whose_download_matches_the_manifest()
    {
        var scene = await AccessScene.Arrange(gateway);

        var grantId = await scene.GrantedAsync();

        var grant = await AccessScene.Ok(scene.Requester, HttpMethod.Get, $"/api/v1/grants/{grantId}", null);
        Assert.Equal("live", grant.GetProperty("status").GetString());
        Assert.Equal("download", grant.GetProperty("kind").GetString());
        using var download = await scene.Download(grantId);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var manifest = await AccessScene.Ok(scene.Agency, HttpMethod.Get, $"{scene.Dataset}/releases/{scene.Version}/manifest", null);
        Assert.Equal(manifest.GetProperty("files")[0].GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task One_approval_leaves_the_request_in_review_without_a_grant()
    {
        var scene = await AccessScene.Arrange(gateway);
        var id = await scene.SubmittedAsync();

        var reviewed = await AccessScene.Decide(scene.Reviewer, id, "approve");

        Assert.Equal("in-review", reviewed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, reviewed.GetProperty("grantId").ValueKind);
    }

    [Fact]
    public async Task A_request_for_a_version_never_published_is_refused_and_nothing_is_stored()
    {
        var scene = await AccessScene.Arrange(gateway);
        await scene.AcceptAsync();
        var body = scene.Submission();
        body["version"] = "9.0";

        using var response = await scene.Requester.PostAsync("/api/v1/access-requests", body.AsJson());

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        await AssertNoRequests(scene);
    }

    [Fact]
    public async Task A_request_for_open_data_is_refused_because_it_needs_none()
    {
        var scene = await AccessScene.Arrange(gateway, ReleaseTier.Open);

        using var response = await scene.Requester.PostAsync("/api/v1/access-requests", scene.Submission().AsJson());

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("needs no request", problem.GetProperty("detail").GetString());
        await AssertNoRequests(scene);
    }

    [Fact]
    public async Task A_period_over_the_limit_is_a_field_error()
    {
        var scene = await AccessScene.Arrange(gateway);
        await scene.AcceptAsync();

        using var response = await scene.Requester.PostAsync("/api/v1/access-requests", scene.Submission(periodDays: 366).AsJson());

        await response.AssertFieldErrors("periodDays");
        await AssertNoRequests(scene);
    }

    [Fact]
    public async Task A_safe_zone_request_over_25_days_is_a_field_error()
    {
        var scene = await AccessScene.Arrange(gateway, ReleaseTier.SafeZoneOnly);
        await scene.AcceptAsync(ReleaseTier.SafeZoneOnly);

        using var response = await scene.Requester.PostAsync("/api/v1/access-requests", scene.Submission(periodDays: 26).AsJson());

        await response.AssertFieldErrors("periodDays");
    }

    [Fact]
    public async Task A_requester_of_an_unverified_organisation_is_forbidden()
    {
        var scene = await AccessScene.Arrange(gateway);
        var (_, requester, client) = await AccessScene.NewRequester(gateway, OrganisationKind.University, verified: false);

        using var response = await client.PostAsync("/api/v1/access-requests", scene.Submission(analyst: requester).AsJson());

        var problem = await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Contains("not yet verified", problem.GetProperty("detail").GetString());
        await AssertNoRequests(scene);
    }

    [Fact]
    public async Task A_commercial_purpose_on_a_non_commercial_licence_is_refused_with_why()
    {
        var scene = await AccessScene.Arrange(gateway, ReleaseTier.Restricted, License.CcByNc);
        await scene.AcceptAsync();

        using var response = await scene.Requester.PostAsync("/api/v1/access-requests", scene.Submission(purpose: "commercial-service").AsJson());

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("excludes commercial use", problem.GetProperty("detail").GetString());
        await AssertNoRequests(scene);
    }

    [Fact]
    public async Task A_request_without_accepting_the_current_agreement_is_refused()
    {
        var scene = await AccessScene.Arrange(gateway);

        using var response = await scene.Requester.PostAsync("/api/v1/access-requests", scene.Submission().AsJson());

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Accept agreement version 1", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_analyst_of_another_organisation_is_refused()
    {
        var scene = await AccessScene.Arrange(gateway);
        var (_, stranger, _) = await AccessScene.NewRequester(gateway, OrganisationKind.Company, verified: true);
        await scene.AcceptAsync();

        using var response = await scene.Requester.PostAsync("/api/v1/access-requests", scene.Submission(analyst: stranger).AsJson());

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        await AssertNoRequests(scene);
    }

    [Fact]
    public async Task A_reviewer_of_the_requesters_own_organisation_cannot_approve()
    {
        var scene = await AccessScene.Arrange(gateway);
        var id = await scene.SubmittedAsync();
        var (_, ownKey) = await Processing.ProcessingScene.NewReviewer(gateway, scene.OrganisationId);
        var own = gateway.As(ownKey).Client;

        using var response = await own.PostAsync($"/api/v1/access-requests/{id}/decisions",
            new JsonObject { ["decision"] = "approve", ["reason"] = "문제 없음" }.AsJson());

        await response.AssertProblem(HttpStatusCode.Forbidden);
        var request = await AccessScene.Ok(scene.Admin, HttpMethod.Get, $"/api/v1/access-requests/{id}", null);
        Assert.Equal("submitted", request.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("reviewerApproval").ValueKind);
    }

    [Fact]
    public async Task An_admin_cannot_approve_in_the_institutions_place()
    {
        var scene = await AccessScene.Arrange(gateway);
        var id = await scene.SubmittedAsync();

        using var response = await scene.Admin.PostAsync($"/api/v1/access-requests/{id}/decisions",
            new JsonObject { ["decision"] = "approve", ["reason"] = "대리 승인" }.AsJson());

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_second_reviewer_approval_is_a_conflict()
    {
        var scene = await AccessScene.Arrange(gateway);
        var id = await scene.SubmittedAsync();
        await AccessScene.Decide(scene.Reviewer, id, "approve");

        using var again = await scene.Reviewer.PostAsync($"/api/v1/access-requests/{id}/decisions",
            new JsonObject { ["decision"] = "approve", ["reason"] = "다시" }.AsJson());

        await again.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Changes_requested_then_resubmitted_need_both_approvals_again()
    {
        var scene = await AccessScene.Arrange(gateway);
        var id = await scene.SubmittedAsync();
        await AccessScene.Decide(scene.Reviewer, id, "approve");
        var asked = await AccessScene.Decide(scene.Agency, id, "request-changes");
        Assert.Equal("changes-requested", asked.GetProperty("status").GetString());

        var resubmitted = await AccessScene.Ok(scene.Requester, HttpMethod.Post, $"/api/v1/access-requests/{id}/resubmission",
            new JsonObject { ["periodDays"] = 30, ["note"] = "기간을 30일로 줄임" });

        Assert.Equal("resubmitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal(30, resubmitted.GetProperty("periodDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, resubmitted.GetProperty("reviewerApproval").ValueKind);
        await AccessScene.Decide(scene.Agency, id, "approve");
        var approved = await AccessScene.Decide(scene.Reviewer, id, "approve");
        Assert.Equal("approved", approved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_due_date_is_extended_once_with_a_reason()
    {
        var scene = await AccessScene.Arrange(gateway);
        var id = await scene.SubmittedAsync();
        var before = await AccessScene.Ok(scene.Agency, HttpMethod.Get, $"/api/v1/access-requests/{id}", null);

        var extended = await AccessScene.Ok(scene.Agency, HttpMethod.Post, $"/api/v1/access-requests/{id}/extension",
            new JsonObject { ["days"] = 7, ["reason"] = "외부 자문 필요" });
        using var twice = await scene.Agency.PostAsync($"/api/v1/access-requests/{id}/extension",
            new JsonObject { ["days"] = 3, ["reason"] = "또" }.AsJson());

        Assert.Equal(before.GetProperty("dueAt").GetDateTimeOffset().AddDays(7), extended.GetProperty("dueAt").GetDateTimeOffset());
        await twice.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Each_party_lists_only_the_requests_that_concern_it()
    {
        var scene = await AccessScene.Arrange(gateway);
        var id = await scene.SubmittedAsync();
        var (_, _, stranger) = await AccessScene.NewRequester(gateway, OrganisationKind.Company, verified: true);

        Assert.Contains(id, await Ids(scene.Requester));
        Assert.Contains(id, await Ids(scene.Agency));
        Assert.Contains(id, await Ids(scene.Reviewer));
        Assert.DoesNotContain(id, await Ids(stranger));
        using var peek = await stranger.GetAsync($"/api/v1/access-requests/{id}");
        await peek.AssertProblem(HttpStatusCode.Forbidden);

        static async Task<List<string>> Ids(HttpClient client)
        {
            var page = await AccessScene.Ok(client, HttpMethod.Get, "/api/v1/access-requests?pageSize=200", null);
            return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
        }
    }

    [Fact]
    public async Task Listing_requests_of_one_dataset_shows_that_datasets_requests_only()
    {
        var scene = await AccessScene.Arrange(gateway);
        var id = await scene.SubmittedAsync();

        var mine = await AccessScene.Ok(scene.Agency, HttpMethod.Get, $"/api/v1/access-requests?datasetId={AccessScene.DatasetId}", null);
        var other = await AccessScene.Ok(scene.Agency, HttpMethod.Get, "/api/v1/access-requests?datasetId=another-dataset", null);

        Assert.Equal([id], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        Assert.Equal(0, other.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Listing_requests_of_a_malformed_dataset_id_is_a_bad_request_naming_it()
    {
        var scene = await AccessScene.Arrange(gateway);

        using var response = await scene.Agency.GetAsync("/api/v1/access-requests?datasetId=Not%20An%20Id");

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("datasetId", out _));
    }

    private static async Task AssertNoRequests(AccessScene scene)
    {
        var page = await AccessScene.Ok(scene.Admin, HttpMethod.Get, $"/api/v1/access-requests?institutionId={scene.InstitutionId}", null);
        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }
}
