using System.Text;
using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests.Provision;

/// <summary>Output checking in the console (issue 14): a requester asks to export files, two independent checkers decide, the requester downloads.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExportTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    private ProvisionScene Scene => new(Server);

    [Fact]
    public async Task Two_checkers_of_other_organisations_approve_a_table_and_the_requester_downloads_its_bytes()
    {
        var (_, _, requester, grantId) = await ZoneGrant.Of(Server);
        var first = await Scene.PrincipalAsync("output-checker", Arrange.NewId("chkorg"));
        var second = await Scene.PrincipalAsync("output-checker", Arrange.NewId("chkorg"));
        var bytes = Encoding.UTF8.GetBytes("region,age,count\nseoul,30-39,120\nbusan,30-39,45\n" + Guid.NewGuid().ToString("N") + ",0-0,0\n");
        var page = await NewPageAsync();
        string exportId = "";
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, requester.Key);
            await page.GotoAsync($"/console/my/exports?grantId={grantId}");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("내 반출 신청");
            await page.Locator("#file-0").SetInputFilesAsync(new FilePayload { Name = "table.csv", MimeType = "text/csv", Buffer = bytes });
            await page.Locator("#type-0").SelectOptionAsync("table");
            await page.Locator("#cells-0").FillAsync("region=seoul/age=30-39,120\nregion=busan/age=30-39,45\nregion=jeju/age=0-0,0");
            await page.Locator("#notes").FillAsync("지역·연령별 빈도표");
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "requester-export-form");
            await page.Locator("#submit-export").ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("반출을 신청했습니다.");
            await Assertions.Expect(page.Locator("#export-status")).ToHaveTextAsync("검토 대기");
            await Assertions.Expect(page.Locator("#export-checks")).ToHaveTextAsync("통과");
            await Assertions.Expect(page.Locator(".findings")).ToContainTextAsync("빈도 0");
            exportId = page.Url.Split('/').Last().Split('?')[0];
        });

        var firstPage = await NewPageAsync();
        await StepsAsync(firstPage, async () =>
        {
            await SignInAsync(firstPage, first.Key);
            await Assertions.Expect(firstPage.Locator("h1")).ToHaveTextAsync("반출 검토 대기열");
            var row = firstPage.Locator($"#queue tr[data-export='{exportId}']");
            await Assertions.Expect(row).ToContainTextAsync(requester.Id);
            await AssertAccessibleAsync(firstPage);
            await Screenshots.SaveAsync(firstPage, "checker-queue");
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await firstPage.Locator("#decision").SelectOptionAsync("approve");
            await firstPage.Locator("#reason").FillAsync("모든 셀 10 이상, 0 셀은 구조적 0");
            await firstPage.Locator("#decide").ClickAsync();
            await Assertions.Expect(firstPage.Locator("#saved")).ToHaveTextAsync("결정을 저장했습니다.");
            await Assertions.Expect(firstPage.Locator("#export-status")).ToHaveTextAsync("검토 중(1명 승인)");
            await AssertAccessibleAsync(firstPage);
            await Screenshots.SaveAsync(firstPage, "checker-decision");
        });

        var secondPage = await NewPageAsync();
        await StepsAsync(secondPage, async () =>
        {
            await SignInAsync(secondPage, second.Key);
            await secondPage.GotoAsync($"/console/output-checks/{exportId}");
            await secondPage.Locator("#reason").FillAsync("동의");
            await secondPage.Locator("#decide").ClickAsync();
            await Assertions.Expect(secondPage.Locator("#export-status")).ToHaveTextAsync("승인됨");
            await Assertions.Expect(secondPage.Locator("#decisions tbody tr")).ToHaveCountAsync(2);
        });

        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/my/exports/{exportId}");
            await Assertions.Expect(page.Locator("#export-status")).ToHaveTextAsync("승인됨");
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "requester-export");
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#files a.download").ClickAsync());
            Assert.Equal("table.csv", download.SuggestedFilename);
            Assert.Equal(bytes, await File.ReadAllBytesAsync((await download.PathAsync())!));
        });
    }

    [Fact]
    public async Task A_cell_of_three_fails_its_check_and_a_checker_of_the_requesters_organisation_changes_nothing()
    {
        var (_, organisation, requester, grantId) = await ZoneGrant.Of(Server);
        var sameOrganisation = await Scene.PrincipalAsync("output-checker", organisation);
        var page = await NewPageAsync();
        string exportId = "";
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, requester.Key);
            await page.GotoAsync($"/console/my/exports?grantId={grantId}");
            await page.Locator("#file-0").SetInputFilesAsync(new FilePayload { Name = "small.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("sejong,3\n" + Guid.NewGuid()) });
            await page.Locator("#type-0").SelectOptionAsync("table");
            await page.Locator("#cells-0").FillAsync("region=sejong,3");
            await page.Locator("#submit-export").ClickAsync();
            await Assertions.Expect(page.Locator("#export-checks")).ToHaveTextAsync("실패");
            await Assertions.Expect(page.Locator("#files .file-check")).ToHaveTextAsync("실패");
            await Assertions.Expect(page.Locator(".findings tbody tr")).ToContainTextAsync("빈도 1~9(기준 미달)");
            exportId = page.Url.Split('/').Last().Split('?')[0];
        });

        var checker = await NewPageAsync();
        await StepsAsync(checker, async () =>
        {
            await SignInAsync(checker, sameOrganisation.Key);
            await Assertions.Expect(checker.Locator("h1")).ToHaveTextAsync("반출 검토 대기열");
            await Assertions.Expect(checker.Locator($"#queue tr[data-export='{exportId}']")).ToHaveCountAsync(0);
            await checker.GotoAsync($"/console/output-checks/{exportId}");
            await checker.Locator("#decision").SelectOptionAsync("reject");
            await checker.Locator("#reason").FillAsync("작은 셀");
            await checker.Locator("#decide").ClickAsync();
            await Assertions.Expect(checker.Locator("#error-decision")).ToHaveTextAsync("자기 기관의 반출은 검토할 수 없습니다.");
            await Assertions.Expect(checker.Locator("#export-status")).ToHaveTextAsync("검토 대기");
        });

        var stored = await ProvisionScene.SendAsync(Server.ApiWith(requester.Key), HttpMethod.Get, $"/api/v1/exports/{exportId}");
        Assert.Equal("submitted", stored.GetProperty("status").GetString());
        Assert.Equal(0, stored.GetProperty("decisions").GetArrayLength());
    }
}
