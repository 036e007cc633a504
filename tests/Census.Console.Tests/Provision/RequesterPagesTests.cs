using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests.Provision;

/// <summary>The requester's console pages (issue 14 item 11): home, agreements, the request form and page, grants and downloads.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class RequesterPagesTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    private RequesterArrange Requesters => new(Server);

    [Fact]
    public async Task A_requester_accepts_the_agreement_asks_in_the_browser_and_once_approved_downloads_a_file_whose_SHA_256_matches_the_manifest()
    {
        var released = await Requesters.ReleasedAsync();
        var requester = await Requesters.RequesterAsync();
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, requester.Key);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console/my$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("내 데이터 이용");
            await Assertions.Expect(page.Locator("#organisation-verified")).ToContainTextAsync("확인됨");
            await Assertions.Expect(page.Locator("#request-counts tr[data-status='submitted'] td")).ToHaveTextAsync("0");

            // From the catalogue to the form, which sends the requester to the agreement first.
            await page.GotoAsync($"/console/catalogue/{released.Institution}/{released.Dataset}");
            await page.Locator("#apply").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("이용 신청");
            await Assertions.Expect(page.Locator("#agreement-not-accepted")).ToHaveTextAsync("아직 동의하지 않음");
            await page.Locator("#to-agreement").ClickAsync();

            var agreement = page.Locator(".agreement[data-tier='restricted']");
            await Assertions.Expect(agreement.Locator(".agreement-version")).ToHaveTextAsync("1");
            await Assertions.Expect(agreement.Locator(".agreement-text")).ToContainTextAsync("재식별 시도 금지");
            await Assertions.Expect(agreement.Locator(".agreement-sha256")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "requester-agreement");
            await page.Locator("#agree-restricted").CheckAsync();
            await page.Locator("#accept-restricted").ClickAsync();
            await Assertions.Expect(page.Locator("#accepted")).ToContainTextAsync("제한 제공 데이터 이용 약정에 동의했습니다");
            await Assertions.Expect(agreement.Locator(".agreement-accepted")).ToBeVisibleAsync();

            await agreement.Locator(".to-request").ClickAsync();
            await Assertions.Expect(page.Locator("#agreement-accepted")).ToHaveTextAsync("동의함");
            await page.Locator("#purpose").SelectOptionAsync("research");
            await page.Locator("#projectSummary").FillAsync("민원 유형별 처리 기간 분석 연구");
            await Assertions.Expect(page.Locator("#analysts")).ToHaveValueAsync(requester.Id);
            await page.Locator("#periodDays").FillAsync("90");
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "requester-request-form");
            await page.Locator("#submit-request").ClickAsync();
            await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("제출됨");
            var requestId = RequestId().Match(page.Url).Value;

            // The reviewer and the providing agency approve through the API.
            await Requesters.Scene.ApproveAsync(released, requestId, (await Requesters.ReviewerAsync()).Key);
            await page.GotoAsync($"/console/my/requests/{requestId}");
            await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("승인");
            await Assertions.Expect(page.Locator("#approvals tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("승인 (심사위원)");
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "requester-request");

            await page.Locator("#grant-link").ClickAsync();
            await Assertions.Expect(page.Locator("#grant-status")).ToHaveTextAsync("유효");
            await Assertions.Expect(page.Locator("#grant-kind")).ToHaveTextAsync("내려받기");
            var row = page.Locator("#files tbody tr").First;
            await Assertions.Expect(row.Locator("a")).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "requester-grant");

            var expected = await row.Locator(".sha256").TextContentAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("a").ClickAsync());
            var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
            Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(bytes)));

            // Home again: the approved request and the live grant.
            await page.GotoAsync("/console/my");
            await Assertions.Expect(page.Locator("#request-counts tr[data-status='approved'] td")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator("#live-grants")).ToHaveTextAsync("유효한 이용 권한 1건");
            await Assertions.Expect(page.Locator($"#latest-requests tr[data-request='{requestId}']")).ToContainTextAsync("승인");
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "requester-home");
        });
    }

    [Fact]
    public async Task A_requester_fills_in_and_submits_the_request_form_with_the_keyboard_only()
    {
        var released = await Requesters.ReleasedAsync();
        var requester = await Requesters.RequesterAsync();
        await Requesters.Scene.AcceptAsync(released, requester.Key);
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, requester.Key);
            await page.GotoAsync(RequesterArrange.FormPath(released));
            await page.Locator("#version").FocusAsync();
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#purpose")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(page.Locator("#purpose")).ToHaveValueAsync("research");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#purposeText")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#projectSummary")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("민원 응답 품질 연구");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#analysts")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#periodDays")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("30");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("제출됨");
            await Assertions.Expect(page.Locator("#request-period")).ToHaveTextAsync("30일");
        });
    }

    [Fact]
    public async Task A_period_over_365_days_is_shown_in_Korean_next_to_the_period_and_creates_nothing()
    {
        var released = await Requesters.ReleasedAsync();
        var requester = await Requesters.RequesterAsync();
        await Requesters.Scene.AcceptAsync(released, requester.Key);
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, requester.Key);
            await page.GotoAsync(RequesterArrange.FormPath(released));
            await page.Locator("#projectSummary").FillAsync("장기 추적 연구");
            await page.Locator("#periodDays").FillAsync("400");
            await page.Locator("#submit-request").ClickAsync();

            await Assertions.Expect(page.Locator("#error-periodDays")).ToHaveTextAsync("이용 기간은 최대 365일입니다.");
            await Assertions.Expect(page.Locator("#periodDays")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator("#periodDays")).ToHaveValueAsync("400");
            await Assertions.Expect(page.Locator("#projectSummary")).ToHaveValueAsync("장기 추적 연구");
            await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
        });
        Assert.Equal(0, await Requesters.RequestCountAsync(requester.Key));
    }

    [Fact]
    public async Task Changes_asked_for_by_the_reviewer_are_answered_in_the_browser_and_the_resubmitted_request_can_be_withdrawn()
    {
        var released = await Requesters.ReleasedAsync();
        var requester = await Requesters.RequesterAsync();
        await Requesters.Scene.AcceptAsync(released, requester.Key);
        var requestId = await Requesters.Scene.RequestAsync(released, requester.Key, requester.Id);
        await ProvisionScene.SendAsync(Server.ApiWith((await Requesters.ReviewerAsync()).Key), HttpMethod.Post,
            $"/api/v1/access-requests/{requestId}/decisions",
            new JsonObject { ["decision"] = "request-changes", ["reason"] = "이용 기간을 60일 이내로 줄여 주세요." });
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, requester.Key);
            await page.GotoAsync($"/console/my/requests/{requestId}");
            await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("보완 요청");
            await Assertions.Expect(page.Locator("#requested-changes")).ToContainTextAsync("이용 기간을 60일 이내로 줄여 주세요.");
            await page.Locator("#periodDays").FillAsync("60");
            await page.Locator("#note").FillAsync("이용 기간을 60일로 줄였습니다.");
            await page.Locator("#resubmit").ClickAsync();

            await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("재제출됨");
            await Assertions.Expect(page.Locator("#request-period")).ToHaveTextAsync("60일");
            await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("보완한 신청서를 다시 제출했습니다.");

            // Still open, so it can be withdrawn; once withdrawn, no form is offered.
            await page.Locator("#withdrawReason").FillAsync("과제 일정 변경");
            await page.Locator("#withdraw").ClickAsync();
            await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("철회");
            await Assertions.Expect(page.Locator("#withdraw-form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("과제 일정 변경");
        });
    }

    [Fact]
    public async Task A_requester_of_an_unverified_organisation_is_told_plainly_that_requests_wait_for_verification()
    {
        var released = await Requesters.ReleasedAsync();
        var requester = await Requesters.Scene.PrincipalAsync("requester", await Requesters.Scene.OrganisationAsync(verified: false));
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, requester.Key);
            await Assertions.Expect(page.Locator("#organisation-verified")).ToHaveTextAsync("아직 확인되지 않음");
            await Assertions.Expect(page.Locator("#unverified")).ToContainTextAsync("확인이 끝날 때까지 이용 신청과 약정 동의를 할 수 없습니다");

            await page.GotoAsync(RequesterArrange.FormPath(released));
            await page.Locator("#projectSummary").FillAsync("검증 전 신청");
            await page.Locator("#periodDays").FillAsync("30");
            await page.Locator("#submit-request").ClickAsync();
            await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("소속 기관이 아직 관리자의 확인을 받지 않아 신청을 받을 수 없습니다.");
        });
        Assert.Equal(0, await Requesters.RequestCountAsync(requester.Key));
    }

    [GeneratedRegex("ar-[0-9a-f]{16}")]
    private static partial Regex RequestId();
}
