using System.Text.Json.Nodes;
using Census.Contracts.Access;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Census.Api.Tests.Exports;

[Collection(ExportsCollection.Name)]
public sealed class ExportTests(GatewayFixture gateway)
{
    [Fact]
    public async Task An_export_asked_under_a_live_safe_zone_grant_is_stored_with_its_automatic_checks()
    {
        var scene = await ExportScene.Arrange(gateway);

        using var created = await scene.Submit(scene.Body(12, 0, 40));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var export = await created.ReadJson();
        var id = export.GetProperty("id").GetString();
        Assert.Equal($"{ExportScene.Exports}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("submitted", export.GetProperty("status").GetString());
        Assert.Equal(("inst-zone", "ds-zone"), (export.GetProperty("institutionId").GetString(), export.GetProperty("datasetId").GetString()));
        var checks = export.GetProperty("checks");
        Assert.Equal("pass", checks.GetProperty("outcome").GetString());
        var zero = checks.GetProperty("files")[0].GetProperty("findings")[0];
        Assert.Equal(("c1", "zero", false), (zero.GetProperty("key").GetString(), zero.GetProperty("kind").GetString(), zero.GetProperty("fails").GetBoolean()));
        Assert.Equal(export.ToString(), (await scene.Read(id!)).ToString());
    }

    [Fact]
    public async Task An_export_with_a_cell_of_3_is_stored_failing_and_its_approval_is_refused_changing_nothing()
    {
        var scene = await ExportScene.Arrange(gateway);
        using var created = await scene.Submit(scene.Body(12, 3));
        var export = await created.ReadJson();
        var id = export.GetProperty("id").GetString()!;

        using var approval = await ExportScene.Decide(scene.CheckerA, id, reason: "the 3 is harmless here");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var checks = export.GetProperty("checks");
        Assert.Equal("fail", checks.GetProperty("outcome").GetString());
        var finding = checks.GetProperty("files")[0].GetProperty("findings")[0];
        Assert.Equal(("c1", 1, "below-threshold", true),
            (finding.GetProperty("key").GetString(), finding.GetProperty("index").GetInt32(), finding.GetProperty("kind").GetString(), finding.GetProperty("fails").GetBoolean()));
        await approval.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(export.ToString(), (await scene.Read(id)).ToString());
    }

    [Fact]
    public async Task A_failing_export_can_be_rejected()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Submitted(12, 3);

        using var rejected = await ExportScene.Decide(scene.CheckerA, id, "reject", "cell c1 counts 3");

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("rejected", (await rejected.ReadJson()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_checker_of_the_requesters_organisation_may_not_decide_and_nothing_changes()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Submitted();
        var before = await scene.Read(id);

        using var approval = await ExportScene.Decide(scene.CheckerOfRequesterOrganisation, id);

        await approval.AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(before.ToString(), (await scene.Read(id)).ToString());
    }

    [Fact]
    public async Task A_second_decision_by_the_same_checker_is_a_conflict()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Submitted();
        using var first = await ExportScene.Decide(scene.CheckerA, id);

        using var second = await ExportScene.Decide(scene.CheckerA, id);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("in-check", (await first.ReadJson()).GetProperty("status").GetString());
        await second.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(1, (await scene.Read(id)).GetProperty("decisions").GetArrayLength());
    }

    [Fact]
    public async Task Two_checkers_approvals_approve_the_export()
    {
        var scene = await ExportScene.Arrange(gateway);

        var id = await scene.Approved();

        var export = await scene.Read(id);
        Assert.Equal("approved", export.GetProperty("status").GetString());
        Assert.Equal(2, export.GetProperty("decisions").GetArrayLength());
    }

    [Fact]
    public async Task A_download_before_two_approvals_is_forbidden()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Submitted();
        using var submitted = await scene.Requester.Client.GetAsync(ExportScene.File(id));
        (await ExportScene.Decide(scene.CheckerA, id)).Dispose();

        using var inCheck = await scene.Requester.Client.GetAsync(ExportScene.File(id));

        await submitted.AssertProblem(HttpStatusCode.Forbidden);
        await inCheck.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_requester_may_not_download_an_approved_export()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Approved();
        var (_, _, other) = await ExportScene.NewPrincipal(gateway, "requester", Ids.New("org"));

        using var download = await other.GetAsync(ExportScene.File(id));
        using var read = await other.GetAsync($"{ExportScene.Exports}/{id}");

        await download.AssertProblem(HttpStatusCode.Forbidden);
        await read.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task After_two_approvals_the_requester_downloads_the_exact_bytes()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Approved();

        using var download = await scene.Requester.Client.GetAsync(ExportScene.File(id));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(scene.Content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{scene.Sha256}\"", download.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_revoked_grant_stops_the_download_of_an_approved_export()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Approved();
        await gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IGrantGrain>(scene.GrantId).Revoke("misuse", "admin");

        using var download = await scene.Requester.Client.GetAsync(ExportScene.File(id));

        await download.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_range_of_an_approved_file_is_206_with_exactly_those_bytes_and_past_the_end_416()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Approved();
        using var ranged = new HttpRequestMessage(HttpMethod.Get, ExportScene.File(id));
        ranged.Headers.Range = new RangeHeaderValue(100, 1099);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, ExportScene.File(id));
        beyond.Headers.Range = new RangeHeaderValue(scene.Content.Length, null);

        using var part = await scene.Requester.Client.SendAsync(ranged);
        using var outside = await scene.Requester.Client.SendAsync(beyond);

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(scene.Content[100..1100], await part.Content.ReadAsByteArrayAsync());
        await outside.AssertProblem(HttpStatusCode.RequestedRangeNotSatisfiable);
    }

    [Fact]
    public async Task A_grant_of_another_requester_or_of_download_kind_or_ended_is_forbidden()
    {
        var scene = await ExportScene.Arrange(gateway);
        var (otherId, _, _) = await ExportScene.NewPrincipal(gateway, "requester", scene.RequesterOrganisation);
        var others = await scene.IssueGrant(otherId, GrantKind.SafeZone);
        var download = await scene.IssueGrant(scene.Requester.Id, GrantKind.Download);
        var ended = await scene.IssueGrant(scene.Requester.Id, GrantKind.SafeZone, until: DateTimeOffset.UtcNow.AddMinutes(-1));

        foreach (var grant in new[] { others, download, ended, "no-such-grant" })
        {
            using var refused = await scene.Submit(scene.Body(12).With("grantId", grant));
            await refused.AssertProblem(HttpStatusCode.Forbidden);
        }

        using var list = await scene.Requester.Client.GetAsync(ExportScene.Exports);
        Assert.Equal(0, (await list.ReadJson()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_file_the_store_does_not_hold_is_422()
    {
        var scene = await ExportScene.Arrange(gateway);
        var body = scene.Body(12);
        body["files"]![0]!["sha256"] = new string('e', 64);

        using var refused = await scene.Submit(body);

        await refused.AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_bad_request_names_its_fields()
    {
        var scene = await ExportScene.Arrange(gateway);
        var body = scene.Body(-1);
        body["files"]![0]!["type"] = "figure";
        body["grantId"] = "";

        using var refused = await scene.Submit(body);

        await refused.AssertFieldErrors("grantId", "files[0].cells");
    }

    [Fact]
    public async Task A_decision_without_a_reason_is_400()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Submitted();

        using var refused = await ExportScene.Decide(scene.CheckerA, id, reason: " ");

        await refused.AssertFieldErrors("reason");
    }

    [Fact]
    public async Task Agency_and_reviewer_keys_may_not_use_exports()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Submitted();
        var institution = Ids.New("inst");
        await gateway.Admin.RegisterValid(institution);
        var (_, agencyKey) = await gateway.Admin.IssueValidKey(institution);
        var (_, _, reviewer) = await ExportScene.NewPrincipal(gateway, "reviewer", Ids.New("org"));
        var (_, _, operatorClient) = await ExportScene.NewPrincipal(gateway, "zone-operator", Ids.New("org"));

        foreach (var client in new[] { gateway.Factory.ClientWithKey(agencyKey), reviewer, operatorClient })
        {
            using var submit = await scene.Submit(scene.Body(12), client);
            using var list = await client.GetAsync(ExportScene.Exports);
            using var read = await client.GetAsync($"{ExportScene.Exports}/{id}");
            using var decide = await ExportScene.Decide(client, id);
            using var download = await client.GetAsync(ExportScene.File(id));
            foreach (var answer in new[] { submit, list, read, decide, download })
            {
                await answer.AssertProblem(HttpStatusCode.Forbidden);
            }
        }
    }

    [Fact]
    public async Task Requesters_do_not_decide_and_checkers_do_not_ask()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Submitted();

        using var decided = await ExportScene.Decide(scene.Requester.Client, id);
        using var asked = await scene.Submit(scene.Body(12), scene.CheckerA);

        await decided.AssertProblem(HttpStatusCode.Forbidden);
        await asked.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_queue_shows_checkers_the_open_exports_but_never_their_own_organisations()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Submitted();

        using var independent = await scene.CheckerA.GetAsync(ExportScene.Exports);
        using var sameOrganisation = await scene.CheckerOfRequesterOrganisation.GetAsync(ExportScene.Exports);
        using var own = await scene.Requester.Client.GetAsync($"{ExportScene.Exports}?status=submitted");

        Assert.Contains(id, ExportIds(await independent.ReadJson()));
        Assert.DoesNotContain(id, ExportIds(await sameOrganisation.ReadJson()));
        Assert.Equal([id], ExportIds(await own.ReadJson()));
    }

    [Fact]
    public async Task An_approved_export_leaves_the_open_queue_for_the_approved_one()
    {
        var scene = await ExportScene.Arrange(gateway);
        var id = await scene.Approved();

        using var open = await gateway.Admin.Client.GetAsync(ExportScene.Exports);
        using var approved = await gateway.Admin.Client.GetAsync($"{ExportScene.Exports}?status=approved");

        Assert.DoesNotContain(id, ExportIds(await open.ReadJson()));
        Assert.Contains(id, ExportIds(await approved.ReadJson()));
    }

    [Fact]
    public async Task An_unknown_status_is_400()
    {
        using var refused = await gateway.Admin.Client.GetAsync($"{ExportScene.Exports}?status=done");

        await refused.AssertFieldErrors("status");
    }

    private static List<string> ExportIds(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
}
