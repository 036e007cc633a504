using System.Text.Json.Nodes;
using Census.ApiGateway.Http;
using Census.Contracts.Idempotency;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Api.Tests;

/// <summary>
/// Issue 9, defect 3 (api.md "Conventions"): Idempotency-Key on every POST and PUT. The same key with the same request
/// gets the first reply (status, body, Location, ETag) and changes nothing; with another request → 422; while the
/// first runs → 409 with Retry-After; a malformed key → 400. The survey-record PUT keeps its own mechanism.
/// </summary>
public sealed class IdempotencyTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Header = "Idempotency-Key";

    /// <summary>A request to send: a POST or PUT and its body (null: none).</summary>
    public sealed record Call(HttpMethod Method, string Path, JsonNode? Body)
    {
        /// <summary>The API key to send it with; null: the admin's.</summary>
        public string? ApiKey { get; init; }
    }

    /// <summary>Every POST and PUT route of api.md but the survey-record PUT, with what it needs to succeed once.</summary>
    private static readonly Dictionary<string, Func<GatewayFixture, Task<Call>>> Routes = new()
    {
        ["RegisterInstitution"] = _ => Task.FromResult(new Call(HttpMethod.Post, CensusApi.Institutions, Registrations.Valid(Ids.New()))),
        ["IssueApiKey"] = async g => new Call(HttpMethod.Post, $"{CensusApi.Institutions}/{await g.NewInstitution()}/api-keys", null),
        ["CreateRound"] = async g => new Call(HttpMethod.Post, RoundRoutes.Rounds, RoundDefinitions.Valid(Ids.New("round"), await g.NewInstitution())),
        ["OpenRound"] = async g => new Call(HttpMethod.Post, $"{RoundRoutes.Rounds}/{await g.NewDraftRound(await g.NewInstitution())}/open", null),
        ["CloseRound"] = async g => new Call(HttpMethod.Post, $"{RoundRoutes.Rounds}/{await g.NewOpenRound(await g.NewInstitution())}/close", null),
        ["SetRubricWeights"] = async g => new Call(
            HttpMethod.Put, $"{RoundRoutes.Rounds}/{await g.NewDraftRound(await g.NewInstitution())}/weights", RoundDefinitions.Weights(10, 10, 10, 10, 10, 10, 10, 10, 10, 10)),
        ["StartRankingRun"] = async g => new Call(HttpMethod.Post, $"{RoundRoutes.Rounds}/{(await ParticipantWithRecord(g)).RoundId}/rankings", new JsonObject()),
        ["FinalizeSelection"] = async g =>
        {
            var p = await ParticipantWithRecord(g);
            await g.Rounds.CloseValid(p.RoundId);
            var runId = await CompletedRun(g, p.RoundId);
            return new Call(HttpMethod.Post, $"{RoundRoutes.Rounds}/{p.RoundId}/selection", new JsonObject { ["runId"] = runId });
        },
        ["SubmitAssignment"] = async g =>
        {
            var p = await ParticipantWithRecord(g);
            return new Call(HttpMethod.Post, SurveyRoutes.Assignment(p.RoundId, p.InstitutionId) + "/submit", null);
        },
        ["RegisterPrincipal"] = _ => Task.FromResult(new Call(HttpMethod.Post, "/api/v1/principals", new JsonObject
        {
            ["id"] = Ids.New("rev"), ["name"] = "검토자", ["role"] = "reviewer", ["organisation"] = "kisti",
        })),
        ["IssuePrincipalApiKey"] = async g => new Call(HttpMethod.Post, $"/api/v1/principals/{(await Processing.ProcessingScene.NewReviewer(g, "kisti")).Id}/api-keys", null),
        ["SetDeidentificationPolicy"] = _ => Task.FromResult(new Call(HttpMethod.Put, "/api/v1/provision/policy", new JsonObject
        {
            ["k"] = 5, ["l"] = 2, ["t"] = 0.2, ["r"] = 0.2, ["missRateThreshold"] = 0.005,
        })),
        ["SetCaseTask"] = async g => new Call(
            HttpMethod.Put, (await Processing.ProcessingScene.Finalized(g)).Case(Processing.ProcessingScene.Plain) + "/tasks/cleansing", new JsonObject { ["state"] = "in-progress" }),
        ["AddEquivalenceClassEvidence"] = async g => new Call(
            HttpMethod.Post, (await Processing.ProcessingScene.Finalized(g)).Case(Processing.ProcessingScene.Personal) + "/evidence/equivalence-classes", new JsonObject
            {
                ["quasiIdentifiers"] = new JsonArray("age"),
                ["classes"] = new JsonArray(new JsonObject { ["qi"] = new JsonArray("30-39"), ["count"] = 7 }),
            }),
        ["AddIdentifierCheckEvidence"] = async g => new Call(
            HttpMethod.Post, (await Processing.ProcessingScene.Finalized(g)).Case(Processing.ProcessingScene.Personal) + "/evidence/identifier-checks", new JsonObject
            {
                ["checks"] = new JsonArray(new JsonObject { ["identifierType"] = "names", ["tool"] = "ner", ["sampleSize"] = 400, ["misses"] = 0 }),
            }),
        ["AddDocumentEvidence"] = async g => new Call(
            HttpMethod.Post, (await Processing.ProcessingScene.Finalized(g)).Case(Processing.ProcessingScene.Plain) + "/evidence/documents", new JsonObject { ["task"] = "cleansing", ["note"] = "정제 보고서" }),
        ["DeliverProcessedRecord"] = async g => new Call(
            HttpMethod.Put, (await Processing.ProcessingScene.Finalized(g)).Case(Processing.ProcessingScene.Plain) + "/delivered", SurveyRecords.Valid("정제된 자료")),
        ["SubmitCase"] = async g => await Processing.ProcessingScene.ReadyToSubmit(g),
        ["AssignCaseReviewers"] = async g =>
        {
            var scene = await Processing.ProcessingScene.Finalized(g);
            return new Call(HttpMethod.Put, scene.Case(Processing.ProcessingScene.Personal) + "/reviewers", new JsonObject { ["reviewers"] = new JsonArray(scene.ReviewerB, scene.ReviewerOut) });
        },
        ["VoteOnCase"] = async g => await Processing.ProcessingScene.InReview(g),
        ["DecideCaseTier"] = async g => await Processing.ProcessingScene.ReadyForTier(g),
        ["CreateRelease"] = async g => await Processing.ProcessingScene.ReadyForRelease(g),
        ["PutReleaseFile"] = async g =>
        {
            var scene = await Census.Api.Tests.Releases.ReleaseScene.Arrange(g);
            var version = await scene.Draft();
            var content = Census.Api.Tests.Releases.ReleaseScene.Bytes(32, seed: 90);
            await scene.Upload(content);
            return new Call(HttpMethod.Put, $"{scene.Releases}/{version}/files/data.csv", Census.Api.Tests.Releases.ReleaseScene.Whole(content));
        },
        ["PublishRelease"] = async g =>
        {
            var scene = await Census.Api.Tests.Releases.ReleaseScene.Arrange(g);
            var version = await scene.Draft();
            var content = Census.Api.Tests.Releases.ReleaseScene.Bytes(32, seed: 91);
            await scene.Upload(content);
            (await scene.PutFile(version, "data.csv", Census.Api.Tests.Releases.ReleaseScene.Whole(content))).Dispose();
            return new Call(HttpMethod.Post, $"{scene.Releases}/{version}/publish", null);
        },
        ["RegisterOrganisation"] = _ => Task.FromResult(new Call(HttpMethod.Post, "/api/v1/organisations", new JsonObject
        {
            ["id"] = Ids.New("org"), ["name"] = "한빛대학교", ["kind"] = "university",
        })),
        ["VerifyOrganisation"] = async g =>
        {
            var organisation = Ids.New("org");
            await Access.AccessScene.Ok(g.Admin.Client, HttpMethod.Post, "/api/v1/organisations", new JsonObject { ["id"] = organisation, ["name"] = "한빛연구소", ["kind"] = "research-institute" });
            return new Call(HttpMethod.Post, $"/api/v1/organisations/{organisation}/verification", new JsonObject { ["note"] = "등록증 확인" });
        },
        ["PublishAgreement"] = async g =>
        {
            var scene = await Access.AccessScene.Arrange(g);
            return new Call(HttpMethod.Post, $"{scene.Dataset}/agreements", Access.AccessScene.Agreement(Census.Contracts.Provision.ReleaseTier.Restricted, "2판")) { ApiKey = scene.AgencyKey };
        },
        ["AcceptAgreement"] = async g =>
        {
            var scene = await Access.AccessScene.Arrange(g);
            return new Call(HttpMethod.Post, $"{scene.Dataset}/agreements/restricted/1/acceptance", null) { ApiKey = scene.RequesterKey };
        },
        ["SetOffer"] = async g =>
        {
            var scene = await Access.AccessScene.Arrange(g);
            return new Call(HttpMethod.Put, $"{scene.Dataset}/releases/{scene.Version}/offer", new JsonObject { ["pricing"] = "flat", ["priceKrw"] = 50000 }) { ApiKey = scene.AgencyKey };
        },
        ["SubmitAccessRequest"] = async g =>
        {
            var scene = await Access.AccessScene.Arrange(g);
            await scene.AcceptAsync();
            return new Call(HttpMethod.Post, "/api/v1/access-requests", scene.Submission()) { ApiKey = scene.RequesterKey };
        },
        ["DecideAccessRequest"] = async g =>
        {
            var scene = await Access.AccessScene.Arrange(g);
            var id = await scene.SubmittedAsync();
            return new Call(HttpMethod.Post, $"/api/v1/access-requests/{id}/decisions", new JsonObject { ["decision"] = "approve", ["reason"] = "적정" }) { ApiKey = scene.ReviewerKey };
        },
        ["ResubmitAccessRequest"] = async g =>
        {
            var scene = await Access.AccessScene.Arrange(g);
            var id = await scene.SubmittedAsync();
            await Access.AccessScene.Decide(scene.Agency, id, "request-changes");
            return new Call(HttpMethod.Post, $"/api/v1/access-requests/{id}/resubmission", new JsonObject { ["periodDays"] = 30, ["note"] = "기간 조정" }) { ApiKey = scene.RequesterKey };
        },
        ["WithdrawAccessRequest"] = async g =>
        {
            var scene = await Access.AccessScene.Arrange(g);
            var id = await scene.SubmittedAsync();
            return new Call(HttpMethod.Post, $"/api/v1/access-requests/{id}/withdrawal", new JsonObject { ["reason"] = "과제 종료" }) { ApiKey = scene.RequesterKey };
        },
        ["ExtendAccessRequest"] = async g =>
        {
            var scene = await Access.AccessScene.Arrange(g);
            var id = await scene.SubmittedAsync();
            return new Call(HttpMethod.Post, $"/api/v1/access-requests/{id}/extension", new JsonObject { ["days"] = 5, ["reason"] = "자문" }) { ApiKey = scene.AgencyKey };
        },
        ["RevokeGrant"] = async g =>
        {
            var scene = await Access.AccessScene.Arrange(g);
            var grant = await scene.GrantedAsync();
            return new Call(HttpMethod.Post, $"/api/v1/grants/{grant}/revocation", new JsonObject { ["reason"] = "목적 외 이용" }) { ApiKey = scene.AgencyKey };
        },
        ["CreateExport"] = async g =>
        {
            var scene = await Exports.ExportScene.Arrange(g);
            return new Call(HttpMethod.Post, Exports.ExportScene.Exports, scene.Body(12)) { ApiKey = scene.RequesterKey };
        },
        ["DecideExport"] = async g =>
        {
            var scene = await Exports.ExportScene.Arrange(g);
            var id = await scene.Submitted();
            return new Call(HttpMethod.Post, $"{Exports.ExportScene.Exports}/{id}/decisions", new JsonObject { ["decision"] = "approve", ["reason"] = "checked" }) { ApiKey = scene.CheckerAKey };
        },
        ["VerifyLedger"] = async g =>
        {
            var scene = await Census.Api.Tests.Ledger.LedgerScene.Arrange(g);
            await scene.Ledger().Append(Census.Api.Tests.Ledger.LedgerScene.Transaction("t-1", 1, 1, DateTimeOffset.UnixEpoch));
            return new Call(HttpMethod.Post, $"{scene.Dataset}/ledger/verify", null);
        },
        ["CreateSafeZone"] = async g =>
        {
            var (operatorId, _) = await SafeZones.SafeZoneScene.NewPrincipal(g, "zone-operator", "kisti");
            return new Call(HttpMethod.Post, SafeZones.SafeZoneScene.Base, SafeZones.SafeZoneScene.SiteBody(Ids.New("zone"), 5, [operatorId]));
        },
        ["CloseSafeZoneDay"] = async g =>
        {
            var scene = await SafeZones.SafeZoneScene.Arrange(g);
            var day = SafeZones.SafeZoneScene.Text(SafeZones.SafeZoneScene.Today.AddDays(2));
            return new Call(HttpMethod.Put, $"{SafeZones.SafeZoneScene.Base}/{scene.Site}/closures/{day}", new JsonObject { ["reason"] = "점검" }) { ApiKey = scene.OperatorKey };
        },
        ["BookSafeZone"] = async g =>
        {
            var scene = await SafeZones.SafeZoneScene.Arrange(g);
            return new Call(HttpMethod.Post, scene.Bookings, SafeZones.SafeZoneScene.BookingBody(scene.GrantId, 1, SafeZones.SafeZoneScene.Today.AddDays(1)))
            {
                ApiKey = scene.RequesterKey,
            };
        },
        ["CancelSafeZoneBooking"] = async g =>
        {
            var scene = await SafeZones.SafeZoneScene.Arrange(g);
            var booking = await scene.Booked(1, SafeZones.SafeZoneScene.Today.AddDays(1));
            return new Call(HttpMethod.Post, $"{scene.Bookings}/{booking}/cancel", new JsonObject { ["reason"] = "일정 변경" }) { ApiKey = scene.RequesterKey };
        },
        ["CheckInSafeZoneBooking"] = async g =>
        {
            var scene = await SafeZones.SafeZoneScene.Arrange(g);
            var booking = await scene.Booked(1, SafeZones.SafeZoneScene.Today);
            return new Call(HttpMethod.Post, $"{scene.Bookings}/{booking}/check-in", null) { ApiKey = scene.OperatorKey };
        },
        ["CheckOutSafeZoneBooking"] = async g =>
        {
            var scene = await SafeZones.SafeZoneScene.Arrange(g);
            var booking = await scene.Booked(1, SafeZones.SafeZoneScene.Today);
            (await scene.Post(scene.Operator, $"{scene.Bookings}/{booking}/check-in")).Dispose();
            return new Call(HttpMethod.Post, $"{scene.Bookings}/{booking}/check-out", null) { ApiKey = scene.OperatorKey };
        },
    };

    public static TheoryData<string> RouteNames() => [.. Routes.Keys];

    [Fact]
    public void Every_POST_and_PUT_route_is_covered_here_or_keeps_its_own_idempotency()
    {
        var writes = gateway.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT") == true)
            .ToList();

        var own = writes.Where(e => e.Metadata.GetMetadata<OwnIdempotency>() is not null).Select(Name);
        var generic = writes.Where(e => e.Metadata.GetMetadata<OwnIdempotency>() is null).Select(Name);

        Assert.Equal(["BeginUpload", "HarvestCatalog", "PutSurveyRecord", "SendUploadChunk", "StartImport"], own.Order(StringComparer.Ordinal));
        Assert.Equal(Routes.Keys.Order(StringComparer.Ordinal), generic.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task A_repeat_with_the_same_key_and_request_gets_the_first_reply(string route)
    {
        var call = await Routes[route](gateway);
        var key = Guid.NewGuid().ToString();

        using var first = await Send(call, key);
        using var again = await Send(call, key);

        Assert.True(first.IsSuccessStatusCode, $"{route}: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        Assert.False(first.Headers.Contains(Idempotency.ReplayedHeader));
        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, again.Content.Headers.ContentType);
        Assert.Equal(["true"], again.Headers.GetValues(Idempotency.ReplayedHeader));
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task The_same_key_with_another_body_is_422_and_changes_nothing(string route)
    {
        var call = await Routes[route](gateway);
        var key = Guid.NewGuid().ToString();
        using var first = await Send(call, key);

        using var other = await Send(call with { Body = new JsonObject { ["other"] = true } }, key);

        await other.AssertProblem(HttpStatusCode.UnprocessableEntity);
        using var replay = await Send(call, key);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Issuing_a_key_twice_with_one_Idempotency_Key_returns_the_same_key_and_only_one_exists()
    {
        var id = await gateway.NewInstitution();
        var call = new Call(HttpMethod.Post, $"{CensusApi.Institutions}/{id}/api-keys", null);
        var key = Guid.NewGuid().ToString();

        using var first = await Send(call, key);
        using var again = await Send(call, key);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((await first.ReadJson()).GetProperty("apiKey").GetString(), (await again.ReadJson()).GetProperty("apiKey").GetString());
        using var list = await gateway.Admin.Client.GetAsync($"{CensusApi.Institutions}/{id}/api-keys");
        Assert.Equal(1, (await list.ReadJson()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_kept_reply_of_a_key_issue_does_not_hold_the_issued_key_in_clear()
    {
        var id = await gateway.NewInstitution();
        var call = new Call(HttpMethod.Post, $"{CensusApi.Institutions}/{id}/api-keys", null);
        var key = Guid.NewGuid().ToString();
        using var issued = await Send(call, key);
        var secret = (await issued.ReadJson()).GetProperty("apiKey").GetString()!.Split('.')[3];

        var hash = Idempotency.HashOf("POST", call.Path, "", null, []);
        var kept = await gateway.Factory.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IIdempotencyGrain>(SealedReplies.StoreKey("admin", key)).Claim(hash, TimeSpan.FromMinutes(5));

        Assert.Equal(IdempotencyOutcome.Replay, kept.Outcome);
        Assert.DoesNotContain(secret, Encoding.UTF8.GetString(kept.SealedReply!), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, Encoding.Latin1.GetString(kept.SealedReply!), StringComparison.Ordinal);
        Assert.Null(SealedReplies.Open(kept.SealedReply!, "admin", key + "x", hash));
        Assert.Contains(secret, Encoding.UTF8.GetString(SealedReplies.Open(kept.SealedReply!, "admin", key, hash)!.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_request_keeps_nothing_so_its_key_can_carry_the_corrected_request()
    {
        var call = await Routes["RegisterInstitution"](gateway);
        var key = Guid.NewGuid().ToString();
        using var refused = await Send(call with { Body = new JsonObject { ["id"] = "Not An Id" } }, key);

        using var corrected = await Send(call, key);

        await refused.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Fact]
    public async Task Registering_twice_with_one_key_is_201_both_times_not_409()
    {
        var call = await Routes["RegisterInstitution"](gateway);
        var key = Guid.NewGuid().ToString();

        using var first = await Send(call, key);
        using var again = await Send(call, key);
        using var withoutKey = await Send(call, key: null);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, withoutKey.StatusCode);
    }

    [Fact]
    public async Task A_duplicate_while_the_first_request_is_in_flight_is_409_with_Retry_After()
    {
        var round = await gateway.NewDraftRound(await gateway.NewInstitution());
        var call = new Call(HttpMethod.Post, $"{RoundRoutes.Rounds}/{round}/open", null);
        var key = Guid.NewGuid().ToString();
        // The first request, as its gateway claims it just before running it.
        var store = gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdempotencyGrain>(SealedReplies.StoreKey("admin", key));
        await store.Claim(Idempotency.HashOf("POST", call.Path, "", null, []), TimeSpan.FromMinutes(5));

        using var duplicate = await Send(call, key);

        await duplicate.AssertProblem(HttpStatusCode.Conflict);
        Assert.True(duplicate.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "409 must carry Retry-After");
        Assert.Equal("draft", await gateway.Rounds.State(round));
    }

    [Fact]
    public async Task The_same_key_from_another_caller_is_that_callers_own()
    {
        var p = await ParticipantWithRecord(gateway);
        var key = Guid.NewGuid().ToString();
        using var asAdmin = await Send(new Call(HttpMethod.Post, $"{CensusApi.Institutions}/{await gateway.NewInstitution()}/api-keys", null), key);

        using var agency = gateway.Factory.ClientWithKey(p.ApiKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, SurveyRoutes.Assignment(p.RoundId, p.InstitutionId) + "/submit");
        request.Headers.Add(Header, key);
        using var asAgency = await agency.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, asAgency.StatusCode);
        Assert.False(asAgency.Headers.Contains(Idempotency.ReplayedHeader));
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("tab\tinside")]
    public async Task A_malformed_key_is_400_naming_the_header(string key)
    {
        using var response = await Send(await Routes["RegisterInstitution"](gateway), key);

        await response.AssertFieldErrors(Header);
    }

    [Fact]
    public async Task A_key_over_100_characters_is_400()
    {
        using var response = await Send(await Routes["RegisterInstitution"](gateway), new string('k', 101));

        await response.AssertFieldErrors(Header);
    }

    [Fact]
    public async Task A_reply_is_replayed_by_a_restarted_gateway_on_the_same_store()
    {
        using var data = new TempDataDirectory();
        var adminKey = CensusGatewayFactory.NewAdminKey();
        var call = new Call(HttpMethod.Post, CensusApi.Institutions, Registrations.Valid(Ids.New()));
        var key = Guid.NewGuid().ToString();
        string firstBody;
        await using (var one = new CensusGatewayFactory(data.Path, adminKey))
        {
            using var first = await Send(one.ClientWithKey(adminKey), call, key);
            firstBody = await first.Content.ReadAsStringAsync();
        }

        await using var other = new CensusGatewayFactory(data.Path, adminKey);
        using var again = await Send(other.ClientWithKey(adminKey), call, key);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> Send(Call call, string? key) =>
        Send(call.ApiKey is null ? gateway.Admin.Client : gateway.Factory.ClientWithKey(call.ApiKey), call, key);

    private static async Task<HttpResponseMessage> Send(HttpClient client, Call call, string? key)
    {
        using var request = new HttpRequestMessage(call.Method, call.Path) { Content = call.Body?.AsJson() };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(Header, key);
        }

        return await client.SendAsync(request);
    }

    private static string Name(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.RoutePattern.RawText!;

    private static async Task<Participant> ParticipantWithRecord(GatewayFixture g)
    {
        var p = await g.NewParticipant();
        await g.Surveys.PutValid(p.RoundId, p.InstitutionId, Ids.New("ds"));
        return p;
    }

    private static async Task<string> CompletedRun(GatewayFixture g, string roundId)
    {
        using var started = await g.Admin.Client.PostAsync($"{RoundRoutes.Rounds}/{roundId}/rankings", new JsonObject().AsJson());
        var runId = (await started.ReadJson()).GetProperty("runId").GetString()!;
        var until = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var read = await g.Admin.Client.GetAsync($"{RoundRoutes.Rounds}/{roundId}/rankings/{runId}");
            if ((await read.ReadJson()).GetProperty("state").GetString() != "running")
            {
                return runId;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Run {runId} still running after 30 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
