using Census.Console.Tests.Infrastructure;
using Census.Testing;

namespace Census.Console.Tests.Provision;

/// <summary>
/// Access reviews in the console (issue 14 item 11): a reviewer and the providing agency approve a request; a reviewer
/// of the requester's organisation and an admin's approval are refused in Korean and change nothing; the agency
/// extends the due date with the keyboard alone (11 days is refused next to the field). One restricted release serves
/// every test of the class: each test asks on it for a request of its own.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessReviewTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    private static Task<ProvisionScene.Released>? shared;

    private ProvisionScene Scene => new(Server);

    [Fact]
    public async Task A_reviewer_and_then_the_agency_approve_a_request_and_the_page_shows_the_grant()
    {
        var (released, requestId, _) = await RequestAsync();
        var reviewer = await Scene.PrincipalAsync("reviewer", Arrange.NewId("board"));
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, reviewer.Key);
            await page.GotoAsync("/console/access-reviews?status=submitted");
            var row = page.Locator($"#requests tr[data-request='{requestId}']");
            await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("신청됨");
            await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("AI 모델 학습");
            await Screenshots.SaveAsync(page, "access-queue");
            await AssertAccessibleAsync(page);

            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.Locator("#request-purpose")).ToHaveTextAsync("AI 모델 학습");
            await Assertions.Expect(page.Locator("#request-verified")).ToHaveTextAsync("예");
            await page.Locator("#decision-approve").CheckAsync();
            await page.Locator("#decisionReason").FillAsync("목적과 기간이 적정함");
            await page.Locator("#decide").ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("심사 중");
            await Assertions.Expect(page.Locator("#approvals tr[data-party='reviewer']")).ToContainTextAsync("목적과 기간이 적정함");
        });

        var agency = await NewPageAsync();
        await StepsAsync(agency, async () =>
        {
            await SignInAsync(agency, released.AgencyKey);
            await agency.GotoAsync($"/console/access-reviews/{requestId}");
            await agency.Locator("#decision-approve").CheckAsync();
            await agency.Locator("#decisionReason").FillAsync("제공기관 승인");
            await agency.Locator("#decide").ClickAsync();
            await Assertions.Expect(agency.Locator("#request-status")).ToHaveTextAsync("승인");
            await Assertions.Expect(agency.Locator("#grant-id")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^gr-"));
            await Assertions.Expect(agency.Locator("#grant-status")).ToHaveTextAsync("유효");
            await Assertions.Expect(agency.Locator("#revoke-grant")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(agency, "access-review");
            await AssertAccessibleAsync(agency);
        });
        Assert.Equal("approved", (await Arrange.GetAsync($"/api/v1/access-requests/{requestId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_reviewer_of_the_requesting_organisation_is_refused_in_Korean_and_nothing_changes()
    {
        var (_, requestId, organisation) = await RequestAsync();
        var colleague = await Scene.PrincipalAsync("reviewer", organisation);
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, colleague.Key);
            await page.GotoAsync($"/console/access-reviews/{requestId}");
            await Assertions.Expect(page.Locator("#review-problem")).ToContainTextAsync("신청 기관이나 제공기관 소속 심사위원은 심사할 수 없습니다");
            await Assertions.Expect(page.Locator("#decide")).ToHaveCountAsync(0);
        });
        Assert.Equal("submitted", (await Arrange.GetAsync($"/api/v1/access-requests/{requestId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_admin_cannot_approve_and_sees_why_in_Korean()
    {
        var (_, requestId, _) = await RequestAsync();
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/access-reviews/{requestId}");
            await page.Locator("#decision-approve").CheckAsync();
            await page.Locator("#decisionReason").FillAsync("관리자 승인 시도");
            await page.Locator("#decide").ClickAsync();
            await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("관리자는 반려나 보완 요청만 할 수 있습니다");
            await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("신청됨");
        });
        var request = await Arrange.GetAsync($"/api/v1/access-requests/{requestId}");
        Assert.Equal("submitted", request.GetProperty("status").GetString());
        Assert.Single(request.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task The_agency_extends_the_due_date_with_the_keyboard_and_eleven_days_are_refused_next_to_the_field()
    {
        var (released, requestId, _) = await RequestAsync();
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, released.AgencyKey);
            await page.GotoAsync($"/console/access-reviews/{requestId}");
            await AgencyKeyboard.TabToAsync(page, "days");
            await page.Keyboard.TypeAsync("11");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("심사위원 배정 지연");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#error-days")).ToContainTextAsync("1–10 사이여야 합니다");
            await Assertions.Expect(page.Locator("#days")).ToHaveAttributeAsync("aria-invalid", "true");
            await AssertAccessibleAsync(page);

            await AgencyKeyboard.TabToAsync(page, "days");
            await page.Keyboard.TypeAsync("3");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("심사위원 배정 지연");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#request-due")).ToContainTextAsync("심사위원 배정 지연");
            await Assertions.Expect(page.Locator("#extend")).ToHaveCountAsync(0);
        });
        var history = (await Arrange.GetAsync($"/api/v1/access-requests/{requestId}")).GetProperty("history");
        Assert.Equal("due date extended by 3 days", history[history.GetArrayLength() - 1].GetProperty("action").GetString());
    }

    /// <summary>A fresh request on the class's release by a requester of a new verified company: (release, request, organisation).</summary>
    private async Task<(ProvisionScene.Released Released, string RequestId, string Organisation)> RequestAsync()
    {
        var released = await Shared();
        var organisation = await Scene.OrganisationAsync();
        var requester = await Scene.PrincipalAsync("requester", organisation);
        await Scene.AcceptAsync(released, requester.Key);
        return (released, await Scene.RequestAsync(released, requester.Key, requester.Id), organisation);
    }

    private Task<ProvisionScene.Released> Shared()
    {
        lock (typeof(AccessReviewTests))
        {
            return shared ??= ReleaseWithAgreementAsync(Scene);
        }
    }

    private static async Task<ProvisionScene.Released> ReleaseWithAgreementAsync(ProvisionScene scene)
    {
        var released = await scene.ReleasedAsync();
        await scene.AgreementAsync(released);
        return released;
    }
}
