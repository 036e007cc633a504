using System.Text.Json.Nodes;
using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests.Provision;

/// <summary>Safe zones in the console (issue 14): a requester books seats, the site's operator checks them in and out.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ZoneTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    private ProvisionScene Scene => new(Server);

    private Task<(ProvisionScene.Released Released, string Organisation, (string Id, string Key) Requester, string GrantId)> GrantedAsync() =>
        ZoneGrant.Of(Server);

    [Fact]
    public async Task A_requester_books_a_seat_for_today_and_the_operator_checks_it_in_and_out()
    {
        var (_, _, requester, grantId) = await GrantedAsync();
        var op = await Scene.PrincipalAsync("zone-operator", Arrange.NewId("zone"));
        var site = await Scene.SiteAsync(4, op.Id);
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            // Keyboard only: the grant and the site come preselected from the link, today is the default day.
            await SignInAsync(page, requester.Key);
            await page.GotoAsync($"/console/my/bookings?grantId={grantId}&site={site}");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("내 안심구역 예약");
            await AgencyKeyboard.TabToAsync(page, "seats");
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync("2");
            await AgencyKeyboard.TabToAsync(page, "book");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("예약되었습니다.");
            var row = page.Locator("#bookings tbody tr").Filter(new() { HasText = site });
            await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("예약됨");
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(ProvisionScene.TodayInKorea());
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "requester-bookings");
        });

        var operatorPage = await NewPageAsync();
        await StepsAsync(operatorPage, async () =>
        {
            await SignInAsync(operatorPage, op.Key);
            await Assertions.Expect(operatorPage.Locator("h1")).ToHaveTextAsync("안심구역 운영");
            await operatorPage.Locator($"#zones tr[data-site='{site}']").GetByRole(AriaRole.Link).ClickAsync();
            var row = operatorPage.Locator($"#day-bookings tr[data-requester='{requester.Id}']");
            await Assertions.Expect(row.Locator(".visit")).ToHaveTextAsync("입실 전");
            await Assertions.Expect(operatorPage.Locator("#day-seats")).ToHaveTextAsync("좌석 4석 중 2석 예약");
            await row.GetByRole(AriaRole.Button, new() { Name = "입실 확인" }).ClickAsync();
            await Assertions.Expect(operatorPage.Locator("#saved")).ToHaveTextAsync("입실을 기록했습니다.");
            await Assertions.Expect(row.Locator(".visit")).ToContainTextAsync("입실");
            await AssertAccessibleAsync(operatorPage);
            await Screenshots.SaveAsync(operatorPage, "zone-day");
            await row.GetByRole(AriaRole.Button, new() { Name = "퇴실 확인" }).ClickAsync();
            await Assertions.Expect(operatorPage.Locator("#saved")).ToHaveTextAsync("퇴실을 기록했습니다.");
            await Assertions.Expect(row.Locator(".visit")).ToContainTextAsync("퇴실");

            var tomorrow = DateOnly.ParseExact(ProvisionScene.TodayInKorea(), "yyyy-MM-dd").AddDays(1).ToString("yyyy-MM-dd");
            await operatorPage.Locator("#closeDay").FillAsync(tomorrow);
            await operatorPage.Locator("#closeReason").FillAsync("전산 장비 점검");
            await operatorPage.Locator("#close-day").ClickAsync();
            await Assertions.Expect(operatorPage.Locator("#saved")).ToHaveTextAsync("쉬는 날로 지정했습니다.");
            await Assertions.Expect(operatorPage.Locator($"#closures tr[data-closure='{tomorrow}']")).ToContainTextAsync("전산 장비 점검");
            await operatorPage.Locator($"#reopen-{tomorrow}").ClickAsync();
            await Assertions.Expect(operatorPage.Locator("#saved")).ToHaveTextAsync("다시 열었습니다.");
            await Assertions.Expect(operatorPage.Locator("#no-closures")).ToBeVisibleAsync();
        });

        var booking = (await ProvisionScene.SendAsync(Server.ApiWith(requester.Key), HttpMethod.Get, "/api/v1/safe-zones/bookings/mine"))
            .EnumerateArray().Single(b => b.GetProperty("siteId").GetString() == site);
        var visit = booking.GetProperty("visits")[0];
        Assert.Equal(2, booking.GetProperty("seats").GetInt32());
        Assert.Contains(op.Id, visit.GetProperty("checkedOutBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_booking_form_sent_twice_books_once()
    {
        var (_, _, requester, grantId) = await GrantedAsync();
        var op = await Scene.PrincipalAsync("zone-operator", Arrange.NewId("zone"));
        var site = await Scene.SiteAsync(4, op.Id);
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, requester.Key);
            await page.GotoAsync($"/console/my/bookings?grantId={grantId}&site={site}");
            await page.Locator("#seats").FillAsync("1");

            // The rendered form's fields (antiforgery token and booking key included), posted twice as a double click or a resent post would.
            var fields = await page.Locator("#book-form").EvaluateAsync<Dictionary<string, string>>(
                "form => Object.fromEntries(new FormData(form))");
            var form = page.Context.APIRequest.CreateFormData();
            foreach (var (name, value) in fields)
            {
                form.Set(name, value);
            }

            var action = page.Url;
            var first = await page.Context.APIRequest.PostAsync(action, new() { Form = form, MaxRedirects = 0 });
            var second = await page.Context.APIRequest.PostAsync(action, new() { Form = form, MaxRedirects = 0 });
            Assert.True(first.Status < 400, $"first post: {first.Status}");
            Assert.True(second.Status < 400, $"second post: {second.Status}");
        });

        var mine = await ProvisionScene.SendAsync(Server.ApiWith(requester.Key), HttpMethod.Get, "/api/v1/safe-zones/bookings/mine");
        Assert.Single(mine.EnumerateArray(), b => b.GetProperty("siteId").GetString() == site);
    }

    [Fact]
    public async Task Booking_beyond_the_sites_seats_shows_the_problem_in_Korean_and_books_nothing()
    {
        var (_, _, requester, grantId) = await GrantedAsync();
        var op = await Scene.PrincipalAsync("zone-operator", Arrange.NewId("zone"));
        var site = await Scene.SiteAsync(1, op.Id);
        var requesterApi = Server.ApiWith(requester.Key);
        await ProvisionScene.SendAsync(requesterApi, HttpMethod.Post, $"/api/v1/safe-zones/{site}/bookings", new JsonObject
        {
            ["grantId"] = grantId, ["days"] = new JsonArray(ProvisionScene.TodayInKorea()), ["seats"] = 1,
        });
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, requester.Key);
            await page.GotoAsync($"/console/my/bookings?grantId={grantId}&site={site}");
            await page.Locator("#book").ClickAsync();
            await Assertions.Expect(page.Locator("#error-seats")).ToHaveTextAsync("선택한 날짜의 좌석이 부족합니다(정원 초과).");
            await Assertions.Expect(page.Locator("#seats")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            var mine = await ProvisionScene.SendAsync(requesterApi, HttpMethod.Get, "/api/v1/safe-zones/bookings/mine");
            Assert.Single(mine.EnumerateArray(), b => b.GetProperty("siteId").GetString() == site);

            // The seat held through the API is given back from the page.
            var row = page.Locator("#bookings tbody tr").Filter(new() { HasText = site });
            await row.Locator("input[name='reason']").FillAsync("일정 변경");
            await row.GetByRole(AriaRole.Button, new() { Name = "예약 취소" }).ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("예약을 취소했습니다.");
            await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("취소됨");
        });
    }
}
