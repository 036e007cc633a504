using System.Text.Json.Nodes;
using Census.Contracts.Access;
using Census.Contracts.Provision;
using Census.Domain.Access;

namespace Census.Api.Tests.Access;

/// <summary>Issue 14: grants — expiry, revocation, whose they are, the agreement in force, open data, and what the ledger keeps.</summary>
[Collection(AccessCollection.Name)]
public sealed class GrantTests(GatewayFixture gateway)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_download_with_another_requesters_grant_is_forbidden_and_the_attempt_is_on_the_ledger()
    {
        var scene = await AccessScene.Arrange(gateway);
        var grantId = await scene.GrantedAsync();
        var colleague = await AccessScene.NewRequesterOf(gateway, scene.OrganisationId);

        using var response = await scene.Download(grantId, colleague.Client);

        await response.AssertProblem(HttpStatusCode.Forbidden);
        var refused = await UntilOnLedger(scene, "attempt-refused");
        Assert.Equal(colleague.Id, refused.GetProperty("facts").GetProperty("requester").GetString());
    }

    [Fact]
    public async Task A_download_after_revocation_is_forbidden()
    {
        var scene = await AccessScene.Arrange(gateway);
        var grantId = await scene.GrantedAsync();

        var revoked = await AccessScene.Ok(scene.Agency, HttpMethod.Post, $"/api/v1/grants/{grantId}/revocation", new JsonObject { ["reason"] = "목적 외 이용 확인" });
        using var response = await scene.Download(grantId);

        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        var problem = await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
        await UntilOnLedger(scene, "grant-revoked");
    }

    [Fact]
    public async Task Revoking_needs_a_reason_and_another_agency_may_not()
    {
        var scene = await AccessScene.Arrange(gateway);
        var grantId = await scene.GrantedAsync();
        var other = gateway.As((await gateway.Admin.IssueValidKey(await gateway.NewInstitution("oth"))).ApiKey).Client;

        using var noReason = await scene.Agency.PostAsync($"/api/v1/grants/{grantId}/revocation", new JsonObject().AsJson());
        using var stranger = await other.PostAsync($"/api/v1/grants/{grantId}/revocation", new JsonObject { ["reason"] = "?" }.AsJson());

        await noReason.AssertFieldErrors("reason");
        await stranger.AssertProblem(HttpStatusCode.Forbidden);
        using var download = await scene.Download(grantId);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task A_grant_expires_by_its_reminder_once_its_period_ends_and_downloads_stop()
    {
        var scene = await AccessScene.Arrange(gateway);
        var now = DateTimeOffset.UtcNow;
        var grantId = "gr-short-" + Ids.New("g");
        await scene.Grains.GetGrain<IGrantGrain>(grantId).Issue(new Grant(
            grantId, scene.InstitutionId, AccessScene.DatasetId, scene.Version, GrantKind.Download, scene.RequesterId, scene.OrganisationId,
            null, "1", now.AddMinutes(-1), now.AddSeconds(3), GrantStatus.Live, now, "admin", null, null, null));
        await scene.AcceptAsync();

        var expired = await UntilOnLedger(scene, "grant-expired");
        using var response = await scene.Download(grantId);

        Assert.Equal(grantId, expired.GetProperty("facts").GetProperty("grant").GetString());
        Assert.Equal(GrantStatus.Expired, (await scene.Grains.GetGrain<IGrantGrain>(grantId).Get())!.Status);
        var problem = await response.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_new_agreement_version_must_be_accepted_before_the_next_download()
    {
        var scene = await AccessScene.Arrange(gateway);
        var grantId = await scene.GrantedAsync();
        await AccessScene.Ok(scene.Agency, HttpMethod.Post, $"{scene.Dataset}/agreements", AccessScene.Agreement(ReleaseTier.Restricted, "이용 약관 2판"));

        using var before = await scene.Download(grantId);
        await scene.AcceptAsync(ReleaseTier.Restricted, version: 2);
        using var after = await scene.Download(grantId);

        var problem = await before.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Contains("version 2", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Accepting_an_old_agreement_version_is_refused()
    {
        var scene = await AccessScene.Arrange(gateway);
        await AccessScene.Ok(scene.Agency, HttpMethod.Post, $"{scene.Dataset}/agreements", AccessScene.Agreement(ReleaseTier.Restricted, "2판"));

        using var response = await scene.Requester.PostAsync($"{scene.Dataset}/agreements/restricted/1/acceptance", null);

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Open_data_is_granted_on_accepting_its_agreement_and_downloads_at_once()
    {
        var scene = await AccessScene.Arrange(gateway, ReleaseTier.Open);

        var accepted = await scene.AcceptAsync(ReleaseTier.Open);
        var grantId = accepted.GetProperty("grant").GetProperty("id").GetString()!;
        var again = await scene.AcceptAsync(ReleaseTier.Open);
        using var download = await scene.Download(grantId);

        Assert.Equal(grantId, again.GetProperty("grant").GetProperty("id").GetString());
        Assert.Equal(AgreementRules.TextSha256(AccessScene.Agreement(ReleaseTier.Open, "이용 약관 1판")["text"]!.GetValue<string>()),
            accepted.GetProperty("agreement").GetProperty("textSha256").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(scene.Content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_per_download_offer_puts_each_completed_download_and_its_transaction_on_the_ledger()
    {
        var scene = await AccessScene.Arrange(gateway);
        await AccessScene.Ok(scene.Agency, HttpMethod.Put, $"{scene.Dataset}/releases/{scene.Version}/offer", new JsonObject { ["pricing"] = "per-download", ["priceKrw"] = 1500 });
        var grantId = await scene.GrantedAsync();

        using var download = await scene.Download(grantId);
        await download.Content.ReadAsByteArrayAsync();

        var completed = await UntilOnLedger(scene, "download-completed");
        var transaction = await UntilOnLedger(scene, "transaction");
        Assert.Equal(scene.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), completed.GetProperty("facts").GetProperty("bytes").GetString());
        Assert.Equal("company", completed.GetProperty("facts").GetProperty("organisationKind").GetString());
        Assert.Equal("1500", transaction.GetProperty("facts").GetProperty("totalKrw").GetString());
        var verified = await AccessScene.Ok(scene.Agency, HttpMethod.Post, $"{scene.Dataset}/ledger/verify", null);
        Assert.True(verified.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task A_safe_zone_grant_does_not_download()
    {
        var scene = await AccessScene.Arrange(gateway, ReleaseTier.SafeZoneOnly);
        await scene.AcceptAsync(ReleaseTier.SafeZoneOnly);
        var id = (await AccessScene.Ok(scene.Requester, HttpMethod.Post, "/api/v1/access-requests", scene.Submission(periodDays: 10))).GetProperty("id").GetString()!;
        await AccessScene.Decide(scene.Reviewer, id, "approve");
        var grantId = (await AccessScene.Decide(scene.Agency, id, "approve")).GetProperty("grantId").GetString()!;

        using var response = await scene.Download(grantId);

        var grant = await AccessScene.Ok(scene.Requester, HttpMethod.Get, $"/api/v1/grants/{grantId}", null);
        Assert.Equal("safe-zone", grant.GetProperty("kind").GetString());
        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    /// <summary>The first entry of <paramref name="kind"/> on the scene's ledger, once an outbox has delivered it.</summary>
    private static async Task<JsonElement> UntilOnLedger(AccessScene scene, string kind)
    {
        var until = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var page = await AccessScene.Ok(scene.Admin, HttpMethod.Get, $"{scene.Dataset}/ledger?pageSize=200", null);
            foreach (var entry in page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind))
            {
                using var parsed = JsonDocument.Parse(entry.GetProperty("event").GetString()!);
                return parsed.RootElement.Clone();
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"a {kind} entry on the ledger of {scene.Dataset} within {Patience}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
